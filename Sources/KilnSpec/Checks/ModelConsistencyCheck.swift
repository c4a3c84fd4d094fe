import KilnDiagnostics
import KilnSupport

/// A Model's figures must agree with each other: `kv` vs `kvCacheBytesPerToken` (1 % tolerance),
/// active ≤ total parameters, experts per token ≤ experts.
struct ModelConsistencyCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for model in project.typed.models {
      if let kvKey = model.kvKey, model.kv != nil, model.layers == nil {
        engine.emit(
          Diagnostic(
            ModelConsistencyMessage.kvNeedsLayers,
            at: kvKey, help: ["add the model's layer count, e.g. layers: 80"]))
      }
      if let stated = model.statedKVCacheBytesPerToken, let computed = model.computedKVCacheBytesPerToken,
        let kv = model.kv, let layers = model.layers, computed.value > 0,
        abs(stated.value - computed.value) / computed.value > 0.01
      {
        engine.emit(
          Diagnostic(
            ModelConsistencyMessage.kvCacheMismatch(stated: stated.value, computed: computed.value),
            at: stated.range,
            notes: [
              Note(
                "2 × \(layers.value) layers × \(JSONValue.format(kv.heads.value)) heads × \(JSONValue.format(kv.headDim.value)) × \(JSONValue.format(model.kvCachePrecision.value.bytes)) B",
                at: kv.range)
            ],
            help: ["give only one of kvCacheBytesPerToken and kv, or correct the figure"]))
      }
      let active = model.activeParameters
      if !active.isDefault, active.value > model.parameters.value, !model.parameters.isDefault {
        engine.emit(
          Diagnostic(
            ModelConsistencyMessage.activeAboveParameters(active: active.value, parameters: model.parameters.value),
            at: active.range))
      }
      if let perToken = model.expertsPerToken {
        if let experts = model.experts {
          if perToken.value > experts.value || perToken.value == 0 {
            engine.emit(
              Diagnostic(
                ModelConsistencyMessage.expertsPerTokenRange(experts: experts.value),
                at: perToken.range))
          }
        } else {
          engine.emit(
            Diagnostic(ModelConsistencyMessage.expertsMissing, at: model.specKeyRange))
        }
      } else if let experts = model.experts {
        engine.emit(
          Diagnostic(
            ModelConsistencyMessage.expertsPerTokenMissing, at: experts.range))
      }
    }
  }

  /// A parameter count as authors write it: `671B`.
  static func billions(_ count: Double) -> String {
    count >= 1e9 ? JSONValue.format((count / 1e7).rounded() / 100) + "B" : JSONValue.format(count)
  }
}
