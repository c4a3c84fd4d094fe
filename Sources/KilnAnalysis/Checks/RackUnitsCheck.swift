import KilnDiagnostics
import KilnIR
import KilnSpec

/// `rack-units`: servers per rack × server height ≤ the site's rack units.
struct RackUnitsCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in ir.clusters {
      guard let site = cluster.site, site.ownership.value != .cloud else { continue }
      let units = site.rackUnits.value
      for group in cluster.rackGroups where group.rackUnitsUsed > units {
        let fits = group.server.rackUnits > 0 ? units / group.server.rackUnits : 0
        diagnostics.append(
          Diagnostic(
            RackUnitsMessage.overHeight(group: group.name, used: group.rackUnitsUsed, units: units),
            at: group.spec.perRack.range,
            label: "\(group.serversPerRack) × \(group.server.name) at \(group.server.rackUnits)U",
            notes: [
              Note(
                "Site/\(site.name) has \(units)U racks\(site.rackUnits.isDefault ? " (the default)" : "")",
                at: site.rackUnits.range)
            ],
            help: ["lower perRack to \(fits)"], subjects: ["\(cluster.id)/rackGroup/\(group.name)"]))
      }
    }
    return diagnostics
  }
}
