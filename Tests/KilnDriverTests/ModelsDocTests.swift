import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// docs/models.md's worked examples equal what `kiln report` prints for them. Each example whose result is a
/// figure of the JSON report is followed in the doc by a marker such as
/// `<!-- report: specs/reference totals.capex_usd = 113669400 -->`: the project folder, a key path into the
/// JSON report (`[0]` indexes an array, `[name=ib-ft]` picks the one element whose field has that value) and
/// the value as the JSON prints it.
@Suite struct ModelsDocTests {
  /// One marker of docs/models.md.
  struct Marker: CustomStringConvertible {
    var line: Int
    var project: String
    var path: String
    var value: String

    var description: String { "docs/models.md:\(line): report: \(project) \(path) = \(value)" }
  }

  /// One step of a key path.
  enum Step: Equatable {
    case key(String)
    case index(Int)
    case element(field: String, value: String)
  }

  /// Why a key path leads nowhere in a report.
  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  static let opening = "<!-- report: "
  static let closing = " -->"

  /// Every marker of the doc, in order, with its line. A marker that does not parse is an issue.
  static func markers(in text: String) -> [Marker] {
    var markers: [Marker] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var rest = line[...]
      while let start = rest.range(of: opening) {
        guard let end = rest[start.upperBound...].range(of: closing) else {
          Issue.record("docs/models.md:\(offset + 1): a report marker without '\(closing)'")
          break
        }
        let body = rest[start.upperBound..<end.lowerBound]
        rest = rest[end.upperBound...]
        guard let space = body.firstIndex(of: " "), let equals = body.range(of: " = "), space < equals.lowerBound
        else {
          Issue.record("docs/models.md:\(offset + 1): a report marker is not 'PROJECT PATH = VALUE': \(body)")
          continue
        }
        markers.append(
          Marker(
            line: offset + 1, project: String(body[..<space]),
            path: String(body[body.index(after: space)..<equals.lowerBound]),
            value: body[equals.upperBound...].trimmingCharacters(in: .whitespaces)))
      }
    }
    return markers
  }

  /// `sites[name=hangzhou-1].itPower_kW` is the key `sites`, its element named hangzhou-1, the key
  /// `itPower_kW`. Nil when the path does not parse.
  static func steps(_ path: String) -> [Step]? {
    var steps: [Step] = []
    var rest = path[...]
    while let first = rest.first {
      if first == "[" {
        guard let close = rest.firstIndex(of: "]") else { return nil }
        let inside = rest[rest.index(after: rest.startIndex)..<close]
        if let equals = inside.firstIndex(of: "=") {
          let field = String(inside[..<equals])
          let value = String(inside[inside.index(after: equals)...])
          steps.append(.element(field: field, value: value))
        } else if let index = Int(inside) {
          steps.append(.index(index))
        } else {
          return nil
        }
        rest = rest[rest.index(after: close)...]
      } else {
        if first == "." { rest = rest.dropFirst() }
        let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
        guard end > rest.startIndex else { return nil }
        steps.append(.key(String(rest[..<end])))
        rest = rest[end...]
      }
    }
    return steps.isEmpty ? nil : steps
  }

  /// The JSON value the steps lead to.
  static func value(at steps: [Step], in root: Any) throws -> Any {
    var current = root
    for step in steps {
      switch step {
      case .key(let key):
        guard let object = current as? [String: Any], let next = object[key] else {
          throw Missing(description: "no key '\(key)'")
        }
        current = next
      case .index(let index):
        guard let array = current as? [Any], array.indices.contains(index) else {
          throw Missing(description: "no element [\(index)]")
        }
        current = array[index]
      case .element(let field, let value):
        guard let array = current as? [Any] else { throw Missing(description: "[\(field)=\(value)] needs an array") }
        let found = array.filter { element in
          guard let object = element as? [String: Any], let fieldValue = object[field] else { return false }
          return text(fieldValue) == value
        }
        guard found.count == 1, let only = found.first else {
          throw Missing(description: "\(found.count) elements with \(field) = \(value), not 1")
        }
        current = only
      }
    }
    return current
  }

  /// A JSON value as a marker writes it: a string as it is, `null`, a number as Foundation prints it.
  static func text(_ value: Any) -> String {
    switch value {
    case let string as String: string
    case is NSNull: "null"
    case let number as NSNumber: number.stringValue
    default: "\(value)"
    }
  }

  /// A JSON number as a Double; nil for anything else.
  static func numeric(_ value: Any) -> Double? {
    if value is String { return nil }
    if let number = value as? NSNumber { return number.doubleValue }
    if let number = value as? Double { return number }
    if let number = value as? Int { return Double(number) }
    return nil
  }

  /// Numbers compare as numbers (within a relative 10⁻⁹, so two parsers of one decimal agree); the rest as
  /// text.
  static func matches(_ actual: Any, _ expected: String) -> Bool {
    guard let printed = numeric(actual) else { return text(actual) == expected }
    guard let wanted = Double(expected) else { return false }
    return abs(printed - wanted) <= 1e-9 * max(1, abs(wanted))
  }

  @Test func workedExamplesMatchTheReport() throws {
    let doc = try String(contentsOfFile: Golden.repositoryRoot + "/docs/models.md", encoding: .utf8)
    let markers = Self.markers(in: doc)
    #expect(markers.count >= 12, "docs/models.md has \(markers.count) report markers; it needs at least 12")
    // One report per project, as `kiln report PROJECT --format json` prints it.
    var reports: [String: Any] = [:]
    for project in Set(markers.map(\.project)).sorted() {
      let output = try inRepository { try Reporter().report(project, format: .json) }
      let text = try #require(output.text, "kiln report \(project) printed no report")
      reports[project] = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
    for marker in markers {
      guard let report = reports[marker.project] else { continue }
      guard let steps = Self.steps(marker.path) else {
        Issue.record("\(marker): the key path does not parse")
        continue
      }
      do {
        let actual = try Self.value(at: steps, in: report)
        #expect(Self.matches(actual, marker.value), "\(marker): the report prints \(Self.text(actual))")
      } catch {
        Issue.record("\(marker): the report has no such figure (\(error))")
      }
    }
  }

  @Test func keyPaths() {
    #expect(Self.steps("totals.capex_usd") == [Step.key("totals"), .key("capex_usd")])
    #expect(
      Self.steps("sites[name=sg-cloud].itPower_kW")
        == [Step.key("sites"), .element(field: "name", value: "sg-cloud"), .key("itPower_kW")])
    #expect(Self.steps("serving[0].batch") == [Step.key("serving"), .index(0), .key("batch")])
    #expect(Self.steps("serving[x].batch") == nil)
    #expect(Self.steps("serving[0") == nil)
  }
}
