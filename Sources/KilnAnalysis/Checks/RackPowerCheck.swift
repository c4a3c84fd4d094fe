import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// `rack-power`: servers per rack × server power (its `powerCap` when lower) ≤ the rack's power limit; a rack
/// group's own limit above the site's is a warning.
struct RackPowerCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // A Policy `max` caps every rack's limit (e.g. what the power distribution units are rated for).
    let policyCap = context.threshold("rack-power", .maximum, default: .infinity)
    for cluster in ir.clusters where cluster.site?.ownership.value != .cloud {
      for group in cluster.rackGroups {
        let limit =
          policyCap < group.powerLimit.value
          ? Located(policyCap, at: context.policy?.rule("rack-power")?.max?.range ?? group.powerLimit.range)
          : group.powerLimit
        let draw = group.rackPower
        let cooling = cluster.site?.cooling.value.rawValue ?? "air"
        if draw > limit.value + 0.5 {
          let fits = Int(saturating: (limit.value / group.serverPower).rounded(.down))
          let source =
            policyCap < group.powerLimit.value
            ? "the Policy's rack-power max"
            : group.spec.powerLimit != nil
              ? "the rack group's powerLimit"
              : (limit.isDefault ? "the default for \(cooling) cooling" : "the site's racks.powerLimit")
          let racksNeeded = fits > 0 ? (group.servers + fits - 1) / fits : 0
          let help =
            fits > 0
            ? "lower perRack to \(fits) (\(Figures.power(Double(fits) * group.serverPower))) and raise count to \(racksNeeded) to keep \(group.servers) servers, or raise the limit"
            : "one \(group.server.name) alone exceeds the limit; raise it"
          diagnostics.append(
            Diagnostic(
              RackPowerMessage.overLimit(group: group.name, draw: draw, limit: limit.value),
              at: group.spec.perRack.range,
              label:
                "\(group.serversPerRack) × \(group.server.name) at \(Figures.power(group.serverPower))\(group.serverPower < group.server.power ? " (capped)" : "") = \(Figures.power(draw)) at full load",
              notes: [Note("the limit comes from \(source)", at: limit.range)], help: [help],
              subjects: ["\(cluster.id)/rackGroup/\(group.name)"]))
        }
        if let own = group.spec.powerLimit, let site = cluster.site, own.value > site.rackPowerLimit.value + 0.5 {
          let origin =
            site.rackPowerLimit.isDefault
            ? "the default for \(site.cooling.value.rawValue) cooling at Site/\(site.name)"
            : "Site/\(site.name)'s racks.powerLimit"
          diagnostics.append(
            Diagnostic(
              RackPowerMessage.groupLimitAboveSite(
                group: group.name, groupLimit: own.value, siteLimit: site.rackPowerLimit.value),
              at: own.range, notes: [Note("the site's limit is \(origin)", at: site.rackPowerLimit.range)],
              help: [
                "lower the rack group's powerLimit, or raise the site's racks.powerLimit if the facility supports it"
              ],
              subjects: ["\(cluster.id)/rackGroup/\(group.name)"]))
        }
      }
    }
    return diagnostics
  }
}
