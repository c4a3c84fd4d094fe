import KilnDiagnostics

/// `Model`, with defaults: source = name, active = total parameters, bf16, 8Ki context.
public struct ModelSpec: SpecRecord, ReferenceTarget {
  public enum Precision: String, ChoiceValue {
    case fp32, bf16, fp16, fp8, fp4, int8, int4

    /// Bytes per value.
    public var bytes: Double {
      switch self {
      case .fp32: 4
      case .bf16, .fp16: 2
      case .fp8, .int8: 1
      case .fp4, .int4: 0.5
      }
    }
  }

  /// Attention geometry of an MHA/GQA model.
  public struct KVGeometry: SpecRecord {
    public var heads: Located<Double> = .placeholder
    public var headDim: Located<Double> = .placeholder
    public var range = SourceRange.wholeFile("")

    public init() {}

    public mutating func decoded(from node: SpecNode) { range = node.range }

    public static let table = FieldTable<KVGeometry>(
      "Attention geometry for MHA/GQA models.",
      [
        .field("heads", .count, \.heads, required: true, "KV heads"),
        .field("headDim", .count, \.headDim, required: true, "head dimension"),
      ])
  }

  /// How attention keeps its KV cache, which decides how tensor parallelism divides it.
  public enum Attention: String, ChoiceValue {
    /// Grouped-query (or multi-head) attention: KV heads divide over tensor-parallel ranks up to the
    /// number of KV heads, and are copied beyond it.
    case gqa
    /// Multi-head latent attention (DeepSeek-V2/V3): one latent KV vector per token, copied on every
    /// tensor-parallel rank unless attention runs data-parallel.
    case mla
  }

  public static let referenceKind = SpecKind.model.rawValue

  public var name = ""
  public var nameRange = SourceRange.wholeFile("")
  public var specKeyRange = SourceRange.wholeFile("")
  public var source: Located<String> = .placeholder
  public var parameters: Located<Double> = .placeholder
  public var activeParameters: Located<Double> = .placeholder
  public var experts: Located<Int>?
  public var expertsPerToken: Located<Int>?
  public var weightsPrecision: Located<Precision> = .placeholder
  public var layers: Located<Int>?
  /// Bytes per token across all layers as stated; `kvCacheBytesPerToken` gives the figure to use.
  public var statedKVCacheBytesPerToken: Located<Double>?
  public var kv: KVGeometry?
  /// Where the `kv` key is.
  public var kvKey: SourceRange?
  public var kvCachePrecision: Located<Precision> = .placeholder
  public var attention: Located<Attention> = .placeholder
  /// The model dimension; `nil` derives it from parameters and layers (`hiddenSize`).
  public var statedHiddenSize: Located<Int>?
  public var attentionHeads: Located<Int>?
  public var contextLength: Located<Int> = .placeholder

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
    nameRange = object.nameRange
    specKeyRange = object.specKeyRange
    if source.isDefault { source = Located(object.name, at: object.nameRange, isDefault: true) }
  }

  public mutating func decoded(from node: SpecNode) {
    if activeParameters.isDefault {
      activeParameters = Located(parameters.value, at: parameters.range, isDefault: true)
    }
    if attention.isDefault {
      let kind: Attention = kv == nil && statedKVCacheBytesPerToken != nil ? .mla : .gqa
      attention = Located(kind, at: attention.range, isDefault: true)
    }
  }

  /// The model dimension: as stated, else √(active parameters ÷ (12 × layers)), since a transformer
  /// layer holds about 12 d² parameters (4 d² attention, 8 d² MLP; Kaplan et al., arXiv:2001.08361 §2.1).
  public var hiddenSize: Double? {
    if let stated = statedHiddenSize { return Double(stated.value) }
    guard let layers, layers.value > 0 else { return nil }
    return (activeParameters.value / (12 * Double(layers.value))).squareRoot()
  }

  /// KV bytes per token from `kv`: 2 (K and V) × layers × heads × headDim × bytes per value.
  public var computedKVCacheBytesPerToken: Located<Double>? {
    guard let kv, let layers else { return nil }
    return Located(
      2 * Double(layers.value) * kv.heads.value * kv.headDim.value * kvCachePrecision.value.bytes, at: kv.range)
  }

  /// Bytes per token across all layers, stated or computed from `kv`.
  public var kvCacheBytesPerToken: Located<Double>? { statedKVCacheBytesPerToken ?? computedKVCacheBytesPerToken }

  public static let table = FieldTable<ModelSpec>(
    "A model.",
    [
      .field(
        "source", .text, \.source, default: .rule("`metadata.name`"), "Hugging Face id or a path the engine loads"),
      .field("parameters", .count, \.parameters, required: true, "total parameters (`671B` = 671 billion)"),
      .field(
        "activeParameters", .count, \.activeParameters, default: .rule("`parameters`"),
        "parameters used per token. For an MoE model this, not the total, sets the FLOPs. More than `parameters` is K2029"
      ),
      .field(
        "experts", .count, \.experts,
        "MoE: routed experts per layer. Give it together with `expertsPerToken` (either one alone is K2003)"),
      .field(
        "expertsPerToken", .count, \.expertsPerToken, "MoE: routed experts used per token, from 1 to `experts` (K2029)"
      ),
      .field(
        "weightsPrecision", Precision.fieldType, \.weightsPrecision, default: .value("bf16"),
        "precision of the served weights: 4, 2, 2, 1, ½, 1 or ½ bytes per parameter"),
      .field("layers", .count, \.layers, "transformer layers. Needed with `kv`"),
      .field(
        "kvCacheBytesPerToken", FieldTypes.dataSize, \.statedKVCacheBytesPerToken, default: .rule("from `kv`"),
        "KV cache per token across all layers. Needs a unit: `70272B`, not `70272` (K2009)"),
      .record(
        "kv", \.kv, keyRange: \ModelSpec.kvKey,
        "for MHA/GQA models, instead of `kvCacheBytesPerToken`: KV bytes per token = 2 × `layers` × `heads` × `headDim` × bytes of `kvCachePrecision`"
      ),
      .field(
        "kvCachePrecision", Precision.fieldType, \.kvCachePrecision, default: .value("bf16"),
        "precision of the KV cache"),
      .field("contextLength", .count, \.contextLength, default: .value("8Ki"), "maximum context in tokens"),
      .field(
        "attention", Attention.fieldType, \.attention, default: .rule("`gqa` with `kv`, else `mla`"),
        "how the KV cache divides under tensor parallelism: `gqa` by KV heads (up to `kv.heads` ranks, copied beyond), `mla` not at all (one latent head, copied on every rank unless `parallelism.attention: data`)"
      ),
      .field(
        "hiddenSize", .count, \.statedHiddenSize, default: .rule("√(`activeParameters` ÷ (12 × `layers`))"),
        "*(analyzer)* the model dimension: sizes the tensor-parallel all-reduces and the attention FLOPs"),
      .field(
        "attentionHeads", .count, \.attentionHeads,
        "query heads; a tensor-parallel degree above it is K2029"),
    ])
}
