import KilnDiagnostics
import KilnSupport

/// `Region` and its serving entries, with defaults: no residency rule, vLLM, a pinned image per
/// engine, parallelism 1, one replica, 90 % GPU memory.
public struct RegionSpec: SpecRecord {
  public enum DataResidency: String, ChoiceValue { case none, strict }
  public enum Engine: String, ChoiceValue {
    case vllm
    case sglang
    case tensorRTLLM = "tensorrt-llm"

    /// The image used when a serving entry names none: pinned, never `latest`.
    public var defaultImage: String {
      switch self {
      case .vllm: "vllm/vllm-openai:v0.8.5"
      case .sglang: "lmsysorg/sglang:v0.4.6.post1-cu124"
      case .tensorRTLLM: "nvcr.io/nvidia/tritonserver:25.04-trtllm-python-py3"
      }
    }
  }
  public enum LoadBalancer: String, ChoiceValue {
    case nginx, haproxy, envoy, cloud

    /// The GatewayClass a region's Gateway uses when `ingress.gatewayClass` names none: the class name the
    /// implementation's own install creates (docs/kubernetes.md, "Front door"). A cloud load balancer has
    /// no class common to all clouds, so it needs `gatewayClass` (K2003).
    public var defaultGatewayClass: String? {
      switch self {
      case .nginx: "nginx"
      case .envoy: "eg"
      case .haproxy: "haproxy"
      case .cloud: nil
      }
    }
  }
  /// What a region's HTTPRoutes send requests to: the entry's Service, or an InferencePool whose endpoint
  /// picker chooses the replica.
  public enum Routing: String, ChoiceValue {
    case service
    case inferencePool = "inference-pool"
  }
  /// How a region's HTTPRoutes tell entries apart: a path prefix per entry, or the model-name header the
  /// Inference Extension's body-based router sets from the request's `model`.
  public enum RouteMatch: String, ChoiceValue { case path, header }
  /// How attention is spread over a replica's tensor-parallel ranks.
  public enum AttentionParallelism: String, ChoiceValue {
    /// Heads divide over the ranks (and an MLA cache is copied on each).
    case tensor
    /// Each rank runs attention for its own sequences (SGLang's DP attention, TensorRT-LLM's attention DP).
    case data
  }

  public struct Serving: ServingLayout {
    public var name: Located<String> = .placeholder
    public var model: Reference<ModelSpec> = .placeholder
    public var cluster: Reference<ClusterSpec> = .placeholder
    public var rackGroup: Located<String>?
    public var engine: Located<Engine> = .placeholder
    public var image: Located<String> = .placeholder
    public var port: Located<Int> = .placeholder
    public var tensor: Located<Int> = .placeholder
    public var pipeline: Located<Int> = .placeholder
    public var expert: Located<Int> = .placeholder
    public var data: Located<Int> = .placeholder
    public var attentionParallelism: Located<AttentionParallelism> = .placeholder
    /// Fraction of input tokens served from the prefix cache.
    public var cacheHitRate: Located<Double> = .placeholder
    /// Overrides of the GPU's achievable fractions of peak memory bandwidth and compute.
    public var memoryEfficiency: Located<Double>?
    public var computeEfficiency: Located<Double>?
    public var layerOverhead: Located<Double>?
    public var fullExpertWidth: Located<Int>?
    public var minReplicas: Located<Int> = .placeholder
    public var maxReplicas: Located<Int> = .placeholder
    /// Output tokens per second at peak.
    public var peakDemand: Located<Double> = .placeholder
    public var averageInput: Located<Int> = .placeholder
    public var averageOutput: Located<Int> = .placeholder
    public var averageContext: Located<Int>?
    /// Requests that arrive at once, spread over `replicas.max` replicas.
    public var burst: Located<Int>?
    /// Seconds.
    public var ttft: Located<Double>?
    public var tpot: Located<Double>?
    public var availability: Located<Double>?
    public var gpuMemoryUtilization: Located<Double> = .placeholder
    public var maxBatch: Located<Int>?
    public var maxNumTokens: Located<Int>?
    public var maxModelLen: Located<Int>?
    public var extraArguments: [Located<String>] = []
    public var secrets: [Secret] = []
    /// A separate prefill pool; nil when the replicas prefill and decode.
    public var prefill: PrefillPool?

    public init() {}

    /// `engineArgs.maxModelLen`, else the model's `contextLength` (the field's rule, applied only here).
    public func maxModelLen(serving model: ModelSpec?) -> Int {
      maxModelLen?.value ?? (model ?? ModelSpec.defaults).contextLength.value
    }

    /// tensor × pipeline × data, saturating at Int.max rather than trapping on absurd inputs.
    public var gpusPerReplica: Int {
      saturatingMultiply(saturatingMultiply(tensor.value, pipeline.value), data.value)
    }

    public mutating func decoded(from node: SpecNode) {
      if image.isDefault { image = Located(engine.value.defaultImage, at: engine.range, isDefault: true) }
      if maxReplicas.isDefault { maxReplicas = Located(minReplicas.value, at: minReplicas.range, isDefault: true) }
    }

