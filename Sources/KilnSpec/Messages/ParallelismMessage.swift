import KilnDiagnostics

/// The messages of `ServingParallelismCheck`.
enum ParallelismMessage: DiagnosticMessage {
  case tensorAboveHeads(tensor: Int, heads: Int, model: String)
  case expertAboveExperts(expert: Int, experts: Int, model: String)
  case expertWithoutExperts(expert: Int, model: String)
  case pipelineAboveLayers(pipeline: Int, layers: Int, model: String)
  case replicaNeedsFabric(gpus: Int, domain: Int, cluster: String)
  case profileBeyondContext(input: Int, output: Int, maxLength: Int)
  case prefillPoolEngine(engine: String)

  enum ID {
    static let tensorAboveHeads = MessageID(
      SpecCodes.invalidValue, "parallelism-tensor-heads",
      "parallelism.tensor (T) is above the model's attention heads (H)")
    static let expertAboveExperts = MessageID(
      SpecCodes.invalidValue, "parallelism-expert-experts", "parallelism.expert (E) is above the model's experts (N)")
    static let expertWithoutExperts = MessageID(
      SpecCodes.invalidValue, "parallelism-expert-dense", "parallelism.expert is above 1 for a model without experts")
    static let pipelineAboveLayers = MessageID(
      SpecCodes.invalidValue, "parallelism-pipeline-layers", "parallelism.pipeline (P) is above the model's layers (L)")
    static let replicaNeedsFabric = MessageID(
      SpecCodes.missingField, "serving-replica-needs-fabric",
      "a replica spans servers (more GPUs than a server or NVLink domain holds) on a cluster without a fabric")
    static let profileBeyondContext = MessageID(
      SpecCodes.invalidValue, "serving-profile-beyond-context",
      "averageInput + averageOutput (TOKENS) exceed the longest sequence the engine accepts (MAX)")
    static let prefillPoolEngine = MessageID(
      SpecCodes.unsupportedLayout, "serving-prefill-pool-engine", "a prefill pool on an engine other than SGLang")
  }

  static let all = [
    ID.tensorAboveHeads, ID.expertAboveExperts, ID.expertWithoutExperts, ID.pipelineAboveLayers,
    ID.replicaNeedsFabric, ID.profileBeyondContext, ID.prefillPoolEngine,
  ]

  var id: MessageID {
    switch self {
    case .tensorAboveHeads: ID.tensorAboveHeads
    case .expertAboveExperts: ID.expertAboveExperts
    case .expertWithoutExperts: ID.expertWithoutExperts
    case .pipelineAboveLayers: ID.pipelineAboveLayers
    case .replicaNeedsFabric: ID.replicaNeedsFabric
    case .profileBeyondContext: ID.profileBeyondContext
    case .prefillPoolEngine: ID.prefillPoolEngine
    }
  }

  var text: String {
    switch self {
    case .tensorAboveHeads(let tensor, let heads, let model):
      "parallelism.tensor is \(tensor), but Model/\(model) has \(heads) attention heads to split"
    case .expertAboveExperts(let expert, let experts, let model):
      "parallelism.expert is \(expert), but Model/\(model) has \(experts) experts to spread"
    case .expertWithoutExperts(let expert, let model):
      "parallelism.expert is \(expert), but Model/\(model) has no experts"
    case .pipelineAboveLayers(let pipeline, let layers, let model):
      "parallelism.pipeline is \(pipeline), but Model/\(model) has \(layers) layers to split into stages"
    case .profileBeyondContext(let input, let output, let maxLength):
      "averageInput + averageOutput is \(input + output) tokens, above the \(maxLength) a sequence may hold (engineArgs.maxModelLen, else the model's contextLength)"
    case .prefillPoolEngine(let engine):
      "a prefill pool needs an engine that hands the KV cache from prefill to decode replicas; Kiln compiles that for SGLang, not \(engine)"
    case .replicaNeedsFabric(let gpus, let domain, let cluster):
      "missing 'fabric': a replica of \(gpus) GPUs spans servers (\(domain) GPUs per server or NVLink domain), and Cluster/\(cluster) has no fabric to join them"
    }
  }
}
