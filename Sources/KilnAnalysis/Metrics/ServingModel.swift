import Foundation
import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// The serving model of one replica (docs/models.md §8), formula by formula:
///
/// - A replica is `data` copies of a `tensor` × `pipeline` group. Copies are independent: each holds its
///   own dense weights and its share of the batch. Expert parallelism spreads the routed experts over
///   `expert` GPUs of the replica instead of dividing them by tensor × pipeline.
/// - A GPU holds its dense weights ÷ (tensor × pipeline), its routed experts ÷ their shards, and its
///   share of the KV cache: divided by pipeline (layers) and by the KV shards: the tensor degree under
///   data-parallel attention, up to the KV heads for GQA, none for MLA (one latent head, copied).
/// - The batch is what the free memory holds: whole sequences (input + output) for an engine that reserves
///   them (TensorRT-LLM), sequences at the average context otherwise.
/// - A step runs its kernels one after another, so it is the sum of one roofline per kind of kernel, each
///   the longer of its memory time (at the GPU's achievable bandwidth) and its compute time (at the
///   GPU's achievable compute): the dense GEMMs (reading the dense weights), the expert GEMMs (reading the
///   experts the batch touches, E·(1 − (1 − k/E)^n), at a compute efficiency scaled by the experts' width),
///   attention (reading the KV cache, FLOPs at the average context); plus communication (two
///   tensor-parallel all-reduces per layer, an expert all-to-all per MoE layer, over the link that joins
///   the GPUs) and a fixed time per layer. Each step also prefills input ÷ output tokens per sequence
///   (chunked prefill), less the prefix-cache hits.
/// - Pipeline parallelism runs `pipeline` micro-batches through `pipeline` stages: a token's step is the
///   sum of the stages' times, so each GPU reads its stage's weights once per micro-batch.
/// - TTFT: one request's prefill on a copy (with a floor of one read of the weights); under load, half the
///   step in progress and M/M/1 queueing behind the other requests' prefills, which continuous batching
///   runs ahead of the decodes.
public struct ServingModel: Sendable {
  /// Bytes of a value moved between GPUs: activations travel as BF16.
  static let activationBytes = 2.0

