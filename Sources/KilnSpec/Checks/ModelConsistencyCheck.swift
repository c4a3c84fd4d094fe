import KilnDiagnostics
import KilnSupport

/// A Model's figures must agree with each other: `kv` vs `kvCacheBytesPerToken` (1 % tolerance),
/// active ≤ total parameters, experts per token ≤ experts.
struct ModelConsistencyCheck: SpecCheck {
  static let precisionBytes: [String: Double] = ["fp32": 4, "bf16": 2, "fp16": 2, "fp8": 1, "int8": 1, "int4": 0.5]

  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for model in project.objects(.model) {
      let spec = model.spec
      if let kv = spec["kv"], !kv.isInvalid, spec["layers"] == nil {
        engine.emit(
          Diagnostic(
            SpecCodes.missingField, "missing 'layers': kv needs it to compute the KV cache per token",
            at: spec.keyRange(of: "kv") ?? model.specKeyRange, help: ["add the model's layer count, e.g. layers: 80"]))
      }
      if let stated = spec["kvCacheBytesPerToken"], let statedBytes = stated.number, let kv = spec["kv"],
        let heads = kv["heads"]?.number, let headDim = kv["headDim"]?.number
      {
        if let layers = spec["layers"]?.number {
          let bytes = Self.precisionBytes[spec["kvCachePrecision"]?.text ?? "bf16"] ?? 2
          let computed = 2 * layers * heads * headDim * bytes
          if computed > 0, abs(statedBytes - computed) / computed > 0.01 {
            engine.emit(
              Diagnostic(
                SpecCodes.kvMismatch,
                "kvCacheBytesPerToken is \(JSONValue.format(statedBytes)) B, but kv gives \(JSONValue.format(computed)) B per token",
                at: stated.range,
                notes: [
                  Note(
                    "2 × \(JSONValue.format(layers)) layers × \(JSONValue.format(heads)) heads × \(JSONValue.format(headDim)) × \(JSONValue.format(bytes)) B",
                    at: kv.range)
                ],
                help: ["give only one of kvCacheBytesPerToken and kv, or correct the figure"]))
          }
        }
      }
      if let total = spec["parameters"]?.number, let active = spec["activeParameters"], let activeCount = active.number,
        activeCount > total
      {
        engine.emit(
          Diagnostic(
            SpecCodes.invalidValue,
            "activeParameters (\(active.displayText)) exceed parameters (\(spec["parameters"]?.displayText ?? ""))",
            at: active.range))
      }
      if let perToken = spec["expertsPerToken"], let perTokenCount = perToken.number {
        if let experts = spec["experts"]?.number {
          if perTokenCount > experts || perTokenCount == 0 {
            engine.emit(
              Diagnostic(
                SpecCodes.invalidValue, "expertsPerToken must be between 1 and experts (\(JSONValue.format(experts)))",
                at: perToken.range))
          }
        } else {
          engine.emit(
            Diagnostic(SpecCodes.missingField, "missing 'experts': expertsPerToken needs it", at: model.specKeyRange))
        }
      } else if let experts = spec["experts"] {
        engine.emit(
          Diagnostic(
            SpecCodes.missingField, "missing 'expertsPerToken': an MoE model with experts needs it", at: experts.range))
      }
    }
  }
}
