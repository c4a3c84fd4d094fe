import Foundation
import Testing
import _KilnTestSupport

/// The lint order (docs/language.md, "Lint order"): Policy severities apply before the K1–K3 gate, the
/// gate reads effective severities, and `--warnings-as-errors` changes only the exit code. Runs the binary
/// on variants of the starter project.
@Suite struct LintOrderTests {
  func run(_ arguments: [String]) throws -> CommandLineTests.Run { try CommandLineTests().run(arguments) }

  func project(_ tag: String, edits: [ProjectCopy.Edit] = [], extra: [String: String] = [:]) throws -> String {
    try ProjectCopy.make(tag: "order-" + tag, edits: edits, extra: extra)
  }

  static let unusedModel = """
    apiVersion: kiln/v1
    kind: Model
    metadata: {name: spare}
    spec: {parameters: 1B, layers: 16, kv: {heads: 8, headDim: 64}}

    """

  /// A rack of two DGX-H100 (20.4 kW) under air cooling's 20 kW: K4101, an analyzer error.
  static let overPower = [(file: "infrastructure.yaml", old: "perRack: 1}", new: "perRack: 2}")]

  static func codes(_ output: String) -> [String] {
    output.matches(of: /(error|warning|note)\[(K\d{4})\]/).map { "\($0.1)[\($0.2)]" }
  }

  @Test func warningsAsErrorsChangesOnlyTheExitCode() throws {
    let folder = try project("wae", edits: Self.overPower, extra: ["spare.yaml": Self.unusedModel])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let plain = try run(["lint", folder])
    let strict = try run(["lint", folder, "--warnings-as-errors"])
    #expect(Self.codes(plain.stdout).contains("error[K4101]"))
    #expect(Self.codes(plain.stdout).contains("warning[K3003]"))
    // The analyzer still runs and nothing is reported differently.
    #expect(strict.stdout == plain.stdout)
    #expect(plain.status == 1 && strict.status == 1)
  }

  @Test func warningsAsErrorsFailsOnWarningsAlone() throws {
    let folder = try project("wae-only", extra: ["spare.yaml": Self.unusedModel])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let plain = try run(["lint", folder])
    let strict = try run(["lint", folder, "--warnings-as-errors"])
    #expect(plain.status == 0)
    #expect(strict.status == 1)
    #expect(strict.stdout == plain.stdout)
    #expect(strict.stderr == "kiln: failing on 1 warning (--warnings-as-errors)\n")
  }

  static let policyMakesUnusedAnError = """
    apiVersion: kiln/v1
    kind: Policy
    metadata: {name: strict}
    spec:
      rules:
        - {check: unused-object, severity: error}

    """

  /// A Policy that turns a K3 warning into an error gates like any K3 error: no analysis, no report, no
  /// manifests, no plan.
  @Test func policySeverityGates() throws {
    let folder = try project(
      "policy", edits: Self.overPower,
      extra: ["spare.yaml": Self.unusedModel, "policy.yaml": Self.policyMakesUnusedAnError])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lint = try run(["lint", folder])
    #expect(lint.status == 1)
    #expect(Self.codes(lint.stdout) == ["error[K3003]"], "the analyzer ran past the gate: \(lint.stdout)")
    let report = try run(["report", folder])
    #expect(report.status == 1)
    #expect(report.stdout.isEmpty)
    let out = folder + "-manifests"
    defer { try? FileManager.default.removeItem(atPath: out) }
    let build = try run(["build", folder, "-o", out])
    #expect(build.status == 1)
    #expect(!FileManager.default.fileExists(atPath: out))
    let plan = try run(["plan", folder, "--base-dir", Golden.repositoryRoot + "/specs/examples/starter"])
    #expect(plan.status == 1)
    #expect(plan.stdout.isEmpty)
  }

  /// The other way round: a Policy that turns an analyzer error into a warning lets report and build run.
  @Test func policyCanLowerAnAnalyzerError() throws {
    let policy = """
      apiVersion: kiln/v1
      kind: Policy
      metadata: {name: lenient}
      spec:
        rules:
          - {check: rack-power, severity: warning}

      """
    let folder = try project("lenient", edits: Self.overPower, extra: ["policy.yaml": policy])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lint = try run(["lint", folder])
    #expect(lint.status == 0)
    #expect(Self.codes(lint.stdout).contains("warning[K4101]"))
    #expect(try run(["report", folder]).status == 0)
  }
}
