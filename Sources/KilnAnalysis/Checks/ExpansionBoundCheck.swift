import KilnDiagnostics
import KilnIR
import KilnSpec

/// The link-level expansion has a bound (Expansion.objectBound); a project beyond it is reported
/// from the counts alone, before anything is allocated. The diagnostic points at the rack group count
/// that contributes most, the number a person would change.
struct ExpansionBoundCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let count = Expansion.objectCount(ir)
    let groups = ir.clusters.flatMap { cluster in cluster.rackGroups.map { (cluster, $0) } }
    guard count > Expansion.objectBound,
      let (cluster, largest) = groups.max(by: { Expansion.objectCount($0.1) < Expansion.objectCount($1.1) })
    else { return [] }
    let nicPorts = largest.server.nics.reduce(0) { $0 + $1.count }
    let groupCount = Expansion.objectCount(largest)
    let bound = Figures.count(Expansion.objectBound)
    let product =
      "\(Figures.count(largest.racks)) racks × \(largest.serversPerRack) \(largest.server.name) × (1 server + \(largest.server.gpuCount) GPUs + \(nicPorts) NIC ports) + the racks = \(groupCount == Int.max ? "more than \(Figures.count(Int.max))" : Figures.count(groupCount)) objects"
    return [
      Diagnostic(
        ExpansionBoundMessage.tooLarge(objects: count, bound: Expansion.objectBound),
        at: largest.spec.count.range, label: product,
        notes: [
          Note("rack group '\(largest.name)' of \(cluster.id) is the largest part of it", at: cluster.spec.nameRange)
        ],
        help: [
          "check the count and perRack of the largest rack groups (a typo adds zeros), or split the project so each part stays within \(bound) objects"
        ])
    ]
  }
}
