import KilnDiagnostics

/// What a serving entry and its prefill pool both have: the parallelism of one replica and the bounds of
/// its replicas, declared once for both.
public protocol ServingLayout: SpecRecord {
  var tensor: Located<Int> { get set }
  var pipeline: Located<Int> { get set }
  var expert: Located<Int> { get set }
  var data: Located<Int> { get set }
  var attentionParallelism: Located<RegionSpec.AttentionParallelism> { get set }
  var minReplicas: Located<Int> { get set }
  var maxReplicas: Located<Int> { get set }
}

extension ServingLayout {
  /// The `parallelism` and `replicas` groups; `what` names the replica ("replica", "prefill replica") and
  /// `capacity` what the analyzer checks at `replicas.max`.
  static func layoutEntries(what: String, capacity: String) -> [FieldEntry<Self>] {
    [
      .group(
        "parallelism", "parallelism of one \(what); GPUs per \(what) = tensor × pipeline × data",
        [
          .field("tensor", .count, \.tensor, default: .value("1"), range: FieldTypes.degree, "tensor-parallel degree"),
          .field(
            "pipeline", .count, \.pipeline, default: .value("1"), range: FieldTypes.degree, "pipeline-parallel degree"),
          .field(
            "expert", .count, \.expert, default: .value("1"), range: FieldTypes.degree,
            "expert-parallel degree. It spreads experts over the \(what)'s GPUs and adds none"),
          .field(
            "data", .count, \.data, default: .value("1"), range: FieldTypes.degree,
            "data-parallel degree inside one \(what): independent copies, each with its own weights and share of the batch"
          ),
          .field(
            "attention", RegionSpec.AttentionParallelism.fieldType, \.attentionParallelism, default: .value("tensor"),
            "`data`: each tensor-parallel rank runs attention for its own sequences (SGLang `--enable-dp-attention`, vLLM `--data-parallel-size`, TensorRT-LLM `enable_attention_dp`), so an MLA cache is not copied on every rank"
          ),
        ]),
      .group(
        "replicas", "autoscaling bounds",
        [
          .field(
            "min", .count, \.minReplicas, default: .value("1"), range: FieldTypes.replicas,
            "minimum replicas (the HorizontalPodAutoscaler's floor). Above `replicas.max` is K2029"),
          .field(
            "max", .count, \.maxReplicas, default: .rule("`replicas.min`"), range: FieldTypes.replicas,
            "maximum replicas. *(analyzer)* \(capacity) is checked at this count"),
        ]),
    ]
  }
}
