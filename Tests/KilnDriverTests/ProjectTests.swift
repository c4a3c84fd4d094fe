import Foundation
import KilnDiagnostics
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// The reference and example projects lint clean; every specs/invalid case reports what its EXPECT
/// file says, at the stated line and column, and matches its golden human and SARIF output.
@Suite struct ProjectTests {
  static let root = Golden.repositoryRoot

  static var exampleProjects: [String] {
    ["specs/reference"] + Golden.exampleProjects
  }

  static var invalidCases: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: root + "/specs/invalid")) ?? []).sorted()
  }

  @Test(arguments: exampleProjects)
  func validProjectLintsClean(path: String) throws {
    let result = try inRepository { try Linter().lint(path) }
    #expect(
      result.diagnostics.isEmpty,
      "\(result.diagnostics.map { "\($0.code.id) \($0.range.file):\($0.range.start.line): \($0.message)" })")
    #expect(result.summary.files > 0)
  }

  @Test func referenceStagingEnvironmentLintsClean() throws {
    let result = try inRepository { try Linter(environment: "staging").lint("specs/reference") }
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
  }

  struct Expectation {
    var arguments: [String] = []
    var diagnostics: [String] = []
  }

  static func expectation(_ name: String) -> Expectation {
    let text = (try? String(contentsOfFile: root + "/specs/invalid/\(name)/EXPECT", encoding: .utf8)) ?? ""
    var result = Expectation()
    for line in text.split(separator: "\n") where !line.isEmpty && !line.hasPrefix("#") {
      if line.hasPrefix("args:") {
        result.arguments = line.dropFirst(5).split(separator: " ").map(String.init)
      } else {
        result.diagnostics.append(String(line))
      }
    }
    return result
  }

  func lint(_ name: String) throws -> LintResult {
    let expectation = Self.expectation(name)
    var environment: String?
    if let index = expectation.arguments.firstIndex(of: "--env"), index + 1 < expectation.arguments.count {
      environment = expectation.arguments[index + 1]
    }
    return try inRepository { try Linter(environment: environment).lint("specs/invalid/\(name)") }
  }

  @Test(arguments: invalidCases)
  func invalidCaseReportsItsCodeAtItsPosition(name: String) throws {
    let expectation = Self.expectation(name)
    #expect(!expectation.diagnostics.isEmpty, "specs/invalid/\(name)/EXPECT lists nothing")
    let result = try lint(name)
    let prefix = "specs/invalid/\(name)/"
    let actual = result.diagnostics.map {
      "\($0.code.id) \($0.range.file.hasPrefix(prefix) ? String($0.range.file.dropFirst(prefix.count)) : $0.range.file):\($0.range.start.line):\($0.range.start.column)"
    }
    #expect(actual == expectation.diagnostics)
    let code = String(name.prefix(5))
    #expect(result.diagnostics.contains { $0.code.id == code }, "\(name) does not report \(code)")
  }

  @Test(arguments: invalidCases)
  func invalidCaseMatchesGoldenOutput(name: String) throws {
    let result = try lint(name)
    let human = DiagnosticPrinter(format: .human, useColor: false, sourceRootURI: nil).render(result)
    Golden.assertMatches(human, file: "golden/invalid/\(name).txt")
    let sarif = DiagnosticPrinter(format: .sarif, useColor: false, sourceRootURI: nil).render(result)
    Golden.assertMatches(sarif, file: "golden/invalid/\(name).sarif")
  }

  @Test func everyCodeHasAnInvalidCase() {
    let covered = Set(Self.invalidCases.map { String($0.prefix(5)) })
    for code in DiagnosticRegistry.all {
      #expect(covered.contains(code.id), "no specs/invalid case for \(code.id)")
    }
  }

  static var fixableCases: [String] {
    invalidCases.filter { FileManager.default.fileExists(atPath: root + "/specs/invalid/\($0)/FIX") }
  }

  /// Every analyzer check has a passing spec too: the case with its mistake corrected (its FIX file:
  /// `file: old => new` lines) lints clean.
  @Test(arguments: fixableCases)
  func fixedCasePasses(name: String) throws {
    let manager = FileManager.default
    let source = Self.root + "/specs/invalid/" + name
    let copy = manager.temporaryDirectory.appendingPathComponent("kiln-fixed-\(getpid())-\(name)")
    try? manager.removeItem(at: copy)
    defer { try? manager.removeItem(at: copy) }
    try manager.copyItem(atPath: source, toPath: copy.path)
    let fix = try String(contentsOfFile: source + "/FIX", encoding: .utf8)
    for line in fix.split(separator: "\n") where !line.isEmpty {
      let parts = line.split(separator: ":", maxSplits: 1)
      let edit = try #require(parts.count == 2 ? parts[1].components(separatedBy: " => ") : nil)
      let file = copy.appendingPathComponent(String(parts[0]))
      let text = try String(contentsOf: file, encoding: .utf8)
      let old = edit[0].trimmingCharacters(in: .whitespaces)
      #expect(text.contains(old), "\(name)/FIX: '\(old)' is not in \(parts[0])")
      try Data(text.replacingOccurrences(of: old, with: edit[1]).utf8).write(to: file)
    }
    let result = try Linter().lint(copy.path)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.code.id): \($0.message)" })")
  }

  @Test func everyAnalyzerCheckHasAPassingSpec() {
    let fixed = Set(Self.fixableCases.map { String($0.prefix(5)) })
    for code in DiagnosticRegistry.all where ["K4", "K5", "K6"].contains(where: { code.id.hasPrefix($0) }) {
      #expect(fixed.contains(code.id), "no FIX for the \(code.id) case")
    }
  }

  /// Same input, same bytes: a project copied file by file in opposite orders lints to identical output.
  @Test(arguments: ["K2017-duplicate-object", "K3007-fabric-spans-sites"])
  func outputIsIndependentOfFileOrder(name: String) throws {
    let outputs = try FileOrder.outputsInBothOrders(of: Self.root + "/specs/invalid/" + name, tag: name) { copy in
      let result = try Linter().lint(copy)
      let json = DiagnosticPrinter(format: .json, useColor: false, sourceRootURI: nil).render(result)
      return json.replacingOccurrences(of: copy, with: "PROJECT")
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].contains("\"errors\": 1") || outputs[0].contains("\"errors\": 2"))
  }
}

/// Runs `body` with the repository root as the current directory, so paths print as in CI.
func inRepository<T>(_ body: () throws -> T) rethrows -> T {
  RepositoryDirectory.lock.lock()
  defer { RepositoryDirectory.lock.unlock() }
  let previous = FileManager.default.currentDirectoryPath
  _ = FileManager.default.changeCurrentDirectoryPath(Golden.repositoryRoot)
  defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
  return try body()
}

enum RepositoryDirectory {
  static let lock = NSLock()
}