    public static let table = FieldTable<Serving>(
      "A model served in a region.",
      [
        .field(
          "name", .name, \.name, required: true,
          "unique in the region (K2027). *(backend)* The Kubernetes workload is named `<region>-<name>` (`eu-v3-chat`)"),
        .reference("model", \.model, required: true, "what is served"),
        .reference(
          "cluster", \.cluster, required: true,
          "a cluster with `purpose: inference` or `mixed`; a training cluster is K3004"),
        .field(
          "rackGroup", .name, \.rackGroup, default: .rule("any"),
          "which of the cluster's rack groups serves it, in clusters with several. A name the cluster lacks is K3001"),
        .field("engine", Engine.fieldType, \.engine, default: .value("vllm"), "serving engine"),
        .field(
          "image", .image, \.image, default: .rule("a pinned default per engine"),
          "container image with a pinned tag or digest ([section 8](#8-container-images))"),
        .field(
          "port", .count, \.port, default: .value("8000"), range: .atMost(65_535, "65,535", positive: true),
          "*(backend)* the port the engine listens on, named `http`: the container port, the Service's port and the port the NetworkPolicy opens"
        ),
      ] + layoutEntries(what: "replica", capacity: "Capacity") + [
        .group(
          "demand", required: true, "expected load",
          [
            .field(
              "peak", .quantity([.throughput]), \.peakDemand, required: true,
              "peak demand in **output** tokens per second (`12k tokens/s`; a bare `12k` is K2011)"),
            .field(
              "averageInput", .count, \.averageInput, default: .value("1000"),
              "average input (prompt) tokens per request. The default is TensorRT-LLM's 1,000-in, 1,000-out reference shape, with a K6106 warning"
            ),
            .field(
              "averageOutput", .count, \.averageOutput, default: .value("1000"),
              "average output tokens per request (default with a K6106 warning, as `averageInput`)"),
            .field(
              "cacheHitRate", FieldTypes.percent, \.cacheHitRate, default: .value("0%"), range: .below(1, "100%"),
              "*(analyzer)* share of input tokens found in the prefix cache, which prefill skips"),
            .field(
              "burst", .count, \.burst, default: .rule("none"), range: FieldTypes.replicas,
              "*(analyzer)* requests that arrive at once (a batch job, a backlog), spread over `replicas.max`: the report works through them step by step and gives the time to drain them, their mean TTFT and TPOT, and the tokens per second ([models.md §8.7](models.md#87-a-burst))"
            ),
            .field(
              "averageContext", .count, \.averageContext, default: .rule("`averageInput` + `averageOutput` ÷ 2"),
              "average context length during decode. It may stand in for the two above"),
          ]),
        .group(
          "slo", "service level objectives",
          [
            .field("ttft", FieldTypes.duration, \.ttft, "time-to-first-token objective"),
            .field("tpot", FieldTypes.duration, \.tpot, "time-per-output-token objective"),
            .field(
              "availability", FieldTypes.percent, \.availability,
              "availability objective (*(backend)* alerts in the generated PrometheusRule)"),
          ]),
        .group(
          "engineArgs", "engine arguments",
          [
            .field(
              "gpuMemoryUtilization", FieldTypes.percent, \.gpuMemoryUtilization, default: .value("90%"),
              "the share of GPU memory the engine may use"),
            .field(
              "maxBatch", .count, \.maxBatch, default: .rule("none: the analyzer's planned batch"),
              "maximum concurrent sequences. It bounds the planned batch of the capacity and latency checks, which is at most 4,096 when `maxBatch` is not set. *(backend)* The engine is given `maxBatch`, else the planned batch"
            ),
            .field(
              "maxNumTokens", .count, \.maxNumTokens, default: .rule("none: the engine's own"), range: .positive,
              "most tokens one step processes, decode and prefill chunks together. It bounds the planned batch at `maxNumTokens` ÷ (1 + input ÷ output tokens). *(backend)* TensorRT-LLM `--max_num_tokens`, vLLM `--max-num-batched-tokens`, SGLang `--chunked-prefill-size`"
            ),
            .field(
              "maxModelLen", .count, \.maxModelLen, default: .rule("the model's `contextLength`"),
              "maximum sequence length the engine accepts (a Kiln addition to the v1 contract)"),
            .list(
              "extra", .text, \.extraArguments, default: .value("[]"),
              "more command-line arguments, passed as written"),
          ]),
        .group(
          "efficiency",
          "*(analyzer)* this deployment's achievable fractions of peak, instead of the GPU's catalog figures",
          [
            .field(
              "memory", FieldTypes.percent, \.memoryEfficiency, default: .rule("the GPU's `memoryEfficiency`"),
              range: .positive, "achievable share of peak memory bandwidth in decode"),
            .field(
              "compute", FieldTypes.percent, \.computeEfficiency,
              default: .rule("the GPU's `computeEfficiency` at the weights' precision"), range: .positive,
              "achievable share of dense peak compute"),
            .field(
              "layerOverhead", FieldTypes.duration, \.layerOverhead, default: .rule("the engine's: 0.12 ms"),
              "fixed time per layer of every step: the kernels that do no GEMM or attention (norms, activations, launches)"
            ),
            .field(
              "fullExpertWidth", .count, \.fullExpertWidth, default: .rule("the engine's: 9,700"),
              range: .positive,
              "the expert width (FFN columns) at which an MoE layer's grouped GEMMs reach the GPU's compute efficiency; narrower experts reach proportionally less"
            ),
          ]),
        .record(
          "prefill", \.prefill, default: .rule("none: each replica prefills and decodes"),
          "a separate prefill pool (prefill/decode disaggregation, SGLang only: K2031): its replicas prefill every request and hand the KV cache to the entry's replicas, which only decode. *(analyzer)* The pool is sized against the input tokens, the entry's replicas against the output tokens"
        ),
        .records(
          "secrets", \.secrets, default: .value("[]"),
          "Kubernetes Secrets the pods use ([section 7](#7-secrets))"),
      ])
  }

