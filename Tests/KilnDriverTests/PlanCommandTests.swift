import Foundation
import Testing
import _KilnTestSupport

/// `kiln plan`'s exit codes (docs/plan-format.md): 1 > 3 > 2 > 0.
extension CommandLineTests {
  func plan(_ name: String, _ extra: [String]) throws -> Run {
    try run(["plan", "specs/changes/\(name)/head", "--base", "specs/changes/\(name)/base"] + extra)
  }

  @Test func planExitCodes() throws {
    #expect(try plan("scale-out", []).status == 0)
    #expect(try plan("scale-out", ["--detailed-exitcode"]).status == 2)
    #expect(try plan("no-change", ["--detailed-exitcode"]).status == 0)
    #expect(try plan("capacity", ["--detailed-exitcode", "--fail-on", "capacity"]).status == 3)
    #expect(try plan("capacity", ["--detailed-exitcode", "--fail-on", "budget"]).status == 2)
    #expect(try plan("remove-serving", ["--fail-on", "destructive,budget"]).status == 3)
  }

  @Test func planErrorsAreExitOneWithOneLine() throws {
    let unknownFlag = try plan("scale-out", ["--fail-on", "scary"])
    #expect(unknownFlag.status == 1)
    #expect(unknownFlag.stderr.split(separator: "\n").count == 1)
    let noBase = try run(["plan", "specs/changes/scale-out/head"])
    #expect(noBase.status == 1)
    // A base with reference errors (K3) is reported with its diagnostics and one closing line.
    let broken = try run([
      "plan", "specs/changes/scale-out/head", "--base-dir", "specs/invalid/K3001-missing-reference",
    ])
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("has syntax, schema or reference errors; no plan"))
    #expect(broken.stdout.isEmpty)
  }

  @Test func planFormats() throws {
    let markdown = try plan("capacity", ["--format", "markdown"])
    #expect(markdown.stdout.hasPrefix("## Kiln plan\n"))
    #expect(markdown.stdout.contains("**capacity**"))
    let json = try plan("capacity", ["--format", "json"])
    #expect(json.stdout.contains("\"formatVersion\": 1"))
    // No colour when standard output is not a terminal.
    #expect(!(try plan("scale-out", [])).stdout.contains("\u{1B}["))
  }
}