  public var gpusPerReplica: Int
  /// Both phases, or one pool of a disaggregated entry: a prefill pool's figures count input tokens and
  /// the decode pool prefills nothing.
  public var role: ServingRole
  /// Bandwidth that carries a prompt's KV cache from a prefill replica to a decode replica: the compute
  /// NICs of the prefill copy's GPUs, bytes/s; nil when the server has none.
  public var kvHandOffBandwidth: Double?
  public var tensor: Int
  public var pipeline: Int
  public var data: Int
  public var expert: Int
  /// Bytes of weights of one copy (dense weights once, experts once).
  public var weightBytes: Double
  /// Bytes of weights each GPU holds.
  public var weightBytesPerGPU: Double
  /// Bytes of KV cache per token of context, for the whole model.
  public var kvBytesPerToken: Double
  /// How many ways a GPU's KV cache is divided among the tensor-parallel ranks.
  public var kvShards: Double
  /// How many ways the dense (non-expert) weights are divided: tensor × pipeline, or pipeline alone under
  /// data-parallel attention, where every rank holds the attention weights and no all-reduce joins them.
  public var denseShards: Double
  /// How many ways the routed experts are divided: every GPU of a copy, or `expert` when wider.
  public var expertShards: Double
  /// Routed-expert parameters of an MoE model (0 for a dense model).
  public var routedParameters: Double
  public var dataParallelAttention: Bool
  /// Average tokens of context a sequence holds while decoding.
  public var averageContext: Double
  public var averageInput: Double
  public var averageOutput: Double
  public var cacheHitRate: Double
  /// Usable memory of one GPU (memory × gpuMemoryUtilization), bytes.
  public var usableMemoryPerGPU: Double
  /// Achievable memory bandwidth of one GPU, bytes/s.
  public var memoryBandwidthPerGPU: Double
  /// Achievable compute of one GPU at the weights' precision, FLOPS.
  public var computePerGPU: Double
  /// Width of the attention's queries in decode (heads × head dimension; for MLA, heads × the latent; the
  /// hidden size when unknown).
  public var queryWidth: Double
  /// The same in prefill: MLA prefills without absorbing the latent, so its heads are about as wide as the
  /// hidden size (DeepSeek-V3: 128 × (192 + 128) ÷ 2 against 7,168), not as its decode.
  public var prefillQueryWidth: Double
  /// Parameters of one routed expert (all layers), and its FFN width.
  public var expertParameters: Double
  public var expertWidth: Double
  /// The share of `computePerGPU` the expert GEMMs reach: expert width ÷ the engine's full width, at most 1.
  public var expertComputeShare: Double
  /// Fixed seconds per layer of every step (the engine's, or the entry's `efficiency.layerOverhead`).
  public var layerOverhead: Double
  /// Fixed seconds per sequence of every step (the engine's).
  public var sequenceOverhead: Double
  /// Tokens of KV cache a sequence holds in the batch bound: input + output when the engine reserves whole
  /// sequences, else the average context.
  public var admittedContext: Double
  /// Unidirectional bandwidth of the link that joins a copy's tensor-parallel ranks, bytes/s; nil when
  /// nothing is known about it (communication is then not charged).
  public var tensorLinkBandwidth: Double?
  /// The link that bounds tensor- and expert-parallel traffic: `nvlink`, `pcie`, `network` or `none`.
  public var link: String
  public var expertLinkBandwidth: Double?
  /// Unidirectional bandwidth between pipeline stages (the link across a whole copy), bytes/s.
  public var stageLinkBandwidth: Double?
  public var layers: Double
  public var hiddenSize: Double
  public var activeParameters: Double
  public var parameters: Double
  public var bytesPerParameter: Double
  /// MoE: routed experts, and how many each token uses.
  public var experts: Int?
  public var expertsPerToken: Int?
  public var maxBatch: Int?
  /// Most tokens one step processes (`engineArgs.maxNumTokens`).
  public var maxNumTokens: Int?
  /// Time per output token objective, seconds.
  public var tpotObjective: Double?
  /// Peak output tokens per second, spread over `maxReplicas` replicas.
  public var peakDemand: Double
  public var maxReplicas: Int
  /// Tokens per second at `replicas.max` as written (0 replicas: no capacity), what the capacity check, the
  /// report and the serving dashboard compare with demand.
  public var capacity: Double { tokensPerSecond * Double(declaredMaxReplicas) }
  private var declaredMaxReplicas: Int
  /// The planned batch of one copy.
  public private(set) var copyBatch: Int = 0

