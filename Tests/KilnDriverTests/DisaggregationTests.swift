import Foundation
import Testing
import _KilnTestSupport

@testable import KilnAnalysis
@testable import KilnDriver

/// A serving entry with a `prefill` pool (specs/examples/disaggregated, docs/models.md §8.6): two pools,
/// each sized against its own tokens, compiled to two workloads and a router.
@Suite struct DisaggregationTests {
  static let project = "specs/examples/disaggregated"

  func pools(_ folder: String) throws -> (decode: ProjectReport.Serving, prefill: ProjectReport.Serving) {
    let lint = try Linter().lint(folder)
    #expect(!lint.hasErrors, "\(lint.diagnostics.map(\.message))")
    let serving = try #require(lint.report()?.serving)
    return (
      try #require(serving.first { $0.role == "decode" }), try #require(serving.first { $0.role == "prefill" })
    )
  }

  /// The decode pool prefills nothing: its steps at a 40 ms TPOT hold 272 sequences, against 50 when the
  /// same replicas also prefill 4,000-token prompts. The prefill pool's figures count input tokens: 4
  /// replicas × 19,690 against the 6k tokens/s peak's 60,000 input tokens/s; the TTFT is its prefill and
  /// hand-off, queued behind other prefills at the peak.
  @Test func eachPoolIsSizedAgainstItsOwnTokens() throws {
    let (decode, prefill) = try pools(Golden.repositoryRoot + "/" + Self.project)
    #expect(decode.batch == 272 && decode.prefillShare == 0 && decode.ttftEstimateSeconds == nil)
    #expect(abs((decode.tokensPerSecondPerReplica ?? 0) - 6_815) < 1)
    #expect(decode.demandTokensPerSecond == 6_000)
    #expect(prefill.tpotSeconds == nil && prefill.prefillShare == 1)
    #expect(abs((prefill.tokensPerSecondPerReplica ?? 0) - 19_690) < 10)
    #expect(prefill.demandTokensPerSecond == 60_000)
    #expect(abs((prefill.headroom ?? 0) - 0.3126) < 1e-3)
    #expect(abs((prefill.ttftAtPeakSeconds ?? 0) - 0.5366) < 1e-3)
    let combined = try ProjectCopy.make(
      of: Self.project, tag: "combined",
      edits: [
        (
          "serving.yaml",
          "replicas: {min: 1, max: 2}\n      prefill:                       # the prefill pool, sized against the input tokens\n        parallelism: {tensor: 4}\n        replicas: {min: 1, max: 4}",
          "replicas: {min: 1, max: 6}"
        )
      ])
    defer { try? FileManager.default.removeItem(atPath: combined) }
    let lint = try Linter().lint(combined)
    let entry = try #require(lint.report()?.serving.first)
    #expect(entry.role == "combined" && entry.batch == 50)
    #expect(abs((entry.capacityTokensPerSecond ?? 0) - 7_536) < 10)
  }

  /// Too few prefill replicas for the input tokens is K6102 on the prefill pool, in input tokens.
  @Test func anUndersizedPrefillPoolIsReported() throws {
    let folder = try ProjectCopy.make(
      of: Self.project, tag: "small-prefill",
      edits: [("serving.yaml", "replicas: {min: 1, max: 4}", "replicas: {min: 1, max: 2}")])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let diagnostics = try Linter().lint(folder).diagnostics.filter { $0.code.id == "K6102" }
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.message.hasPrefix("'chat (prefill)' in Region/us serves 39.4k input tokens/s") == true)
  }

  /// The pools compile to two workloads labelled by role with SGLang's disaggregation flags, the prefill
  /// pool announcing its bootstrap port, and a router named like the entry that finds them by label.
  @Test func thePoolsAndTheRouterCompile() throws {
    let files = try #require(try inRepository { try Builder().build(Self.project) }.files)
    let text = Builder().stream(files)
    #expect(text.contains("name: us-chat-prefill\n") && text.contains("name: us-chat-decode\n"))
    #expect(text.contains("app.kubernetes.io/component: prefill\n"))
    #expect(
      text.contains(
        "- \"--disaggregation-mode\"\n        - prefill\n        - \"--disaggregation-bootstrap-port\"\n        - \"8998\"\n"
      ))
    #expect(text.contains("- \"--disaggregation-mode\"\n        - decode\n"))
    #expect(text.contains("sglang.ai/bootstrap-port: \"8998\"\n"))
    #expect(text.contains("- \"--prefill-selector\"\n        - app.kubernetes.io/instance=us-chat-prefill\n"))
    #expect(text.contains("kind: Role\n") && text.contains("serviceAccountName: us-chat\n"))
  }
}
