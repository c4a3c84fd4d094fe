import Foundation
import KilnAnalysis
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Three ways to give the starter's Llama 3.1 8B two GPUs per replica (docs/models.md §8.4) give three
/// different sets of figures, each for its own reason.
@Suite struct ServingParallelismTests {
  func figures(_ parallelism: String) throws -> ProjectReport.Serving {
    let folder = try ProjectCopy.make(
      tag: "parallelism-\(parallelism.filter(\.isLetter))",
      edits: [
        ("serving.yaml", "parallelism: {tensor: 1}", "parallelism: {\(parallelism)}"),
        ("serving.yaml", "replicas: {min: 2, max: 12}", "replicas: {min: 2, max: 8}"),
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lint = try Linter().lint(folder)
    #expect(!lint.hasErrors, "\(lint.diagnostics.map(\.message))")
    return try #require(lint.report()?.serving.first)
  }

  @Test func tensorPipelineAndDataParallelismDiffer() throws {
    let tensor = try figures("tensor: 2")
    let pipeline = try figures("pipeline: 2")
    let data = try figures("data: 2")
    let one = try #require(try figures("tensor: 1").tokensPerSecondPerReplica)
    for serving in [tensor, pipeline, data] { #expect(serving.gpusPerReplica == 2 && serving.batch == 128) }
    let tensorRate = try #require(tensor.tokensPerSecondPerReplica)
    let pipelineRate = try #require(pipeline.tokensPerSecondPerReplica)
    let dataRate = try #require(data.tokensPerSecondPerReplica)
    // Tensor parallelism: each GPU reads half the weights and half the KV once per step, and pays two
    // all-reduces per layer over NVLink: the fastest step and the most tokens.
    #expect(abs(tensorRate - 17_520) < 10)
    #expect(abs((tensor.tpotSeconds ?? 0) - 0.007305) < 1e-5)
    // Pipeline parallelism: each stage reads its half of the weights once per micro-batch, so a GPU reads
    // as many weight bytes per token as one GPU alone; only the KV halves. The hand-off costs a little.
    #expect(abs(pipelineRate - 13_370) < 10)
    // Data parallelism: two independent copies, each with the whole weights and half the batch: the same
    // bytes per GPU as the pipeline, without the hand-off.
    #expect(abs(dataRate - 13_380) < 10)
    #expect(tensorRate > dataRate && dataRate > pipelineRate && pipelineRate > one)
    // TTFT: tensor and pipeline split one request's prefill over both GPUs; a data-parallel copy
    // prefills on one GPU.
    let dataTTFT = try #require(data.ttftEstimateSeconds)
    let tensorTTFT = try #require(tensor.ttftEstimateSeconds)
    #expect(abs(dataTTFT - 2 * tensorTTFT) < 1e-4)
    #expect(abs((pipeline.ttftEstimateSeconds ?? 0) - tensorTTFT) < 1e-4)
  }
}
