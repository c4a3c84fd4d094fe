import KilnDiagnostics
import KilnSupport

/// The messages of `ModelConsistencyCheck`.
enum ModelConsistencyMessage: DiagnosticMessage {
  case kvNeedsLayers
  case kvCacheMismatch(stated: Double, computed: Double)
  case activeAboveParameters(active: Double, parameters: Double)
  case expertsPerTokenRange(experts: Int)
  case expertsMissing
  case expertsPerTokenMissing

  enum ID {
    static let kvNeedsLayers = MessageID(
      SpecCodes.missingField, "model-kv-layers", "a Model gives 'kv' but no 'layers'")
    static let kvCacheMismatch = MessageID(
      SpecCodes.kvMismatch, "model-kv-cache-mismatch",
      "kvCacheBytesPerToken is STATED B, but kv gives COMPUTED B per token")
    static let activeAboveParameters = MessageID(
      SpecCodes.invalidValue, "model-active-parameters", "activeParameters (ACTIVE) exceed parameters (TOTAL)")
    static let expertsPerTokenRange = MessageID(
      SpecCodes.invalidValue, "model-experts-per-token-range", "expertsPerToken must be between 1 and experts (EXPERTS)"
    )
    static let expertsMissing = MessageID(
      SpecCodes.missingField, "model-experts", "a Model gives 'expertsPerToken' but no 'experts'")
    static let expertsPerTokenMissing = MessageID(
      SpecCodes.missingField, "model-experts-per-token", "a Model gives 'experts' but no 'expertsPerToken'")
  }

  static let all = [
    ID.kvNeedsLayers, ID.kvCacheMismatch, ID.activeAboveParameters, ID.expertsPerTokenRange, ID.expertsMissing,
    ID.expertsPerTokenMissing,
  ]

  var id: MessageID {
    switch self {
    case .kvNeedsLayers: ID.kvNeedsLayers
    case .kvCacheMismatch: ID.kvCacheMismatch
    case .activeAboveParameters: ID.activeAboveParameters
    case .expertsPerTokenRange: ID.expertsPerTokenRange
    case .expertsMissing: ID.expertsMissing
    case .expertsPerTokenMissing: ID.expertsPerTokenMissing
    }
  }

  var text: String {
    switch self {
    case .kvNeedsLayers: "missing 'layers': kv needs it to compute the KV cache per token"
    case .kvCacheMismatch(let stated, let computed):
      "kvCacheBytesPerToken is \(JSONValue.format(stated)) B, but kv gives \(JSONValue.format(computed)) B per token"
    case .activeAboveParameters(let active, let parameters):
      "activeParameters (\(ModelConsistencyCheck.billions(active))) exceed parameters (\(ModelConsistencyCheck.billions(parameters)))"
    case .expertsPerTokenRange(let experts): "expertsPerToken must be between 1 and experts (\(experts))"
    case .expertsMissing: "missing 'experts': expertsPerToken needs it"
    case .expertsPerTokenMissing: "missing 'expertsPerToken': an MoE model with experts needs it"
    }
  }
}
