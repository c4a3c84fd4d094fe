import KilnAnalysis
import KilnSpec

/// `kiln report --format markdown`: for a pull request or a wiki page.
public enum MarkdownReport {
  public static func render(_ report: ProjectReport, title: String) -> String {
    func money(_ value: Double?) -> String { value.map(ReportFormatting.money) ?? "—" }
    func kW(_ value: Double?) -> String { value.map(ReportFormatting.kW) ?? "—" }
    func percent(_ value: Double?) -> String { value.map(ReportFormatting.percent) ?? "—" }
    func fixed(_ value: Double, _ decimals: Int) -> String { ReportFormatting.fixed(value, decimals) }
    let totals = report.totals
    var out = "# \(title): capacity and cost\n\n"
    out += "| GPUs | servers | racks | IT power | facility power | capex | opex / month | TCO |\n"
    out += "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    out +=
      "| \(totals.gpus) | \(totals.servers) | \(totals.racks) | \(kW(totals.itPowerKW)) | \(kW(totals.facilityPowerKW)) "
    out += "| \(money(totals.capexUSD)) | \(money(totals.monthlyOpexUSD)) | \(money(totals.tcoUSD)) |\n\n"
    var facts: [String] = []
    if let rate = totals.ownedGPUHourUSD {
      facts.append("owned GPU-hour $" + fixed(rate, 2) + " at the project's utilization")
    }
    if let share = totals.networkShareOfGPUCapex { facts.append("networking \(percent(share)) of GPU-server capex") }
    facts.append("energy \(fixed(totals.energyPerYearMWh / 1_000, 1)) GWh per year")
    if let co2 = totals.co2PerYearTonnes { facts.append("CO₂ \(fixed(co2, 0)) t per year") }
    out += facts.joined(separator: " · ") + "\n\n"
    out += ReportFormatting.gpuHourComparison(totals) + "\n\n"
    if !report.estimatedItems.isEmpty {
      out += "Money totals rest on estimated catalog prices for: \(report.estimatedItems.joined(separator: ", ")).\n\n"
    }
    if !totals.estimatedPower.isEmpty {
      out +=
        "Power, energy and the opex of owned sites rest on estimated catalog power for: \(totals.estimatedPower.joined(separator: ", ")).\n\n"
    }
    if report.errors + report.warnings > 0 {
      let errors = "\(report.errors) error\(report.errors == 1 ? "" : "s")"
      let warnings = "\(report.warnings) warning\(report.warnings == 1 ? "" : "s")"
      out += "**Diagnostics:** \(errors), \(warnings) (run `kiln lint` for details).\n\n"
    }
    out += table(TotalledTables.sites(report))
    if !report.storage.isEmpty { out += "\n" + table(TotalledTables.storage(report)) }
    out += "\n## Clusters\n\n| cluster | site | GPUs | models | schedulable | queueable | BF16 PFLOPS | FP8 PFLOPS |\n"
    out += "|---|---|---:|---|---:|---:|---:|---:|\n"
    for cluster in report.clusters {
      let bf16 = (cluster.peakPFLOPS[GPUModel.Precision.bf16.rawValue] ?? nil).map { fixed($0, 1) } ?? "—"
      let fp8 = (cluster.peakPFLOPS[GPUModel.Precision.fp8.rawValue] ?? nil).map { fixed($0, 1) } ?? "—"
      out += "| \(cluster.name) | \(cluster.site) | \(cluster.gpus) | \(cluster.gpuModels.joined(separator: ", ")) "
      out += "| \(cluster.schedulableGpus) | \(cluster.queueableGpus) | \(bf16) | \(fp8) |\n"
    }
    out +=
      "\n## Fabrics\n\n| fabric | topology | tiers | planes | endpoints | switches (leaf/spine/core) | switch links | optics | $ per endpoint |\n"
    out += "|---|---|---:|---:|---:|---|---:|---:|---:|\n"
    for fabric in report.fabrics {
      let tiers = ["leaf", "spine", "core", "router"].compactMap { fabric.switchesByTier[$0].map(String.init) }.joined(
        separator: "/")
      out +=
        "| \(fabric.name) | \(fabric.topology) | \(fabric.tiers.map(String.init) ?? "—") | \(fabric.planes.map(String.init) ?? "—") "
      out +=
        "| \(fabric.endpoints) | \(fabric.switches.map { "\($0) (\(tiers))" } ?? "—") | \(fabric.switchLinks.map(String.init) ?? "—") "
      out += "| \(fabric.transceivers) | \(money(fabric.costPerEndpointUSD)) |\n"
    }
    // Per tier: the model, its count and the fullest switch's ports, and the links each way.
    out +=
      "\n### Switch tiers\n\n| fabric | tier | switch | switches | ports down | ports up | cables up | pods | endpoint links |\n"
    out += "|---|---|---|---:|---:|---:|---:|---:|---:|\n"
    for fabric in report.fabrics {
      for tier in fabric.tierDetails {
        let first = tier.tier == fabric.tierDetails.first?.tier
        out +=
          "| \(fabric.name) | \(tier.tier) | \(tier.switchModel) | \(tier.switches) | \(tier.portsDown) | \(tier.portsUp) "
          + "| \(tier.cablesUp) "
        out += "| \(first ? fabric.pods.map(String.init) ?? "—" : "") "
        out += "| \(first ? fabric.endpointLinks.map(String.init) ?? "—" : "") |\n"
      }
    }
    if !report.serving.isEmpty {
      out +=
        "\n## Serving\n\n| region | serving | model | GPUs / replica | max replicas | batch | tokens/s per replica | capacity | peak demand | headroom | TPOT | $ / M tokens |\n"
      out += "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
      for entry in report.serving {
        let perReplica = entry.tokensPerSecondPerReplica.map { fixed($0, 0) } ?? "—"
        let capacity = entry.capacityTokensPerSecond.map { fixed($0, 0) } ?? "—"
        out += "| \(entry.region) | \(entry.label) | \(entry.model) | \(entry.gpusPerReplica) | \(entry.replicasMax) "
        out +=
          "| \(entry.batch.map(String.init) ?? "—") | \(perReplica) | \(capacity) | \(fixed(entry.demandTokensPerSecond, 0)) "
        out += "| \(percent(entry.headroom)) | \(entry.tpotSeconds.map { fixed($0 * 1_000, 1) + " ms" } ?? "—") "
        out += "| \(entry.usdPerMillionTokens.map { "$" + fixed($0, 3) } ?? "—") |\n"
      }
    }
    if !report.regions.isEmpty {
      out += "\n## Front doors\n\n| region | gateway class | routing | match | requests/s at peak |\n"
      out += "|---|---|---|---|---:|\n"
      for region in report.regions {
        out += "| \(region.name) | \(region.gatewayClass ?? "— (K7005)") | \(region.routing) | \(region.match) "
        out += "| \(fixed(region.requestsPerSecondAtPeak, 1)) |\n"
      }
    }
    if !report.training.isEmpty {
      out +=
        "\n## Training runs\n\n| run | FLOPs | GPU-hours | days | cost | goodput | interruptions | days with failures | cost with failures |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
      for run in report.training {
        out +=
          "| \(run.name) | \(ReportFormatting.scientific(run.flops)) | \(run.gpuHours.map { fixed($0, 0) } ?? "—") "
        out += "| \(run.days.map { fixed($0, 1) } ?? "—") | \(money(run.costUSD)) | \(percent(run.goodput)) "
        out +=
          "| \(run.interruptions.map { fixed($0, 0) } ?? "—") | \(run.daysWithFailures.map { fixed($0, 1) } ?? "—") | \(money(run.costWithFailuresUSD)) |\n"
      }
    }
    out += "\n## Cost\n"
    for cost in TotalledTables.costs(report) { out += "\n" + table(cost, level: "###") }
    return out
  }

  /// A totalled table: its rows, then the total in bold.
  static func table(_ table: TotalledTable, level: String = "##") -> String {
    var out = "\(level) \(table.title)\n\n| " + table.header.joined(separator: " | ") + " |\n|"
    for column in table.header.indices { out += column <= table.textColumns ? "---|" : "---:|" }
    out += "\n"
    for row in table.rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    out += "| " + table.total.map { $0.isEmpty ? "" : "**\($0)**" }.joined(separator: " | ") + " |\n"
    return out
  }
}
