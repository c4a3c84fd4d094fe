import KilnDiagnostics

extension RegionSpec {
  /// A serving entry's separate prefill pool (prefill/decode disaggregation): its own replicas prefill
  /// every request and hand the KV cache to the entry's replicas, which only decode.
  public struct PrefillPool: SpecRecord {
    public var tensor: Located<Int> = .placeholder
    public var pipeline: Located<Int> = .placeholder
    public var expert: Located<Int> = .placeholder
    public var data: Located<Int> = .placeholder
    public var attentionParallelism: Located<AttentionParallelism> = .placeholder
    public var minReplicas: Located<Int> = .placeholder
    public var maxReplicas: Located<Int> = .placeholder
    /// Where the `prefill` mapping is, for diagnostics about the pool as a whole.
    public var range = SourceRange.wholeFile("")

    public init() {}

    public mutating func decoded(from node: SpecNode) {
      range = node.range
      if maxReplicas.isDefault { maxReplicas = Located(minReplicas.value, at: minReplicas.range, isDefault: true) }
    }

    public static let table = FieldTable<PrefillPool>(
      "A separate prefill pool.",
      [
        .group(
          "parallelism", "parallelism of one prefill replica, as the entry's own",
          [
            .field(
              "tensor", .count, \.tensor, default: .value("1"), range: FieldTypes.degree, "tensor-parallel degree"),
            .field(
              "pipeline", .count, \.pipeline, default: .value("1"), range: FieldTypes.degree,
              "pipeline-parallel degree"),
            .field(
              "expert", .count, \.expert, default: .value("1"), range: FieldTypes.degree, "expert-parallel degree"),
            .field(
              "data", .count, \.data, default: .value("1"), range: FieldTypes.degree,
              "data-parallel degree inside one replica"),
            .field(
              "attention", AttentionParallelism.fieldType, \.attentionParallelism, default: .value("tensor"),
              "`data`: data-parallel attention, as the entry's"),
          ]),
        .group(
          "replicas", "autoscaling bounds of the prefill pool",
          [
            .field("min", .count, \.minReplicas, default: .value("1"), range: FieldTypes.replicas, "minimum replicas"),
            .field(
              "max", .count, \.maxReplicas, default: .rule("`replicas.min`"), range: FieldTypes.replicas,
              "maximum replicas. *(analyzer)* Input capacity is checked at this count"),
          ]),
      ])

    /// The serving entry as its prefill pool runs it: the entry's model, engine and demand with the pool's
    /// parallelism and replicas.
    public func applied(to entry: Serving) -> Serving {
      var pool = entry
      pool.tensor = tensor
      pool.pipeline = pipeline
      pool.expert = expert
      pool.data = data
      pool.attentionParallelism = attentionParallelism
      pool.minReplicas = minReplicas
      pool.maxReplicas = maxReplicas
      pool.prefill = nil
      return pool
    }
  }
}
