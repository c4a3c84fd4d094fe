import KilnDiagnostics
import KilnIR
import KilnSpec

/// `serving-placement`: the serving entries on one GPU type of a cluster fit its schedulable GPUs at
/// their maximum replicas. Reported once per pool, at the `replicas.max` of its largest entry, with a
/// note at each of the others.
struct ServingPlacementCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in ir.clusters {
      for pool in cluster.pools where pool.servingMaximum > pool.schedulable {
        let entries = ir.serving.filter { $0.clusterID == cluster.id && $0.gpu == pool.gpu }
        guard let largest = entries.max(by: { $0.maxGPUs < $1.maxGPUs }) else { continue }
        let others = pool.servingMaximum - largest.maxGPUs
        let room = max(0, pool.schedulable - others)
        let fits = largest.gpusPerReplica > 0 ? room / largest.gpusPerReplica : 0
        let beside = entries.count > 1 ? " beside the other entries" : ""
        diagnostics.append(
          Diagnostic(
            ServingPlacementMessage.overSchedulable(
              cluster: cluster.id, needed: pool.servingMaximum, gpuType: cluster.pools.count > 1 ? pool.gpu : nil,
              schedulable: pool.schedulable, installed: pool.installed, reserved: pool.reserved),
            at: largest.entry.maxReplicas.range,
            label:
              "\(Figures.count(largest.entry.maxReplicas.value)) replicas × \(largest.gpusPerReplica) GPU\(largest.gpusPerReplica == 1 ? "" : "s") = \(Figures.count(largest.maxGPUs))",
            notes: entries.filter { $0.id != largest.id }.map {
              Note("\($0.id): \(Figures.count($0.maxGPUs)) GPUs at max replicas", at: $0.entry.maxReplicas.range)
            },
            help: [
              fits > 0
                ? "at most \(Figures.count(fits)) replicas of '\(largest.label)' fit\(beside); lower replicas.max, or add servers of this GPU type"
                : "no replica of '\(largest.label)' fits\(beside); add servers of this GPU type or serve from another cluster"
            ],
            subjects: [cluster.id, cluster.id + "/gpu/" + pool.gpu] + entries.map(\.id)))
      }
    }
    return diagnostics
  }
}