  /// `profile` replaces the entry's input and output tokens per request (to show what a default moves).
  public init?(_ serving: IRServing, profile: (input: Int, output: Int)? = nil) {
    guard let model = serving.model, let server = serving.server, let gpu = server.gpu else { return nil }
    let entry = serving.entry
    role = serving.role
    tensor = max(1, entry.tensor.value)
    pipeline = max(1, entry.pipeline.value)
    data = max(1, entry.data.value)
    expert = max(1, entry.expert.value)
    gpusPerReplica = serving.gpusPerReplica
    bytesPerParameter = model.weightsPrecision.value.bytes
    parameters = model.parameters.value
    activeParameters = model.activeParameters.value
    experts = model.experts?.value
    expertsPerToken = model.expertsPerToken?.value
    layers = Double(model.layers?.value ?? 1)
    hiddenSize = model.hiddenSize ?? 0
    weightBytes = parameters * bytesPerParameter
    kvBytesPerToken = model.kvCacheBytesPerToken?.value ?? 0
    let input = Double(profile?.input ?? entry.averageInput.value)
    let output = Double(profile?.output ?? entry.averageOutput.value)
    averageInput = input
    averageOutput = output
    averageContext =
      Double(entry.averageContext?.value ?? 0) > 0 ? Double(entry.averageContext?.value ?? 0) : input + output / 2
    cacheHitRate = entry.cacheHitRate.value
    let engine = EngineProfile(entry.engine.value)
    switch serving.role {
    case .prefill: admittedContext = input
    case .combined, .decode: admittedContext = engine.reservesWholeSequence ? input + output : averageContext
    }
    layerOverhead = entry.layerOverhead?.value ?? engine.layerOverhead
    sequenceOverhead = engine.sequenceOverhead
    maxBatch = entry.maxBatch?.value
    maxNumTokens = entry.maxNumTokens?.value
    tpotObjective = entry.tpot?.value
    peakDemand = entry.peakDemand.value
    maxReplicas = max(1, entry.maxReplicas.value)
    declaredMaxReplicas = entry.maxReplicas.value

    let copyGPUs = Double(tensor * pipeline)
    routedParameters = Self.routedParameters(
      parameters, active: activeParameters, experts: experts, perToken: expertsPerToken)
    expertShards = max(Double(expert), copyGPUs)
    dataParallelAttention = entry.attentionParallelism.value == .data
    denseShards = dataParallelAttention ? Double(pipeline) : copyGPUs
    weightBytesPerGPU =
      (parameters - routedParameters) * bytesPerParameter / denseShards + routedParameters * bytesPerParameter
      / expertShards
    switch (entry.attentionParallelism.value, model.attention.value) {
    case (.data, _): kvShards = Double(tensor)
    case (.tensor, .gqa): kvShards = Double(min(tensor, model.kv.map { Int(saturating: $0.heads.value) } ?? tensor))
    case (.tensor, .mla): kvShards = 1
    }
    usableMemoryPerGPU = gpu.memory * entry.gpuMemoryUtilization.value
    memoryBandwidthPerGPU = gpu.memoryBandwidth * (entry.memoryEfficiency?.value ?? gpu.memoryEfficiency)
    let peak = Self.peak(gpu, weights: model.weightsPrecision.value)
    computePerGPU = peak.flops * (entry.computeEfficiency?.value ?? gpu.computeEfficiency(at: peak.precision))
    if let heads = model.attentionHeads?.value, let headDim = model.kv?.headDim.value {
      queryWidth = Double(heads) * headDim
    } else if let heads = model.attentionHeads?.value, model.attention.value == .mla, layers > 0,
      model.kvCachePrecision.value.bytes > 0
    {
      // MLA's absorbed attention scores every head against the shared latent (DeepSeek-V3: 512 + 64 wide).
      queryWidth = Double(heads) * kvBytesPerToken / (layers * model.kvCachePrecision.value.bytes)
    } else {
      queryWidth = hiddenSize
    }
    prefillQueryWidth = model.attention.value == .mla ? hiddenSize : queryWidth
    if let experts, let perToken = expertsPerToken, experts > perToken, perToken > 0 {
      expertParameters = (parameters - activeParameters) / Double(experts - perToken)
    } else {
      expertParameters = 0
    }
    // Gate, up and down projections: 3 × hidden × width parameters per layer.
    expertWidth = hiddenSize > 0 && layers > 0 ? expertParameters / (3 * hiddenSize * layers) : 0
    let fullWidth =
      Double(entry.fullExpertWidth?.value ?? 0) > 0 ? Double(entry.fullExpertWidth?.value ?? 0) : engine.fullExpertWidth
    expertComputeShare = expertWidth > 0 ? min(1, expertWidth / fullWidth) : 1

    // The link: NVLink inside the scale-up domain, else the server's compute NICs, else PCIe.
    let domain = server.scaleUpDomain ?? server.gpuCount
    let nicPerGPU =
      server.gpuCount > 0
      ? Double(server.ports(role: .compute)) * (server.portSpeed(role: .compute) ?? 0) / Double(server.gpuCount) : 0
    func joining(_ gpus: Int) -> (String, Double?) {
      if gpus <= 1 { return ("none", nil) }
      if gpus <= domain, let nvlink = gpu.nvlinkBandwidth, domain > 1 { return ("nvlink", nvlink / 2) }
      if gpus > server.gpuCount, nicPerGPU > 0 { return ("network", nicPerGPU) }
      if let pcie = gpu.pcieBandwidth { return ("pcie", pcie / 2 * gpu.pcieEfficiency) }
      return ("none", nil)
    }
    kvHandOffBandwidth = nicPerGPU > 0 ? nicPerGPU * Double(tensor * pipeline) : nil
    let tensorLink = joining(tensor)
    let expertLink = joining(expert)
    tensorLinkBandwidth = tensorLink.1
    expertLinkBandwidth = expertLink.1
    stageLinkBandwidth = joining(tensor * pipeline).1
    link = tensor > 1 ? tensorLink.0 : expertLink.0
    copyBatch = planBatch()
  }

