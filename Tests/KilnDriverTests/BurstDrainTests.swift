import Foundation
import Testing
import _KilnTestSupport

@testable import KilnAnalysis
@testable import KilnDriver

/// `demand.burst`: requests that arrive at once, worked through step by step (docs/models.md §8.7).
@Suite struct BurstDrainTests {
  func burst(_ demand: String, engineArgs: String? = nil, tag: String) throws -> BurstDrain? {
    let folder = try ProjectCopy.make(
      tag: "burst-\(tag)",
      edits: [("serving.yaml", "demand: {peak: 15k tokens/s, averageInput: 1k, averageOutput: 300}", demand)]
        + (engineArgs.map { [("serving.yaml", "engineArgs: {gpuMemoryUtilization: 90%, maxBatch: 128}", $0)] } ?? []))
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try #require(try Linter().lint(folder).report()?.serving.first).burst
  }

  /// A burst spreads over replicas.max (12 on the starter): 1,200 requests are 100 per replica, which the
  /// replica's batch of 128 admits at once. Twice the burst takes longer to drain and queues longer for
  /// its first tokens; a larger batch can only keep the tokens per second or raise them.
  @Test func aLargerBurstDrainsLongerAndWaitsLonger() throws {
    let small = try #require(
      try burst("demand: {peak: 15k tokens/s, averageInput: 1k, averageOutput: 300, burst: 1200}", tag: "small"))
    let large = try #require(
      try burst("demand: {peak: 15k tokens/s, averageInput: 1k, averageOutput: 300, burst: 2400}", tag: "large"))
    #expect(small.requests == 100 && large.requests == 200)
    #expect(large.drainSeconds > small.drainSeconds && large.meanTTFTSeconds > small.meanTTFTSeconds)
    #expect((small.meanTPOTSeconds ?? 0) > 0)
    #expect(abs(small.tokensPerSecond - 100 * 300 / small.drainSeconds) < 1e-6)
  }

  /// Without a burst, or one too long to work through (over 2,000,000 steps: a million 100k-token prompts
  /// one token per step), the report has no burst figures.
  @Test func noBurstOrAnEndlessOneHasNoFigures() throws {
    #expect(try burst("demand: {peak: 15k tokens/s, averageInput: 1k, averageOutput: 300}", tag: "none") == nil)
    #expect(
      try burst(
        "demand: {peak: 15k tokens/s, averageInput: 100k, averageOutput: 300, burst: 1000000}",
        engineArgs: "engineArgs: {maxNumTokens: 1, maxModelLen: 131072}", tag: "endless") == nil)
  }
}
