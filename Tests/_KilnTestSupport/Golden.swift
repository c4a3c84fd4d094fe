import Foundation
import Testing

/// Golden-file assertions: compare with a file under golden/, print a unified-style diff on
/// mismatch; `KILN_UPDATE_GOLDEN=1` rewrites the file and fails the test so nobody records by accident.
public enum Golden {
  public static let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return FileManager.default.currentDirectoryPath
  }()

  /// The example projects: every folder under specs/examples that holds a kiln.yaml (the published fleets
  /// under specs/examples/fleets too), as repository-relative paths, sorted.
  public static var exampleProjects: [String] {
    let base = repositoryRoot + "/specs/examples"
    let files = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
    return files.filter { $0 == "kiln.yaml" || $0.hasSuffix("/kiln.yaml") }
      .map { "specs/examples/" + String($0.dropLast("/kiln.yaml".count)) }.sorted()
  }

  public static var updating: Bool { ProcessInfo.processInfo.environment["KILN_UPDATE_GOLDEN"] == "1" }

  public static func assertMatches(
    _ actual: String, file relativePath: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let path = repositoryRoot + "/" + relativePath
    if updating {
      try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
      Issue.record("rewrote \(relativePath); unset KILN_UPDATE_GOLDEN and run again", sourceLocation: sourceLocation)
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record(
        "missing golden file \(relativePath); run KILN_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
      Issue.record("\(relativePath) differs:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
    }
  }

  /// A line diff: `-` expected, `+` actual, with the first differing region.
  public static func diff(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var prefix = 0
    while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    var out = "@@ line \(prefix + 1) @@\n"
    for line in a[prefix..<(a.count - suffix)].prefix(40) { out += "-\(line)\n" }
    for line in b[prefix..<(b.count - suffix)].prefix(40) { out += "+\(line)\n" }
    return out
  }
}
