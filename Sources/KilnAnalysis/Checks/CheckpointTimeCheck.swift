import KilnDiagnostics
import KilnIR
import KilnSpec

/// `checkpoint-time`: writing one checkpoint takes at most a fraction of the interval.
/// `checkpoint-interval`: the interval loses less than a percentage point of goodput against Daly's optimum
/// for the run's failures.
struct CheckpointTimeCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let maximum = context.threshold("checkpoint-time", .maximum, default: 0.10)
    var diagnostics: [Diagnostic] = []
    for (index, run) in ir.trainingRuns.enumerated() {
      guard let interval = run.spec.checkpointInterval, interval.value > 0,
        let figures = context.trainingGoodput[index], let position = run.spec.checkpointStorage?.target
      else { continue }
      let storage = ir.storage[position]
      let seconds = figures.checkpointSeconds
      if seconds > interval.value * maximum {
        let bound =
          figures.nicBound
          ? Note(
            "the run's servers write at \(Figures.format1(figures.writeBandwidth / 1e9)) GB/s over their NICs, less than Storage/\(storage.name)",
            at: run.spec.gpus.range)
          : Note(
            "Storage/\(storage.name) writes at \(Figures.format1(figures.writeBandwidth / 1e9)) GB/s\(storage.writeBandwidth == nil ? " (its read bandwidth: no writeBandwidth given)" : "")",
            at: storage.writeBandwidth?.range ?? storage.readBandwidth.range)
        diagnostics.append(
          Diagnostic(
            CheckpointTimeMessage.tooSlow(
              run: run.id, bytes: figures.checkpointBytes, seconds: seconds, interval: interval.value,
              maximum: maximum),
            at: interval.range, notes: [bound],
            help: ["checkpoint less often, or write to faster storage"], subjects: [run.id]))
      }
      let optimal = figures.optimalInterval
      guard optimal.isFinite, optimal > 0 else { continue }
      let atOptimal = TrainingGoodput.goodput(
        interval: optimal, delta: seconds, restart: run.spec.restartSeconds.value,
        mtbi: figures.meanTimeBetweenInterruptions)
      if atOptimal - figures.goodput >= 0.01 {
        diagnostics.append(
          Diagnostic(
            CheckpointTimeMessage.farFromOptimal(
              run: run.id, interval: interval.value, optimal: optimal, mtbi: figures.meanTimeBetweenInterruptions,
              goodput: figures.goodput, atOptimal: atOptimal),
            at: interval.range,
            help: ["checkpoint about every \(Figures.duration(optimal)), or state failures.perThousandNodeDays"],
            subjects: [run.id]))
      }
    }
    return diagnostics
  }
}
