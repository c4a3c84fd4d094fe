import KilnDiagnostics
import KilnIR
import KilnSpec

/// `training-goodput`: a training run makes progress at least a minimum share of its wall-clock time after
/// checkpoints, interruptions and restarts (docs/models.md §7.1).
struct TrainingGoodputCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let minimum = context.threshold("training-goodput", .minimum, default: 0.5)
    var diagnostics: [Diagnostic] = []
    for (index, run) in ir.trainingRuns.enumerated() {
      guard let figures = context.trainingGoodput[index], figures.goodput < minimum,
        figures.meanTimeBetweenInterruptions.isFinite
      else { continue }
      let failures = run.spec.failuresPerThousandNodeDays
      diagnostics.append(
        Diagnostic(
          TrainingGoodputMessage.belowMinimum(
            run: run.id, goodput: figures.goodput, minimum: minimum, mtbi: figures.meanTimeBetweenInterruptions,
            restart: run.spec.restartSeconds.value),
          at: failures.isDefault ? run.spec.gpus.range : failures.range,
          notes: failures.isDefault
            ? [Note("failures.perThousandNodeDays is the default, Llama 3's \(Figures.format1(failures.value))")] : [],
          help: [
            "check failures.perThousandNodeDays, shorten failures.restart, or train on fewer servers"
          ], subjects: [run.id]))
    }
    return diagnostics
  }
}
