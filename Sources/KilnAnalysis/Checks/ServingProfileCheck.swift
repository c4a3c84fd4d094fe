import KilnDiagnostics
import KilnIR
import KilnSpec

/// `serving-profile`: a serving entry without its demand profile runs on the default shape; say which
/// defaults were used and how much prefill moves the replica's capacity.
struct ServingProfileCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    ir.serving.indices.compactMap { index -> Diagnostic? in
      let entry = ir.serving[index].entry
      // An average context stands in for the two (docs/language.md §4.8).
      // One warning per entry: a prefill pool shares its decode pool's profile.
      guard ir.serving[index].role != .prefill, entry.averageContext == nil,
        entry.averageInput.isDefault || entry.averageOutput.isDefault,
        let model = context.servingModels[index], model.batch > 0,
        let decodeOnly = ServingModel(ir.serving[index], profile: (0, entry.averageOutput.value))
      else { return nil }
      var fields: [String] = []
      if entry.averageInput.isDefault { fields.append("averageInput") }
      if entry.averageOutput.isDefault { fields.append("averageOutput") }
      return Diagnostic(
        ServingProfileMessage.assumed(
          serving: entry.name.value, fields: fields, input: entry.averageInput.value, output: entry.averageOutput.value,
          tokensPerSecond: model.tokensPerSecond, withoutPrefill: decodeOnly.tokensPerSecond),
        at: entry.peakDemand.range,
        help: ["state demand.averageInput and demand.averageOutput of the workload"],
        subjects: [ir.serving[index].id])
    }
  }
}
