import KilnDiagnostics
import KilnIR
import KilnSpec

/// `site-positions`: GPU racks, storage racks and network racks fit the site's positions. Switches
/// are packed into racks of the site's height.
struct SitePositionsCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for site in ir.sites {
      guard let positions = site.rackPositions, site.ownership.value != .cloud else { continue }
      var notes: [Note] = []
      var total = 0
      for cluster in ir.clusters where cluster.site?.name == site.name {
        total += cluster.racks
        notes.append(Note("\(cluster.id): \(cluster.racks) racks", at: cluster.spec.site.name.range))
      }
      for storage in ir.storage where storage.site.name.value == site.name && storage.racks.value > 0 {
        total += storage.racks.value
        notes.append(Note("Storage/\(storage.name): \(storage.racks.value) racks", at: storage.racks.range))
      }
      for fabric in ir.fabrics where fabric.site == site.name {
        // Top-of-rack leaves (leafGroup: rack) sit in the racks they serve.
        let tiers = fabric.switchTiers.filter { $0.tier != .leaf || fabric.spec.leafGroup.value != .rack }
        let switches = tiers.reduce(0) { $0 + $1.count }
        guard switches > 0 else { continue }
        let units = tiers.reduce(0) { $0 + $1.count * max(1, $1.model.rackUnits) }
        let racks = (units + site.rackUnits.value - 1) / max(1, site.rackUnits.value)
        total += racks
        notes.append(
          Note(
            "\(fabric.id): \(switches) switch\(switches == 1 ? "" : "es") in \(Figures.plural(racks, "network rack"))",
            at: fabric.spec.switchModel.name.range))
      }
      if total > positions.value {
        diagnostics.append(
          Diagnostic(
            SitePositionsMessage.tooFew(site: site.name, needed: total, positions: positions.value),
            at: positions.range,
            notes: notes,
            help: ["add positions, or place a cluster at another site"], subjects: ["Site/\(site.name)"]))
      }
    }
    return diagnostics
  }
}
