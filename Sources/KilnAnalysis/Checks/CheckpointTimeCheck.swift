import KilnDiagnostics
import KilnIR
import KilnSpec

/// `checkpoint-time`: writing one checkpoint takes at most a fraction of the interval.
struct CheckpointTimeCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let maximum = context.threshold("checkpoint-time", .maximum, default: 0.10)
    return ir.trainingRuns.compactMap { run -> Diagnostic? in
      guard let interval = run.spec.checkpointInterval, interval.value > 0,
        let storageName = run.spec.checkpointStorage,
        let storage = storageName.target.map({ ir.storage[$0] }), let model = run.model
      else { return nil }
      let bandwidth = storage.writeBandwidth?.value ?? storage.readBandwidth.value
      guard bandwidth > 0 else { return nil }
      let bytes = model.parameters.value * run.spec.checkpointBytesPerParameter.value
      let seconds = bytes / bandwidth
      guard seconds > interval.value * maximum else { return nil }
      return Diagnostic(
        CheckpointTimeMessage.tooSlow(
          run: run.id, bytes: bytes, seconds: seconds, interval: interval.value, maximum: maximum),
        at: interval.range,
        notes: [
          Note(
            "Storage/\(storage.name) writes at \(Figures.format1(bandwidth / 1e9)) GB/s\(storage.writeBandwidth == nil ? " (its read bandwidth: no writeBandwidth given)" : "")",
            at: storage.writeBandwidth?.range ?? storage.readBandwidth.range)
        ],
        help: ["checkpoint less often, or write to faster storage"], subjects: [run.id])
    }
  }
}