  /// A reference to a Kubernetes Secret: never the secret itself.
  public struct Secret: SpecRecord {
    public var name: Located<String> = .placeholder
    public var key: Located<String> = .placeholder
    public var env: Located<String>?
    public var mountPath: Located<String>?
    public var range = SourceRange.wholeFile("")

    public init() {}

    public mutating func decoded(from node: SpecNode) { range = node.range }

    public static let table = FieldTable<Secret>(
      "A reference to a Kubernetes Secret.", isSecretReference: true,
      [
        .field("name", .name, \.name, required: true, "Secret name"),
        .field("key", .text, \.key, required: true, "key in the Secret"),
        .field(
          "env", .text, \.env, requiredWhen: "unless `mountPath` is given", "environment variable to expose it as"),
        .field("mountPath", .text, \.mountPath, requiredWhen: "unless `env` is given", "path to mount it at"),
      ])
  }

  public var name = ""
  public var nameRange = SourceRange.wholeFile("")
  /// `metadata.labels`, copied into the generated Kubernetes objects.
  public var labels: [String: String] = [:]
  public var jurisdiction: Located<String> = .placeholder
  public var dataResidency: Located<DataResidency> = .placeholder
  public var loadBalancer: Located<LoadBalancer>?
  public var cdn: Located<Bool> = .placeholder
  public var gateway: Located<String>?
  public var gatewayClass: Located<String>?
  public var routing: Located<Routing> = .placeholder
  public var routeMatch: Located<RouteMatch> = .placeholder
  public var hostname: Located<String>?
  public var ingressKey: SourceRange?
  /// The GatewayClass of the region's Gateway: `ingress.gatewayClass`, else the load balancer's default; nil
  /// without `ingress` (no front door asked for) or when neither names one (K7005). The backend and the
  /// report both read it.
  public var resolvedGatewayClass: String? {
    guard ingressKey != nil else { return nil }
    return gatewayClass?.value ?? loadBalancer?.value.defaultGatewayClass
  }
  public var serving: [Serving] = []

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
    nameRange = object.nameRange
    labels = ObjectMetadata(object).labels
  }

  public static let table = FieldTable<RegionSpec>(
    "An inference region.",
    [
      .field(
        "jurisdiction", .text, \.jurisdiction, required: true,
        "ISO 3166-1 alpha-2 code, or `EU` / `EEA` (K2021 otherwise)"),
      .field(
        "dataResidency", DataResidency.fieldType, \.dataResidency, default: .value("none"),
        "`strict`: *(analyzer)* every serving cluster's site must be inside the jurisdiction (`data-residency`)"),
      .group(
        "ingress", keyRange: \RegionSpec.ingressKey, "front door",
        [
          .field("loadBalancer", LoadBalancer.fieldType, \.loadBalancer, "the load balancer in front"),
          .field("cdn", .boolean, \.cdn, default: .value("false"), "whether a CDN fronts the region"),
          .field("gateway", .text, \.gateway, "the API gateway, free text"),
          .field(
            "gatewayClass", .text, \.gatewayClass,
            default: .rule(
              "by `loadBalancer`: `nginx` → `nginx`, `envoy` → `eg`, `haproxy` → `haproxy`; required with `cloud` or without `loadBalancer`"
            ),
            "*(backend)* the GatewayClass of the region's Gateway ([kubernetes.md §5.5](kubernetes.md#55-front-door--clusterfront-dooryaml))"
          ),
          .field(
            "routing", Routing.fieldType, \.routing, default: .value("service"),
            "*(backend)* what each entry's HTTPRoute sends to: its Service, or an InferencePool (`inference.networking.k8s.io/v1`) whose endpoint picker chooses the replica"
          ),
          .field(
            "match", RouteMatch.fieldType, \.routeMatch, default: .value("path"),
            "*(backend)* how routes tell entries apart: `path` (`/<serving>/…`, the prefix removed before the engine) or `header` (`X-Gateway-Model-Name`, set by the Inference Extension's body-based router from the request's `model`)"
          ),
          .field("hostname", .text, \.hostname, "*(backend)* the host name the Gateway's listener and routes answer"),
        ]),
      .records("serving", \.serving, required: true, "the models served (below)"),
    ])
}
