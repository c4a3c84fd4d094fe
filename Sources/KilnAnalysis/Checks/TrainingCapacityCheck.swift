import KilnDiagnostics
import KilnIR

/// `training-capacity`: each run fits its cluster's queueable GPUs — all GPUs less the reserve and
/// the serving entries at their maximum replicas (docs/language.md §4.4; the Kueue quota training can
/// use); runs that together exceed them are a warning.
struct TrainingCapacityCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for run in ir.trainingRuns {
      guard let cluster = run.cluster, run.spec.gpus.value > cluster.queueableGPUs else { continue }
      var deductions: [String] = []
      if cluster.reservedGPUs > 0 { deductions.append("a reserve of \(Figures.count(cluster.reservedGPUs))") }
      if cluster.servingGPUs > 0 {
        deductions.append("\(Figures.count(cluster.servingGPUs)) for serving at max replicas")
      }
      let reserve =
        deductions.isEmpty ? "" : " (\(Figures.count(cluster.gpus)) less \(deductions.joined(separator: " and ")))"
      diagnostics.append(
        Diagnostic(
          AnalysisCodes.trainingCapacity,
          "\(run.id) needs \(Figures.count(run.spec.gpus.value)) GPUs; \(cluster.id) can queue \(Figures.count(cluster.queueableGPUs)) for training\(reserve)",
          at: run.spec.gpus.range,
          notes: [Note("\(cluster.id) has \(Figures.count(cluster.gpus)) GPUs", at: cluster.spec.nameRange)],
          help: ["ask for at most \(Figures.count(cluster.queueableGPUs)) GPUs, or run on a bigger cluster"]))
    }
    for cluster in ir.clusters {
      let runs = ir.trainingRuns.filter {
        $0.cluster?.name == cluster.name && $0.spec.gpus.value <= cluster.queueableGPUs
      }
      let total = runs.reduce(0) { $0 + $1.spec.gpus.value }
      guard runs.count > 1, total > cluster.queueableGPUs, let last = runs.last else { continue }
      diagnostics.append(
        Diagnostic(
          AnalysisCodes.trainingRunsExceedCluster,
          "the training runs on \(cluster.id) need \(Figures.count(total)) GPUs together; it can queue \(Figures.count(cluster.queueableGPUs)) for training",
          at: last.spec.gpus.range,
          notes: runs.dropLast().map {
            Note("\($0.id): \(Figures.count($0.spec.gpus.value)) GPUs", at: $0.spec.gpus.range)
          },
          help: ["they cannot all run at once: Kueue queues the rest; or make the cluster bigger"]))
    }
    return diagnostics
  }
}
