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
    // The starter prefills 3⅓ input tokens per output token, so a step is compute-bound: every layout does
    // the same FLOPs per GPU, and what differs is what each adds to them.
    // Data parallelism: two independent copies, each with the whole weights and half the batch. Reading
    // the weights hides under the compute, and nothing joins the copies: the most tokens.
    #expect(abs(dataRate - 8_247) < 10)
    // Pipeline parallelism: each stage reads its half of the weights once per micro-batch and does half
    // the layers; the hand-off of activations between the stages costs a little.
    #expect(abs(pipelineRate - 8_077) < 10)
    // Tensor parallelism: each GPU reads half the weights, which buys nothing when compute-bound, and pays
    // two all-reduces per layer over NVLink and the per-sequence cost of the whole batch in every step.
    #expect(abs(tensorRate - 7_726) < 10)
    #expect(abs((tensor.tpotSeconds ?? 0) - 0.016567) < 1e-5)
    #expect(dataRate > pipelineRate && pipelineRate > tensorRate && tensorRate > one)
    // TTFT: tensor and pipeline split one request's prefill FLOPs over both GPUs; a data-parallel copy
    // prefills on one GPU. The fixed time per layer is paid once either way.
    let dataTTFT = try #require(data.ttftEstimateSeconds)
    let tensorTTFT = try #require(tensor.ttftEstimateSeconds)
    let fixed = 32 * 0.000_12
    #expect(abs((dataTTFT - fixed) - 2 * (tensorTTFT - fixed)) < 1e-4)
    #expect(abs((pipeline.ttftEstimateSeconds ?? 0) - tensorTTFT) < 1e-4)
  }

  /// A model with 32 query heads, 32 layers and no experts, served in the file `parallel.yaml`.
  static func serving(_ parallelism: String) -> String {
    """
    apiVersion: kiln/v1
    kind: Model
    metadata:
      name: dense-8b
    spec:
      parameters: 8B
      layers: 32
      attentionHeads: 3️⃣32
      kv: {heads: 8, headDim: 128}
    ---
    apiVersion: kiln/v1
    kind: Region
    metadata:
      name: eu
    spec:
      jurisdiction: DE
      serving:
        - name: chat
          model: dense-8b
          cluster: infer-1
          image: vllm/vllm-openai:v0.8.5
          parallelism: {\(parallelism)}
          demand: {peak: 1k tokens/s, averageInput: 1k, averageOutput: 300}

    """
  }

  /// Parallelism the model cannot take: more tensor ranks than heads, expert ranks for a dense model,
  /// more stages than layers; a replica wider than a server on a cluster without a fabric.
  @Test func parallelismThatDoesNotDivideTheModelIsLocated() {
    assertDiagnostics(
      Self.serving("tensor: 1️⃣64, expert: 2️⃣2"), file: "parallel.yaml",
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2029", id: "parallelism-tensor-heads",
          message: "parallelism.tensor is 64, but Model/dense-8b has 32 attention heads to split",
          notes: [NoteSpec(locationMarker: "3️⃣", message: "attentionHeads: 32")]),
        DiagnosticSpec(
          locationMarker: "2️⃣", code: "K2029", id: "parallelism-expert-dense",
          message: "parallelism.expert is 2, but Model/dense-8b has no experts"),
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2003", id: "serving-replica-needs-fabric",
          message:
            "missing 'fabric': a replica of 64 GPUs spans servers (8 GPUs per server or NVLink domain), and Cluster/infer-1 has no fabric to join them"
        ),
      ])
    assertDiagnostics(
      Self.serving("pipeline: 1️⃣40"), file: "parallel.yaml",
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2029", id: "parallelism-pipeline-layers",
          message: "parallelism.pipeline is 40, but Model/dense-8b has 32 layers to split into stages"),
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2003", id: "serving-replica-needs-fabric",
          message:
            "missing 'fabric': a replica of 40 GPUs spans servers (8 GPUs per server or NVLink domain), and Cluster/infer-1 has no fabric to join them"
        ),
      ])
  }

  /// Averages longer than the engine's longest sequence describe requests it would refuse.
  @Test func demandProfileBeyondTheContextIsAnError() throws {
    let folder = try ProjectCopy.make(
      tag: "profile-context",
      edits: [("serving.yaml", "averageInput: 1k, averageOutput: 300", "averageInput: 120Ki, averageOutput: 16Ki")])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let ids = try Linter().lint(folder).diagnostics.map(\.messageID.id)
    #expect(ids == ["K2029.serving-profile-beyond-context"], "\(ids)")
  }
}
