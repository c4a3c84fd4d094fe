import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// The serving roofline of one replica (docs/models.md): a decode step reads the weights the batch
/// touches plus the batch's KV cache from HBM and does 2 × active parameters FLOPs per token; the
/// step takes the longer of the two. For an MoE model with E experts, k per token, a batch of b
/// touches the shared parameters plus E·(1 − (1 − k/E)^b) experts — reading only the active
/// parameters would overstate DeepSeek-V3's decode throughput several-fold.
public struct ServingModel: Sendable {
  /// Prefill runs compute-bound at this fraction of the replica's peak. Basis: measured dense GEMM
  /// reaches 80 % of the H100's BF16 peak (MAMF, Stas Bekman's Machine Learning Engineering Open Book);
  /// prefill adds attention and communication, so half the peak is taken. Documented in docs/models.md.
  public static let prefillEfficiency = 0.5

  public var gpusPerReplica: Int
  /// Bytes of weights in HBM.
  public var weightBytes: Double
  /// Bytes of KV cache per token of context.
  public var kvBytesPerToken: Double
  /// Average tokens of context a sequence holds while decoding.
  public var averageContext: Double
  /// Usable HBM of the replica (memory × gpuMemoryUtilization), bytes.
  public var usableMemory: Double
  /// Aggregate HBM bandwidth of the replica, bytes/s.
  public var memoryBandwidth: Double
  /// Aggregate peak FLOPS at the weights' precision (FP8 where the GPU and weights have it, else BF16).
  public var peakFLOPS: Double
  public var activeParameters: Double
  public var bytesPerParameter: Double
  /// MoE: routed experts and per token; shared and per-expert parameters.
  public var experts: Int?
  public var expertsPerToken: Int?
  public var maxBatch: Int?
  /// Time per output token objective, seconds.
  public var tpotObjective: Double?
  public var averageInput: Double

  public init?(_ serving: IRServing) {
    guard let model = serving.model, let gpu = serving.server?.gpu else { return nil }
    let entry = serving.entry
    gpusPerReplica = serving.gpusPerReplica
    bytesPerParameter = model.weightsPrecision.value.bytes
    weightBytes = model.parameters.value * bytesPerParameter
    kvBytesPerToken = model.kvCacheBytesPerToken?.value ?? 0
    let input = Double(entry.averageInput?.value ?? 0)
    let output = Double(entry.averageOutput?.value ?? 0)
    averageInput = input
    averageContext =
      Double(entry.averageContext?.value ?? 0) > 0 ? Double(entry.averageContext?.value ?? 0) : input + output / 2
    usableMemory = Double(gpusPerReplica) * gpu.memory * entry.gpuMemoryUtilization.value
    memoryBandwidth = Double(gpusPerReplica) * gpu.memoryBandwidth
    let fp8 = GPUModel.Precision.fp8.rawValue
    let bf16 = GPUModel.Precision.bf16.rawValue
    let precision = model.weightsPrecision.value == .fp8 && gpu.compute[fp8] != nil ? fp8 : bf16
    peakFLOPS = Double(gpusPerReplica) * (gpu.compute[precision] ?? gpu.compute[bf16] ?? 0)
    activeParameters = model.activeParameters.value
    experts = model.experts?.value
    expertsPerToken = model.expertsPerToken?.value
    maxBatch = entry.maxBatch?.value
    tpotObjective = entry.tpot?.value
    parameters = model.parameters.value
    batch = 0
    batch = planBatch()
  }

  public var parameters: Double
  /// The planned batch: bounded by free HBM, by `maxBatch`, and by the TPOT objective.
  public private(set) var batch: Int

  /// Parameters a decode step of `batch` sequences reads.
  public func parametersRead(batch: Int) -> Double {
    guard let experts, let perToken = expertsPerToken, experts > perToken, perToken > 0 else {
      return parameters
    }
    let perExpert = (parameters - activeParameters) / Double(experts - perToken)
    let shared = activeParameters - Double(perToken) * perExpert
    let touched = Double(experts) * (1 - Self.power(1 - Double(perToken) / Double(experts), batch))
    return shared + touched * perExpert
  }

  static func power(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    var factor = base
    var remaining = exponent
    while remaining > 0 {
      if remaining & 1 == 1 { result *= factor }
      factor *= factor
      remaining >>= 1
    }
    return result
  }

  /// Seconds for one decode step of `batch` sequences.
  public func stepTime(batch: Int) -> Double {
    let bytes = parametersRead(batch: batch) * bytesPerParameter + Double(batch) * averageContext * kvBytesPerToken
    let memoryTime = memoryBandwidth > 0 ? bytes / memoryBandwidth : .infinity
    let computeTime = peakFLOPS > 0 ? Double(batch) * 2 * activeParameters / peakFLOPS : .infinity
    return max(memoryTime, computeTime)
  }

  /// The largest batch the free HBM holds at the average context.
  public var memoryBatchLimit: Int {
    let free = usableMemory - weightBytes
    guard free > 0 else { return 0 }
    guard kvBytesPerToken > 0, averageContext > 0 else { return Int.max / 4 }
    return Int(saturating: (free / (kvBytesPerToken * averageContext)).rounded(.down))
  }

  func planBatch() -> Int {
    var limit = min(memoryBatchLimit, maxBatch ?? 4_096)
    guard limit >= 1 else { return 0 }
    if let tpot = tpotObjective {
      // Step time grows with the batch: bisect for the largest batch within the objective.
      guard stepTime(batch: 1) <= tpot else { return 1 }
      var low = 1
      while low < limit {
        let mid = (low + limit + 1) / 2
        if stepTime(batch: mid) <= tpot { low = mid } else { limit = mid - 1 }
      }
      return low
    }
    return limit
  }

  /// Output tokens per second of one replica at the planned batch.
  public var tokensPerSecond: Double {
    let b = batch
    guard b > 0 else { return 0 }
    return Double(b) / stepTime(batch: b)
  }

  /// Time per output token at the planned batch, seconds.
  public var tpot: Double? { batch > 0 ? stepTime(batch: batch) : nil }

  /// Compute-bound prefill time of the average input, seconds.
  public var ttftEstimate: Double {
    peakFLOPS > 0 ? 2 * activeParameters * averageInput / (peakFLOPS * Self.prefillEfficiency) : .infinity
  }

  /// Weights plus the KV cache of one full-context sequence, bytes (the memory-fit check).
  public func fullContextBytes(contextLength: Int) -> Double { weightBytes + kvBytesPerToken * Double(contextLength) }
}