  /// Routed-expert parameters of an MoE model: (total − active) ÷ (E − k) per expert, times E.
  static func routedParameters(_ total: Double, active: Double, experts: Int?, perToken: Int?) -> Double {
    guard let experts, let perToken, experts > perToken, perToken > 0 else { return 0 }
    return (total - active) / Double(experts - perToken) * Double(experts)
  }

  /// Dense peak at the weights' precision: FP4 or FP8 tensor cores where the weights and the GPU have
  /// them, else BF16; with the precision it is given at.
  static func peak(_ gpu: GPUModel, weights: ModelSpec.Precision) -> (precision: GPUModel.Precision, flops: Double) {
    let wanted: [GPUModel.Precision]
    switch weights {
    case .fp4: wanted = [.fp4, .fp8, .bf16]
    case .fp8, .int8: wanted = [.fp8, .bf16]
    default: wanted = [.bf16]
    }
    for precision in wanted {
      if let flops = gpu.compute[precision.rawValue] { return (precision, flops) }
    }
    return (.bf16, 0)
  }

  // MARK: One step

  /// Routed parameters an MoE layer reads for `tokens` tokens: E·(1 − (1 − k/E)^tokens) experts.
  func routedRead(tokens: Double) -> Double {
    guard let experts, let perToken = expertsPerToken, experts > perToken, perToken > 0 else { return 0 }
    let perExpert = (parameters - activeParameters) / Double(experts - perToken)
    let touched = Double(experts) * (1 - Foundation.pow(1 - Double(perToken) / Double(experts), tokens))
    return touched * perExpert
  }

  /// The parts of one stage step of a micro-batch of `sequences`, seconds: one roofline per kind of kernel,
  /// run one after another.
  struct Step {
    var denseGEMMs: Double
    var expertGEMMs: Double
    var attention: Double
    var communication: Double
    var overhead: Double
    var time: Double { denseGEMMs + expertGEMMs + attention + communication + overhead }
  }

  /// One stage's step for a micro-batch of `m` sequences; `prefill: false` leaves out the prefill the step
  /// does for them (to tell the prefill's share).
  func stage(sequences m: Double, prefill: Bool = true) -> Step {
    // A prefill pool's step prefills m prompts; a decode pool's decodes m sequences and prefills nothing.
    let prompt = averageInput * (1 - cacheHitRate)
    let prefillTokens: Double
    switch role {
    case .combined: prefillTokens = prefill && averageOutput > 0 ? m * prompt / averageOutput : 0
    case .prefill: prefillTokens = prefill ? m * prompt : 0
    case .decode: prefillTokens = 0
    }
    return stage(
      decoding: role == .prefill ? 0 : m, context: averageContext, prefilling: prefillTokens, sequences: m)
  }

