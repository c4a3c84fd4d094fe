import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// `serving-slo`: TPOT reachable at batch 1; TTFT not below the prefill at zero load, nor below the
/// TTFT at the peak with queueing behind other prefills (M/M/1, docs/models.md §8.4).
struct ServingSLOCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for index in ir.serving.indices {
      // When the weights do not fit, memory-fit reports it; latency figures would be fiction.
      guard let model = context.servingModels[index], model.memoryBatchLimit > 0 else { continue }
      let tpotMissed = ir.serving[index].entry.tpot.map { model.stepTime(batch: 1) > $0.value } ?? false
      let ttftMissed =
        ir.serving[index].entry.ttft.map { model.averageInput > 0 && model.ttftEstimate > $0.value } ?? false
      // At or above capacity there is no TTFT at the peak; serving-capacity reports it.
      let load = model.prefillLoadAtPeak
      let atPeak = model.ttftAtPeak
      let ttftMissedAtPeak =
        ir.serving[index].entry.ttft.map { objective in
          !ttftMissed && model.averageInput > 0 && (atPeak.map { $0 > objective.value } ?? false)
        } ?? false
      guard tpotMissed || ttftMissed || ttftMissedAtPeak else { continue }
      let serving = ir.serving[index]
      if let tpot = serving.entry.tpot, model.stepTime(batch: 1) > tpot.value {
        diagnostics.append(
          Diagnostic(
            ServingSLOMessage.tpotUnreachable(
              serving: serving.entry.name.value, objective: tpot.value, stepTime: model.stepTime(batch: 1)),
            at: tpot.range, help: ["relax tpot, or use more or faster GPUs per replica"],
            subjects: [serving.id + "/slo/tpot"]))
      }
      if let ttft = serving.entry.ttft, model.averageInput > 0, model.ttftEstimate > ttft.value {
        diagnostics.append(
          Diagnostic(
            ServingSLOMessage.ttftUnreachable(
              serving: serving.entry.name.value, objective: ttft.value,
              inputTokens: Int(saturating: model.averageInput), estimate: model.ttftEstimate),
            at: ttft.range, help: ["relax ttft, shorten the input, or use more or faster GPUs per replica"],
            subjects: [serving.id + "/slo/ttft"]))
      }
      if ttftMissedAtPeak, let ttft = serving.entry.ttft, let atPeak {
        diagnostics.append(
          Diagnostic(
            ServingSLOMessage.ttftAtPeak(
              serving: serving.entry.name.value, objective: ttft.value, atPeak: atPeak, prefill: model.ttftEstimate,
              load: load),
            at: ttft.range, help: ["raise replicas.max to lower the load, relax ttft, or use faster GPUs per replica"],
            subjects: [serving.id + "/slo/ttft"]))
      }
    }
    return diagnostics
  }
}
