import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// `serving-slo`: TPOT reachable at batch 1; TTFT not below the compute-bound prefill estimate.
struct ServingSLOCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for index in ir.serving.indices {
      // When the weights do not fit, memory-fit reports it; latency figures would be fiction.
      guard let model = context.servingModels[index], model.memoryBatchLimit > 0 else { continue }
      let tpotMissed = ir.serving[index].entry.tpot.map { model.stepTime(batch: 1) > $0.value } ?? false
      let ttftMissed =
        ir.serving[index].entry.ttft.map { model.averageInput > 0 && model.ttftEstimate > $0.value } ?? false
      guard tpotMissed || ttftMissed else { continue }
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
    }
    return diagnostics
  }
}
