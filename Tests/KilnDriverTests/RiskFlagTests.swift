import Foundation
import KilnPlan
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Each risk-flag rule fires on a change that brings the risk and keeps quiet on one that does not.
/// Findings are matched by (code, subjects), never by message text.
@Suite struct RiskFlagTests {
  typealias Edit = ProjectCopy.Edit

  func starter(_ tag: String, _ edits: [Edit]) throws -> String {
    try ProjectCopy.make(tag: "risk-" + tag, edits: edits)
  }

  func flags(base: [Edit], head: [Edit], _ tag: String) throws -> [Risk] {
    let baseFolder = try starter(tag + "-base", base)
    let headFolder = try starter(tag + "-head", head)
    defer {
      try? FileManager.default.removeItem(atPath: baseFolder)
      try? FileManager.default.removeItem(atPath: headFolder)
    }
    return try Planner().plan(project: headFolder, base: .folder(baseFolder)).risks
  }

  /// A second serving entry, `name`, with the same shape as `chat` and a demand of `peak`.
  static func secondEntry(_ name: String, peak: String) -> Edit {
    (
      "serving.yaml", "      # Secrets are references",
      """
          - name: \(name)
            model: llama3-8b
            cluster: infer-1
            image: vllm/vllm-openai:v0.8.5
            parallelism: {tensor: 1}
            replicas: {min: 1, max: 2}
            demand: {peak: \(peak), averageInput: 1k, averageOutput: 300}
            engineArgs: {gpuMemoryUtilization: 90%, maxBatch: 128}
            # Secrets are references
      """
    )
  }

  static let chatOne: Edit = ("serving.yaml", "- name: chat ", "- name: chat-1 ")
  static let chatOneShort: Edit = ("serving.yaml", "peak: 15k tokens/s", "peak: 150k tokens/s")

  /// chat-1 already misses its demand in the base; chat-2 is new and misses its own: a new risk, though
  /// the two names differ only in a digit.
  @Test func capacityFiresForANewEntryNextToAnOldFinding() throws {
    let risks = try flags(
      base: [Self.chatOne, Self.chatOneShort],
      head: [Self.chatOne, Self.chatOneShort, Self.secondEntry("chat-2", peak: "500k tokens/s")], "capacity")
    #expect(risks.map(\.flag) == [.capacity], "\(risks.map(\.message))")
    #expect(risks.first?.message.contains("'chat-2'") == true)
  }

  /// The same finding with other figures is not a new risk.
  @Test func capacityKeepsQuietWhenOnlyTheFiguresChange() throws {
    let risks = try flags(
      base: [Self.chatOne, Self.chatOneShort],
      head: [Self.chatOne, ("serving.yaml", "peak: 15k tokens/s", "peak: 300k tokens/s")], "capacity-quiet")
    #expect(risks.isEmpty, "\(risks.map(\.message))")
  }

  static let oneRack: Edit = ("infrastructure.yaml", "count: 2                 # two racks ...", "count: 1")

  /// Two racks become one: 8 GPUs, below serving's maximum of 12.
  @Test func shrinkBelowTheServingMaximumIsDestructive() throws {
    let risks = try flags(base: [], head: [Self.oneRack], "shrink")
    #expect(risks.contains { $0.flag == .destructive && $0.message.contains("Cluster/infer-1 shrinks") })
  }

  @Test func shrinkThatStillFitsKeepsQuiet() throws {
    let fewer: Edit = ("serving.yaml", "replicas: {min: 2, max: 12}", "replicas: {min: 2, max: 6}")
    let risks = try flags(base: [fewer], head: [fewer, Self.oneRack], "shrink-quiet")
    #expect(!risks.contains { $0.flag == .destructive }, "\(risks.map(\.message))")
  }

  static func policy(capex: String) -> Edit {
    (
      "serving.yaml", "apiVersion: kiln/v1\nkind: Model",
      "apiVersion: kiln/v1\nkind: Policy\nmetadata: {name: p}\nspec:\n  rules:\n    - {check: budget, capex: \(capex)}\n---\napiVersion: kiln/v1\nkind: Model"
    )
  }

  @Test func budgetFiresWhenTheHeadGoesOver() throws {
    let risks = try flags(base: [Self.policy(capex: "$1M")], head: [Self.policy(capex: "$100k")], "budget")
    #expect(risks.map(\.flag) == [.budget], "\(risks.map(\.message))")
  }

  @Test func budgetKeepsQuietWhenTheBaseWasAlreadyOver() throws {
    let risks = try flags(base: [Self.policy(capex: "$100k")], head: [Self.policy(capex: "$200k")], "budget-quiet")
    #expect(risks.isEmpty, "\(risks.map(\.message))")
  }
}
