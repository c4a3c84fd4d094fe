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
      // A cluster of one GPU type keeps the plain wording.
      let type = cluster.pools.count > 1 ? " \(pool.gpu)" : ""
      diagnostics.append(
        Diagnostic(
          TrainingCapacityMessage.runTooLarge(
            run: run.id, gpus: run.spec.gpus.value, cluster: cluster.id, queueable: pool.queueable,
            gpuType: cluster.pools.count > 1 ? pool.gpu : nil, installed: pool.installed, reserved: pool.reserved,
            servingMaximum: pool.servingMaximum),
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
        diagnostics.append(
          Diagnostic(
            TrainingCapacityMessage.runsTogetherTooLarge(
              cluster: cluster.id, total: total, gpuType: cluster.pools.count > 1 ? pool.gpu : nil,
              queueable: pool.queueable),
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
