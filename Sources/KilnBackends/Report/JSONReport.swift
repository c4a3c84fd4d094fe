import KilnAnalysis
import KilnDiagnostics
import KilnSupport

/// `kiln report --format json`: stable, documented keys (docs/report-format.md). Money totals are
/// whole US dollars; rates keep 4 significant digits; a figure that does not exist is `null`.
public enum JSONReport {
  public static func render(_ report: ProjectReport) -> String {
    func dollars(_ value: Double?) -> JSONValue { value.map { .int(Int(saturating: $0.rounded())) } ?? .null }
    func number(_ value: Double?, digits: Int = 4) -> JSONValue {
      guard let value, value.isFinite else { return .null }
      return .double(significant(value, digits))
    }
    func int(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
    let totals = report.totals
    let document = JSONValue.object([
      ("formatVersion", .int(1)),
      (
        "totals",
        .object([
          ("gpus", .int(totals.gpus)), ("servers", .int(totals.servers)), ("racks", .int(totals.racks)),
          ("itPower_kW", number(totals.itPowerKW, digits: 6)),
          ("averageItPower_kW", number(totals.averageITPowerKW, digits: 6)),
          ("facilityPower_kW", number(totals.facilityPowerKW, digits: 6)),
          ("capex_usd", dollars(totals.capexUSD)),
          ("capexByKind_usd", .object(totals.capexBreakdownUSD.map { ($0.0, dollars($0.1)) })),
          ("monthlyOpex_usd", dollars(totals.monthlyOpexUSD)),
          ("tco_usd", dollars(totals.tcoUSD)),
          ("tcoByPart_usd", .object(totals.tcoBreakdownUSD.map { ($0.0, dollars($0.1)) })),
          ("costIncludes", .array(totals.costIncludes.map { .string($0) })),
          ("ownedGpuHour_usd", number(totals.ownedGPUHourUSD)),
          ("gpuHourByOwnership_usd", .object(totals.gpuHourByOwnershipUSD.map { ($0.0, number($0.1)) })),
          ("financingRate", number(totals.financingRate)), ("interest_usd", dollars(totals.interestUSD)),
          ("facilityCapex_usd", dollars(totals.facilityCapexUSD)),
          ("facilityShare_usd", dollars(totals.facilityShareUSD)),
          ("networkShareOfGpuCapex", number(totals.networkShareOfGPUCapex)),
          ("energyPerYear_MWh", number(totals.energyPerYearMWh, digits: 6)),
          ("co2PerYear_t", number(totals.co2PerYearTonnes, digits: 6)),
          ("estimatedPrices", .array(report.estimatedItems.map { .string($0) })),
          ("estimatedPower", .array(totals.estimatedPower.map { .string($0) })),
        ])
      ),
      (
        "sites",
        .array(
          report.sites.map { site in
            .object([
              ("name", .string(site.name)), ("ownership", .string(site.ownership)),
              ("jurisdiction", .string(site.jurisdiction)), ("itPower_kW", number(site.itPowerKW, digits: 6)),
              ("servers_kW", number(site.serversKW, digits: 6)), ("storage_kW", number(site.storageKW, digits: 6)),
              ("network_kW", number(site.networkKW, digits: 6)),
              ("averageItPower_kW", number(site.averageITPowerKW, digits: 6)),
              ("facilityPower_kW", number(site.facilityPowerKW, digits: 6)),
              ("capacity_kW", number(site.capacityKW, digits: 6)), ("headroom", number(site.headroom)),
              ("contractUtilization", number(site.contractUtilization)),
              ("monthlyOpex_usd", dollars(site.monthlyOpexUSD)), ("capex_usd", dollars(site.capexUSD)),
              ("gpus", .int(site.gpus)), ("gpuHour_usd", number(site.gpuHourUSD)),
            ])
          })
      ),
      (
        "storage",
        .array(
          report.storage.map { tier in
            .object([
              ("name", .string(tier.name)), ("site", .string(tier.site)), ("class", .string(tier.storageClass)),
              ("system", tier.system.map { .string($0) } ?? .null),
              ("fabric", tier.fabric.map { .string($0) } ?? .null),
              ("capacity_TB", number(tier.capacityTB, digits: 6)),
              ("readBandwidth_GBps", number(tier.readGBps, digits: 6)),
              ("writeBandwidth_GBps", number(tier.writeGBps, digits: 6)), ("gpusServed", .int(tier.gpusServed)),
              ("readPerGpu_GBps", number(tier.readPerGPUGBps)), ("nodes", int(tier.nodes)), ("ports", int(tier.ports)),
              ("portBandwidth_GBps", number(tier.portBandwidthGBps, digits: 6)),
              ("power_kW", number(tier.powerKW, digits: 6)),
              ("averagePower_kW", number(tier.averagePowerKW, digits: 6)),
              ("capex_usd", dollars(tier.capexUSD)), ("monthlyOpex_usd", dollars(tier.monthlyOpexUSD)),
            ])
          })
      ),
      (
        "clusters",
        .array(
          report.clusters.map { cluster in
            .object([
              ("name", .string(cluster.name)), ("site", .string(cluster.site)), ("gpus", .int(cluster.gpus)),
              ("gpuModels", .array(cluster.gpuModels.map { .string($0) })),
              ("schedulableGpus", .int(cluster.schedulableGpus)), ("queueableGpus", .int(cluster.queueableGpus)),
              (
                "gpuTypes",
                .array(
                  cluster.gpuTypes.map {
                    .object([
                      ("gpu", .string($0.gpu)), ("installed", .int($0.installed)), ("reserved", .int($0.reserved)),
                      ("schedulable", .int($0.schedulable)), ("servingMaximum", .int($0.servingMaximum)),
                      ("queueable", .int($0.queueable)),
                    ])
                  })
              ),
              (
                "peakPFLOPS",
                .object(["bf16", "fp8"].map { ($0, number(cluster.peakPFLOPS[$0] ?? nil)) })
              ),
              ("hbm_TB", number(cluster.hbmTB)),
            ])
          })
      ),
      (
        "fabrics",
        .array(
          report.fabrics.map { fabric in
            .object([
              ("name", .string(fabric.name)), ("topology", .string(fabric.topology)), ("tiers", int(fabric.tiers)),
              ("planes", int(fabric.planes)), ("endpoints", .int(fabric.endpoints)),
              ("storagePorts", .int(fabric.storagePorts)), ("storageLeaves", int(fabric.storageLeaves)),
              ("switches", int(fabric.switches)),
              (
                "switchesByTier",
                .object(fabric.switchesByTier.keys.sorted().map { ($0, .int(fabric.switchesByTier[$0] ?? 0)) })
              ),
              ("switchLinks", int(fabric.switchLinks)), ("switchCables", int(fabric.switchCables)),
              ("endpointLinks", int(fabric.endpointLinks)), ("spareLinks", int(fabric.spareLinks)),
              ("transceivers", .int(fabric.transceivers)),
              ("bisectionBandwidth_Gbps", number(fabric.bisectionBandwidthGbps, digits: 6)),
              ("costPerEndpoint_usd", number(fabric.costPerEndpointUSD)), ("hops", int(fabric.hops)),
              ("pods", int(fabric.pods)),
              (
                "tierDetails",
                .array(
                  fabric.tierDetails.map { tier in
                    .object([
                      ("tier", .string(tier.tier)), ("switch", .string(tier.switchModel)),
                      ("switches", .int(tier.switches)), ("portsDown", .int(tier.portsDown)),
                      ("portsUp", .int(tier.portsUp)), ("cablesUp", .int(tier.cablesUp)),
                    ])
                  })
              ),
            ])
          })
      ),
      (
        "regions",
        .array(
          report.regions.map { region in
            .object([
              ("name", .string(region.name)), ("gatewayClass", region.gatewayClass.map { .string($0) } ?? .null),
              ("routing", .string(region.routing)), ("match", .string(region.match)),
              ("requestsPerSecondAtPeak", number(region.requestsPerSecondAtPeak)),
            ])
          })
      ),
      (
        "training",
        .array(
          report.training.map { run in
            .object([
              ("name", .string(run.name)), ("flops", number(run.flops)), ("gpuHours", number(run.gpuHours)),
              ("days", number(run.days)), ("cost_usd", dollars(run.costUSD)), ("gpuHour_usd", number(run.gpuHourUSD)),
              ("checkpoint_bytes", number(run.checkpointBytes)),
              ("checkpointWrite_s", number(run.checkpointWriteSeconds)),
              ("meanTimeBetweenInterruptions_s", number(run.meanTimeBetweenInterruptionsSeconds)),
              ("optimalCheckpointInterval_s", number(run.optimalCheckpointIntervalSeconds)),
              ("goodput", number(run.goodput)), ("interruptions", number(run.interruptions)),
              ("daysWithFailures", number(run.daysWithFailures)),
              ("costWithFailures_usd", dollars(run.costWithFailuresUSD)),
            ])
          })
      ),
      (
        "serving",
        .array(
          report.serving.map { entry in
            .object([
              ("region", .string(entry.region)), ("name", .string(entry.name)), ("role", .string(entry.role)),
              ("model", .string(entry.model)),
              ("gpusPerReplica", .int(entry.gpusPerReplica)), ("replicasMax", .int(entry.replicasMax)),
              ("batch", int(entry.batch)), ("tokensPerSecondPerReplica", number(entry.tokensPerSecondPerReplica)),
              ("capacity_tokensPerSecond", number(entry.capacityTokensPerSecond)),
              ("demand_tokensPerSecond", number(entry.demandTokensPerSecond)), ("headroom", number(entry.headroom)),
              ("tpot_s", number(entry.tpotSeconds)), ("ttftEstimate_s", number(entry.ttftEstimateSeconds)),
              ("usdPerMillionTokens", number(entry.usdPerMillionTokens)),
              ("ttftAtPeak_s", number(entry.ttftAtPeakSeconds)),
              ("inputTokensPerSecondPerReplica", number(entry.inputTokensPerSecondPerReplica)),
              ("prefillShare", number(entry.prefillShare)), ("link", entry.link.map { .string($0) } ?? .null),
              ("usdPerMillionInputTokens", number(entry.usdPerMillionInputTokens)),
              ("usdPerMillionOutputTokens", number(entry.usdPerMillionOutputTokens)),
              ("batchAtPeak", int(entry.batchAtPeak)), ("tpotAtPeak_s", number(entry.tpotAtPeakSeconds)),
              ("servedTokensPerSecondPerReplica", number(entry.servedTokensPerSecondPerReplica)),
              ("burstDrain_s", number(entry.burst?.drainSeconds)),
              ("burstTTFT_s", number(entry.burst?.meanTTFTSeconds)),
              ("burstTPOT_s", number(entry.burst?.meanTPOTSeconds)),
              ("burstTokensPerSecondPerReplica", number(entry.burst?.tokensPerSecond)),
            ])
          })
      ),
      ("diagnostics", .object([("errors", .int(report.errors)), ("warnings", .int(report.warnings))])),
    ])
    return document.serialized() + "\n"
  }

  /// `value` rounded to `digits` significant digits.
  static func significant(_ value: Double, _ digits: Int) -> Double {
    guard value != 0, value.isFinite else { return value }
    var scale = 1.0
    var magnitude = abs(value)
    var exponent = 0
    while magnitude >= 10 {
      magnitude /= 10
      exponent += 1
    }
    while magnitude < 1 {
      magnitude *= 10
      exponent -= 1
    }
    let shift = digits - 1 - exponent
    for _ in 0..<abs(shift) { scale *= 10 }
    return shift >= 0 ? (value * scale).rounded() / scale : (value / scale).rounded() * scale
  }
}
