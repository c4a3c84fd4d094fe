import KilnDiagnostics
import KilnIR

/// `rack-power`: servers per rack × server power ≤ the rack's power limit; a rack group's own limit
/// above the site's is a warning.
struct RackPowerCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for cluster in ir.clusters where cluster.site?.ownership.value != .cloud {
      for group in cluster.rackGroups {
        let limit = group.powerLimit
        let draw = group.rackPower
        if draw > limit.value + 0.5 {
          let fits = Int((limit.value / group.server.power).rounded(.down))
          let source =
            group.spec.powerLimit != nil
            ? "powerLimit" : (limit.isDefault ? "the site's cooling" : "the site's racks.powerLimit")
          diagnostics.append(
            Diagnostic(
              AnalysisCodes.rackPower,
              "rack group '\(group.name)' draws \(Figures.power(draw)) per rack, above its \(Figures.power(limit.value)) limit",
              at: group.spec.perRack.range,
              label:
                "\(group.serversPerRack) × \(group.server.name) at \(Figures.power(group.server.power)) = \(Figures.power(draw)) at full load",
              notes: [Note("the limit comes from \(source)", at: limit.range)],
              help: [
                fits > 0
                  ? "lower perRack to \(fits) (\(Figures.power(Double(fits) * group.server.power))), or raise the limit"
                  : "one \(group.server.name) alone exceeds the limit; raise it"
              ]))
        }
        if let own = group.spec.powerLimit, let site = cluster.site, !site.rackPowerLimit.isDefault,
          own.value > site.rackPowerLimit.value + 0.5
        {
          diagnostics.append(
            Diagnostic(
              AnalysisCodes.rackLimitAboveSite,
              "rack group '\(group.name)' allows \(Figures.power(own.value)) per rack, above the site's \(Figures.power(site.rackPowerLimit.value))",
              at: own.range,
              notes: [Note("Site/\(site.name) sets racks.powerLimit here", at: site.rackPowerLimit.range)]))
        }
      }
    }
    return diagnostics
  }
}
