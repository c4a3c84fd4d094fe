import Foundation
import KilnSupport
import Testing
import _KilnTestSupport

@testable import KilnBackends
@testable import KilnDriver

/// The reference and example projects' manifests as the backend renders them, for tests that read objects
/// rather than YAML text.
enum RenderedManifests {
  static let projects = [
    "specs/reference", "specs/examples/starter", "specs/examples/disaggregated", "specs/examples/superpod-h100",
  ]

  static func files(_ project: String) throws -> [ManifestFile] {
    let lint = try inRepository { try Linter().lint(project) }
    return KubernetesManifests.render(
      try #require(lint.ir), analysis: try #require(lint.analysis), projectName: "test")
  }

  static func documents(_ project: String) throws -> [JSONValue] { try files(project).flatMap(\.documents) }
}

extension JSONValue {
  subscript(_ key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  var text: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var items: [JSONValue] {
    if case .array(let values) = self { return values }
    return []
  }

  var members: [(String, JSONValue)] {
    if case .object(let values) = self { return values }
    return []
  }
}
