import KilnDiagnostics

extension RegionSpec.Serving {
  /// The layouts the entry runs: its own, and its prefill pool's when it has one.
  public var layouts: [RegionSpec.Serving] { [self] + (prefill.map { [$0.applied(to: self)] } ?? []) }
}

extension RegionSpec {
  /// A serving entry's separate prefill pool (prefill/decode disaggregation): its own replicas prefill
  /// every request and hand the KV cache to the entry's replicas, which only decode.
  public struct PrefillPool: ServingLayout {
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
      "A separate prefill pool.", layoutEntries(what: "prefill replica", capacity: "Input capacity"))

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
