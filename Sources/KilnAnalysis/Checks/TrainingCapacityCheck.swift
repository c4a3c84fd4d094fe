import KilnDiagnostics
import KilnIR

/// `training-capacity`: each run fits its cluster's schedulable GPUs; runs that together exceed them
/// are a warning.
struct TrainingCapacityCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for run in ir.trainingRuns {
      guard let cluster = run.cluster, run.spec.gpus.value > cluster.schedulableGPUs else { continue }
      diagnostics.append(
        Diagnostic(
          AnalysisCodes.trainingCapacity,
          "\(run.id) needs \(Figures.count(run.spec.gpus.value)) GPUs; \(cluster.id) can schedule \(Figures.count(cluster.schedulableGPUs)) (\(Figures.count(cluster.gpus)) less a reserve of \(Figures.count(cluster.reservedGPUs)))",
          at: run.spec.gpus.range, notes: [Note("the cluster", at: run.spec.cluster.range)]))
    }
    for cluster in ir.clusters {
      let runs = ir.trainingRuns.filter {
        $0.cluster?.name == cluster.name && $0.spec.gpus.value <= cluster.schedulableGPUs
      }
      let total = runs.reduce(0) { $0 + $1.spec.gpus.value }
      guard runs.count > 1, total > cluster.schedulableGPUs, let last = runs.last else { continue }
      diagnostics.append(
        Diagnostic(
          AnalysisCodes.trainingRunsExceedCluster,
          "the training runs on \(cluster.id) need \(Figures.count(total)) GPUs together; it can schedule \(Figures.count(cluster.schedulableGPUs))",
          at: last.spec.gpus.range,
          notes: runs.map { Note("\($0.id): \(Figures.count($0.spec.gpus.value)) GPUs", at: $0.spec.gpus.range) }))
    }
    return diagnostics
  }
}
