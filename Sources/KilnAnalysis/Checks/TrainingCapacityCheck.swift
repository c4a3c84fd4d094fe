import KilnDiagnostics
import KilnIR
import KilnSpec

/// `training-capacity`: each run fits the queueable GPUs of its GPU type in its cluster — that type's
/// GPUs less the reserve and the serving entries on it at their maximum replicas (docs/language.md §4.4;
/// the Kueue quota of that ResourceFlavor); runs that together exceed them are a warning.
struct TrainingCapacityCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for run in ir.trainingRuns {
      guard let cluster = run.cluster, let pool = cluster.pool(run.gpu?.name), run.spec.gpus.value > pool.queueable
      else { continue }
      var deductions: [String] = []
      if pool.reserved > 0 { deductions.append("a reserve of \(Figures.count(pool.reserved))") }
      if pool.servingMaximum > 0 {
        deductions.append("\(Figures.count(pool.servingMaximum)) for serving at max replicas")
      }
      let reserve =
        deductions.isEmpty ? "" : " (\(Figures.count(pool.installed)) less \(deductions.joined(separator: " and ")))"
      // A cluster of one GPU type keeps the plain wording.
      let type = cluster.pools.count > 1 ? " \(pool.gpu)" : ""
      diagnostics.append(
        Diagnostic(
          AnalysisCodes.trainingCapacity,
          "\(run.id) needs \(Figures.count(run.spec.gpus.value)) GPUs; \(cluster.id) can queue \(Figures.count(pool.queueable))\(type.isEmpty ? "" : type + " GPUs") for training\(reserve)",
          at: run.spec.gpus.range,
          notes: [Note("\(cluster.id) has \(Figures.count(pool.installed))\(type) GPUs", at: cluster.spec.nameRange)],
          help: ["ask for at most \(Figures.count(pool.queueable)) GPUs, or run on a bigger cluster"],
          subjects: [run.id, cluster.id]))
    }
    for cluster in ir.clusters {
      for pool in cluster.pools {
        let runs = ir.trainingRuns.filter {
          $0.cluster?.name == cluster.name && $0.gpu?.name == pool.gpu && $0.spec.gpus.value <= pool.queueable
        }
        let total = runs.reduce(0) { $0 + $1.spec.gpus.value }
        guard runs.count > 1, total > pool.queueable, let last = runs.last else { continue }
        let gpus = cluster.pools.count > 1 ? "\(pool.gpu) GPUs" : ""
        diagnostics.append(
          Diagnostic(
            AnalysisCodes.trainingRunsExceedCluster,
            "the training runs on \(cluster.id) need \(Figures.count(total)) \(gpus.isEmpty ? "GPUs" : gpus) together; it can queue \(Figures.count(pool.queueable))\(gpus.isEmpty ? "" : " " + gpus) for training",
            at: last.spec.gpus.range,
            notes: runs.dropLast().map {
              Note("\($0.id): \(Figures.count($0.spec.gpus.value)) GPUs", at: $0.spec.gpus.range)
            },
            help: ["they cannot all run at once: Kueue queues the rest; or make the cluster bigger"],
            subjects: [cluster.id] + runs.map(\.id)))
      }
    }
    return diagnostics
  }
}