  /// One stage's step that decodes `decoded` sequences holding `context` tokens each on average and
  /// prefills `prefillTokens` prompt tokens for `sequences` sequences in all, seconds per part.
  func stage(
    decoding decoded: Double, context averageContext: Double, prefilling prefillTokens: Double, sequences: Double
  ) -> Step {
    let copyGPUs = Double(tensor * pipeline)
    // The MoE layers of a stage see the tokens of every copy that shares the expert shards.
    let sharing = expert > tensor * pipeline ? Double(expert) / copyGPUs : 1
    let stageLayers = layers / Double(pipeline)
    let tokens = decoded + prefillTokens
    func roofline(bytes: Double, flops: Double, computeShare: Double = 1) -> Double {
      let memory = bytes > 0 ? (memoryBandwidthPerGPU > 0 ? bytes / memoryBandwidthPerGPU : .infinity) : 0
      let math = flops > 0 ? (computePerGPU > 0 ? flops / (computePerGPU * computeShare) : .infinity) : 0
      return max(memory, math)
    }
    let k = Double(expertsPerToken ?? 0)
    let denseActive = activeParameters - k * expertParameters
    let dense = roofline(
      bytes: (parameters - routedParameters) * bytesPerParameter / denseShards,
      flops: 2 * denseActive * tokens / copyGPUs)
    let experts =
      routedParameters > 0
      ? roofline(
        bytes: routedRead(tokens: tokens * sharing) * bytesPerParameter / expertShards,
        flops: 2 * k * expertParameters * tokens * sharing / expertShards,
        computeShare: expertComputeShare) : 0
    // Decode attends to the average context; a prefilled token to half its prompt on average (causal).
    let attentionFLOPs =
      (4 * averageContext * decoded * queryWidth + 2 * averageInput * prefillTokens * prefillQueryWidth) * stageLayers
      / Double(tensor)
    let attention = roofline(
      bytes: decoded * averageContext * kvBytesPerToken / (Double(pipeline) * kvShards), flops: attentionFLOPs)
    var communication = 0.0
    if tensor > 1, !dataParallelAttention, let bandwidth = tensorLinkBandwidth, bandwidth > 0 {
      // Two ring all-reduces per layer, each sending 2(t − 1)/t of the activations (decode and prefill tokens).
      let bytes = tokens * hiddenSize * Self.activationBytes
      communication += 2 * stageLayers * 2 * Double(tensor - 1) / Double(tensor) * bytes / bandwidth
    }
    if expert > 1, k > 0, let bandwidth = expertLinkBandwidth, bandwidth > 0 {
      // Dispatch and combine: each of the GPU's tokens goes to k experts, most on other GPUs.
      let bytes = 2 * tokens / Double(tensor) * k * hiddenSize * Self.activationBytes
      communication += stageLayers * bytes * Double(expert - 1) / Double(expert) / bandwidth
    }
    return Step(
      denseGEMMs: dense, expertGEMMs: experts, attention: attention, communication: communication,
      overhead: stageLayers * layerOverhead + sequences * sequenceOverhead)
  }

  /// Seconds between two tokens of a sequence when a copy decodes `batch` sequences: the sum of the
  /// pipeline stages, each on a micro-batch of batch ÷ pipeline.
  public func stepTime(batch: Int) -> Double {
    let micro = max(1, Double(batch) / Double(pipeline))
    return pipelined(stage(sequences: micro), handingOff: micro)
  }

  /// A step through every pipeline stage: `pipeline` × one stage, plus the (pipeline − 1) hand-offs of
  /// `tokens` activations between stages.
  func pipelined(_ stage: Step, handingOff tokens: Double) -> Double {
    var handOff = 0.0
    if pipeline > 1, let bandwidth = stageLinkBandwidth, bandwidth > 0 {
      handOff = Double(pipeline - 1) * tokens * hiddenSize * Self.activationBytes / bandwidth
    }
    return Double(pipeline) * stage.time + handOff
  }

  // MARK: Batch and figures

  /// The largest batch one copy's memory holds at the average context.
  public var copyMemoryBatchLimit: Int {
    let free = usableMemoryPerGPU - weightBytesPerGPU
    guard free > 0 else { return 0 }
    let perSequence = admittedContext * kvBytesPerToken / (Double(pipeline) * kvShards)
    guard perSequence > 0 else { return Int.max / 4 }
    return Int(saturating: (free / perSequence).rounded(.down))
  }

  /// The largest batch the replica's memory holds.
  public var memoryBatchLimit: Int { saturatingMultiply(copyMemoryBatchLimit, data) }

