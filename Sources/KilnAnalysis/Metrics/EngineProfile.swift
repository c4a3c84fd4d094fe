import KilnSpec

/// What the serving model (docs/models.md §8) takes from the engine a serving entry runs.
struct EngineProfile: Sendable {
  /// Whether the engine admits a request only when its whole sequence (input + output) fits in the free KV
  /// cache. TensorRT-LLM's default capacity scheduler policy, `GUARANTEED_NO_EVICT`, does; vLLM and SGLang
  /// allocate KV blocks as sequences grow (and preempt when memory runs out), so their batch is bounded by
  /// the average context instead.
  var reservesWholeSequence: Bool
  /// Fixed seconds per layer of every step: kernels that are neither GEMMs nor attention (norms,
  /// activations, rotary, routing) and launches.
  var layerOverhead: Double
  /// Fixed seconds per sequence of every step: the engine's per-request work (scheduling, sampling,
  /// detokenising), which grows with the batch.
  var sequenceOverhead: Double
  /// The expert FFN width at which grouped expert GEMMs reach the GPU's compute efficiency.
  var fullExpertWidth: Double

  /// The figures per engine. `layerOverhead`, `sequenceOverhead` and `fullExpertWidth` are fitted, one figure each, to
  /// TensorRT-LLM's published throughput (docs/models.md §8.2); vLLM and SGLang take the same figures
  /// until published measurements of theirs are calibrated.
  init(_ engine: RegionSpec.Engine) {
    switch engine {
    case .tensorRTLLM:
      reservesWholeSequence = true
    case .vllm, .sglang:
      reservesWholeSequence = false
    }
    layerOverhead = 0.000_12
    sequenceOverhead = 0.000_005_1
    fullExpertWidth = 9_700
  }
}
