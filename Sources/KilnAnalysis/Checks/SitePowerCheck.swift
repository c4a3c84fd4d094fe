import KilnDiagnostics
import KilnIR
import KilnSpec

/// `site-power` and `site-power-headroom`: (IT load at maximum power) × PUE fits the facility, with
/// headroom. The IT load is the GPU servers, storage and fabric switches at the site.
struct SitePowerCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let minimumHeadroom = context.threshold("site-power-headroom", .minimum, default: 0.10)
    let loads = context.siteLoads
    for site in ir.sites {
      guard let capacity = site.powerCapacity, site.ownership.value != .cloud else { continue }
      let load = loads[site.name] ?? SiteLoad()
      let facility = load.itPower * site.pue.value
      var notes = load.contributors.map { Note("\($0.name): \(Figures.power($0.watts))", at: $0.range) }
      notes.append(Note("PUE \(site.pue.value)\(site.pue.isDefault ? " (the default)" : "")", at: site.pue.range))
      if facility > capacity.value + 0.5 {
        diagnostics.append(
          Diagnostic(
            SitePowerMessage.overCapacity(
              site: site.name, facility: facility, itPower: load.itPower, pue: site.pue.value,
              capacity: capacity.value),
            at: capacity.range, notes: notes,
            help: ["add capacity, move a cluster to another site, or use fewer servers"],
            subjects: ["Site/\(site.name)"]))
      } else if capacity.value > 0 {
        let headroom = (capacity.value - facility) / capacity.value
        if headroom < minimumHeadroom {
          diagnostics.append(
            Diagnostic(
              SitePowerMessage.headroomBelowMinimum(
                site: site.name, headroom: headroom, facility: facility, capacity: capacity.value,
                minimum: minimumHeadroom),
              at: capacity.range, notes: notes,
              help: [
                "add capacity or reduce the load; a Policy rule {check: site-power-headroom, min: …} sets the minimum"
              ],
              subjects: ["Site/\(site.name)"]))
        }
      }
    }
    return diagnostics
  }
}