  func planBatch() -> Int {
    var limit = min(copyMemoryBatchLimit, maxBatch.map { max(1, $0 / data) } ?? 4_096)
    if let maxNumTokens, averageOutput > 0 {
      // A step carries each sequence's decode token and its share of prefill: 1 + input ÷ output tokens
      // (a prefill pool's, its whole prompt; a decode pool's, one token).
      let prompt = averageInput * (1 - cacheHitRate)
      let perSequence: Double
      switch role {
      case .combined: perSequence = 1 + prompt / averageOutput
      case .prefill: perSequence = max(1, prompt)
      case .decode: perSequence = 1
      }
      limit = min(limit, max(1, Int(saturating: (Double(maxNumTokens) / perSequence).rounded(.down))))
    }
    guard limit >= 1 else { return 0 }
    // A prefill pool has no TPOT: its batch is what its memory holds.
    if let tpot = tpotObjective, role != .prefill {
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

  /// The planned batch of the replica (every copy).
  public var batch: Int { saturatingMultiply(copyBatch, data) }

  /// Output tokens per second of one replica at the planned batch, prefill of those requests included; for a
  /// prefill pool, the input tokens it prefills per second (less the prefix-cache hits).
  public var tokensPerSecond: Double {
    guard copyBatch > 0 else { return 0 }
    let step = stepTime(batch: copyBatch)
    let perSequence = role == .prefill ? averageInput * (1 - cacheHitRate) : 1
    return step.isFinite && step > 0 ? Double(data) * Double(copyBatch) * perSequence / step : 0
  }

  /// Input tokens per second the replica prefills, at the planned batch: alongside its decodes, all of a
  /// prefill pool's tokens, none of a decode pool's.
  public var inputTokensPerSecond: Double {
    switch role {
    case .combined: averageOutput > 0 ? tokensPerSecond * averageInput / averageOutput : 0
    case .prefill: tokensPerSecond
    case .decode: 0
    }
  }

  /// The demand the pool is sized against: peak output tokens/s, or for a prefill pool the input tokens/s
  /// it must prefill at that peak.
  public var demand: Double {
    guard role == .prefill else { return peakDemand }
    return averageOutput > 0 ? peakDemand / averageOutput * averageInput * (1 - cacheHitRate) : 0
  }

  /// The pool's share of its capacity when the entry is offered `outputTokensPerSecond` per replica.
  func capacityShare(outputTokensPerSecond offered: Double) -> Double {
    guard tokensPerSecond > 0 else { return .infinity }
    guard role == .prefill else { return offered / tokensPerSecond }
    return averageOutput > 0 ? offered / averageOutput * averageInput * (1 - cacheHitRate) / tokensPerSecond : .infinity
  }

  /// Time per output token at the planned batch, seconds.
  public var tpot: Double? { copyBatch > 0 ? stepTime(batch: copyBatch) : nil }

  /// Share of the GPUs' time spent prefilling, at the planned batch.
  public var prefillShare: Double? {
    guard copyBatch > 0 else { return nil }
    guard role == .combined else { return role == .prefill ? 1 : 0 }
    let micro = max(1, Double(copyBatch) / Double(pipeline))
    let step = stage(sequences: micro).time
    let decodeOnly = stage(sequences: micro, prefill: false).time
    return step > 0 && step.isFinite ? min(1, max(0, (step - decodeOnly) / step)) : nil
  }

  /// One request's prefill on one copy, seconds: its FLOPs at the copy's achievable compute (the experts' at
  /// their share of it) plus the fixed time per layer, never less than one read of the GPU's weights.
  public var prefillTime: Double {
    let tokens = averageInput * (1 - cacheHitRate)
    let routedActive = Double(expertsPerToken ?? 0) * expertParameters
    let copyCompute = computePerGPU * Double(tensor * pipeline)
    guard copyCompute > 0 else { return .infinity }
    let compute =
      (2 * (activeParameters - routedActive) * tokens + 2 * tokens * tokens * prefillQueryWidth * layers) / copyCompute
      + 2 * routedActive * tokens / (copyCompute * expertComputeShare) + layers * layerOverhead
    let floor = memoryBandwidthPerGPU > 0 ? weightBytesPerGPU / memoryBandwidthPerGPU : .infinity
    return max(compute, floor)
  }

  /// The share of a copy's time its prefills take when the replica is offered `outputTokensPerSecond`:
  /// requests per second per copy × one request's prefill. Continuous batching starts a new request's
  /// prefill at the next step, ahead of the decodes, so requests wait only behind other prefills.
  public func prefillUtilization(outputTokensPerSecond offered: Double) -> Double {
    guard averageOutput > 0, prefillTime.isFinite else { return .infinity }
    return max(0, offered) / averageOutput / Double(data) * prefillTime
  }

  /// TTFT when the replica is offered `outputTokensPerSecond`: M/M/1 on the prefills, prefill ÷ (1 − ρ)
  /// with ρ the prefill utilization; nil at or above the replica's capacity, or when the prefills alone
  /// would keep the GPUs busy.
  public func ttft(outputTokensPerSecond offered: Double) -> Double? {
    ttft(outputTokensPerSecond: offered, at: atLoad(outputTokensPerSecond: offered))
  }

  /// The same, given the replica's figures at that load (`atLoad(outputTokensPerSecond:)`), so a caller
  /// that has them does not solve for them again.
  func ttft(outputTokensPerSecond offered: Double, at figures: AtLoad?) -> Double? {
    guard role != .decode, capacityShare(outputTokensPerSecond: offered) < 1 else { return nil }
    let load = prefillUtilization(outputTokensPerSecond: offered)
    guard load < 1 else { return nil }
    // Steps run back to back under load: an arriving request first waits out the step in progress, half of
    // one on average (iteration-level scheduling; Yu et al., "Orca", OSDI '22).
    let inProgress = role == .combined ? (figures?.tpot ?? 0) / 2 : 0
    return prefillTime / (1 - load) + kvHandOffTime + inProgress
  }

  /// A prefill pool's hand-off of one prompt's KV cache to a decode replica over the compute NICs, seconds.
  public var kvHandOffTime: Double {
    guard role == .prefill, let bandwidth = kvHandOffBandwidth, bandwidth > 0 else { return 0 }
    return averageInput * kvBytesPerToken / bandwidth
  }

  /// A replica's figures when it is offered `outputTokensPerSecond` (not more than its capacity): the
  /// sequences in flight follow from Little's law, N = request rate × (TTFT + averageOutput × TPOT(N)),
  /// solved by iteration; TPOT is the step time at that batch.
  public struct AtLoad: Sendable {
    public var batch: Int
    public var tpot: Double
    public var servedTokensPerSecond: Double
  }

  public func atLoad(outputTokensPerSecond offered: Double) -> AtLoad? {
    guard role != .prefill, copyBatch > 0, averageOutput > 0, tokensPerSecond > 0, offered > 0 else { return nil }
    // A decode pool's sequences spend their TTFT in the prefill pool.
    let beforeDecode = role == .decode ? 0 : prefillTime
    let capacity = tokensPerSecond
    guard offered < capacity else {
      return AtLoad(batch: batch, tpot: stepTime(batch: copyBatch), servedTokensPerSecond: capacity)
    }
    let requestsPerCopy = offered / averageOutput / Double(data)
    var inFlight = 1.0
    for _ in 0..<50 {
      let step = stepTime(batch: max(1, Int(saturating: inFlight.rounded(.up))))
      let next = min(Double(copyBatch), requestsPerCopy * (beforeDecode + averageOutput * step))
      if abs(next - inFlight) < 0.01 { break }
      inFlight = next
    }
    let copy = max(1, min(copyBatch, Int(saturating: inFlight.rounded(.up))))
    return AtLoad(batch: saturatingMultiply(copy, data), tpot: stepTime(batch: copy), servedTokensPerSecond: offered)
  }

  /// The prefills' share of a copy's time at the peak spread over `replicas.max`.
  public var prefillLoadAtPeak: Double { prefillUtilization(outputTokensPerSecond: peakDemand / Double(maxReplicas)) }

  /// TTFT at the peak spread over `replicas.max`: queueing behind other prefills; nil at or above capacity.
  public var ttftAtPeak: Double? { ttft(outputTokensPerSecond: peakDemand / Double(maxReplicas)) }

  /// A replica's batch, TPOT and served tokens at its share of the peak.
  public var atPeak: AtLoad? { atLoad(outputTokensPerSecond: peakDemand / Double(maxReplicas)) }

  /// The figures at the peak and the TTFT there, solving for the load once.
  public var peak: (figures: AtLoad?, ttft: Double?) {
    let figures = atPeak
    return (figures, ttft(outputTokensPerSecond: peakDemand / Double(maxReplicas), at: figures))
  }

  /// TTFT at zero load: the prefill alone, and a prefill pool's hand-off of the KV cache; nil for a decode
  /// pool, whose requests arrive prefilled.
  public var ttftEstimate: Double? { role == .decode ? nil : prefillTime + kvHandOffTime }

  /// Usable memory of the replica, bytes.
  public var usableMemory: Double { usableMemoryPerGPU * Double(gpusPerReplica) }

  /// Whether a copy holds its weights plus the KV cache of one sequence of `contextLength` tokens.
  public func fullContextBytesPerGPU(contextLength: Int) -> Double {
    weightBytesPerGPU + Double(contextLength) * kvBytesPerToken / (Double(pipeline) * kvShards)
  }
}
