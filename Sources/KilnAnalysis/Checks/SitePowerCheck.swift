import KilnDiagnostics
import KilnIR

/// `site-power` and `site-power-headroom`: (IT load at maximum power) × PUE fits the facility, with
/// headroom. The IT load is the GPU servers, storage and fabric switches at the site.
struct SitePowerCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let minimumHeadroom = context.threshold("site-power-headroom", "min", default: 0.10)
    let loads = SiteLoad.bySite(ir)
    for site in ir.sites {
      guard let capacity = site.powerCapacity, site.ownership.value != .cloud else { continue }
      let load = loads[site.name] ?? SiteLoad()
      let facility = load.itPower * site.pue.value
      var notes = load.contributors.map { Note("\($0.name): \(Figures.power($0.watts))", at: $0.range) }
      notes.append(Note("PUE \(site.pue.value)\(site.pue.isDefault ? " (the default)" : "")", at: site.pue.range))
      if facility > capacity.value + 0.5 {
        diagnostics.append(
          Diagnostic(
            AnalysisCodes.sitePower,
            "Site/\(site.name) needs \(Figures.power(facility)) (IT \(Figures.power(load.itPower)) × PUE \(site.pue.value)), above its \(Figures.power(capacity.value)) capacity",
            at: capacity.range, notes: notes,
            help: ["add capacity, move a cluster to another site, or use fewer servers"]))
      } else if capacity.value > 0 {
        let headroom = (capacity.value - facility) / capacity.value
        if headroom < minimumHeadroom {
          diagnostics.append(
            Diagnostic(
              AnalysisCodes.sitePowerHeadroom,
              "Site/\(site.name) has \(Figures.percent(headroom)) power headroom (\(Figures.power(facility)) of \(Figures.power(capacity.value))), below the \(Figures.percent(minimumHeadroom)) minimum",
              at: capacity.range, notes: notes,
              help: [
                "add capacity or reduce the load; a Policy rule {check: site-power-headroom, min: …} sets the minimum"
              ]))
        }
      }
    }
    return diagnostics
  }
}

/// The IT load of one site at maximum power, with its contributors.
struct SiteLoad {
  struct Contributor {
    var name: String
    var watts: Double
    var range: SourceRange
  }

  var contributors: [Contributor] = []
  var itPower: Double { contributors.reduce(0) { $0 + $1.watts } }

  init() {}

  /// Every site's contributors, in one pass (a fabric at the site of what attaches to it).
  static func bySite(_ ir: IRProject) -> [String: SiteLoad] {
    var loads: [String: SiteLoad] = [:]
    var siteOf: [String: String] = [:]
    for index in ir.clusters.indices {
      guard let site = ir.clusters[index].site?.name else { continue }
      siteOf[ir.clusters[index].id] = site
      loads[site, default: SiteLoad()].contributors.append(
        Contributor(
          name: ir.clusters[index].id, watts: ir.clusters[index].itPower, range: ir.clusters[index].spec.site.range))
    }
    for storage in ir.storage {
      siteOf["Storage/\(storage.name)"] = storage.site.value
      guard storage.power.value > 0 else { continue }
      loads[storage.site.value, default: SiteLoad()].contributors.append(
        Contributor(name: "Storage/\(storage.name)", watts: storage.power.value, range: storage.power.range))
    }
    for index in ir.fabrics.indices {
      guard let size = ir.fabrics[index].sizeValue, let power = ir.fabrics[index].switchModel?.power,
        let site = ir.fabrics[index].attached.lazy.compactMap({ siteOf[$0] }).first
      else { continue }
      loads[site, default: SiteLoad()].contributors.append(
        Contributor(
          name: ir.fabrics[index].id, watts: Double(size.switches) * power,
          range: ir.fabrics[index].spec.switchModel.range))
    }
    return loads
  }

  /// A fabric is at the site of what attaches to it.
  static func site(of fabric: IRFabric, _ ir: IRProject) -> String? {
    for id in fabric.attached {
      if let cluster = ir.clusters.first(where: { $0.id == id }) { return cluster.site?.name }
      if let storage = ir.storage.first(where: { "Storage/\($0.name)" == id }) { return storage.site.value }
    }
    return nil
  }
}
