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
      let serving = ir.serving[index]
      // A disaggregated entry's TPOT is its decode pool's, its TTFT its prefill pool's.
      if let tpot = serving.entry.tpot, model.role != .prefill, model.stepTime(batch: 1) > tpot.value {
        diagnostics.append(
          Diagnostic(
            ServingSLOMessage.tpotUnreachable(
              serving: serving.label, objective: tpot.value, stepTime: model.stepTime(batch: 1)),
            at: tpot.range, help: ["relax tpot, or use more or faster GPUs per replica"],
            subjects: [serving.id + "/slo/tpot"]))
      }
      guard let ttft = serving.entry.ttft, model.averageInput > 0, let estimate = model.ttftEstimate else { continue }
      if estimate > ttft.value {
        diagnostics.append(
          Diagnostic(
            ServingSLOMessage.ttftUnreachable(
              serving: serving.label, objective: ttft.value, inputTokens: Int(saturating: model.averageInput),
              estimate: estimate),
            at: ttft.range, help: ["relax ttft, shorten the input, or use more or faster GPUs per replica"],
            subjects: [serving.id + "/slo/ttft"]))
      } else if let atPeak = model.ttftAtPeak, atPeak > ttft.value {
        // At or above capacity there is no TTFT at the peak; serving-capacity reports it.
        diagnostics.append(
          Diagnostic(
            ServingSLOMessage.ttftAtPeak(
              serving: serving.label, objective: ttft.value, atPeak: atPeak, prefill: estimate,
              load: model.prefillLoadAtPeak),
            at: ttft.range, help: ["raise replicas.max to lower the load, relax ttft, or use faster GPUs per replica"],
            subjects: [serving.id + "/slo/ttft"]))
      }
    }
    return diagnostics
  }
}
