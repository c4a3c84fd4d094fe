import KilnDiagnostics
import KilnIR
import KilnSpec

/// The figures of `kiln report`, computed once and rendered by each format. Units are in the key
/// names of the JSON form (docs/report-format.md): kW, USD, Gb/s; headroom is a fraction.
public struct ProjectReport: Sendable {
  public struct Totals: Sendable {
    public var gpus = 0
    public var servers = 0
    public var racks = 0
    public var itPowerKW = 0.0
    /// The IT load's average draw at the load factors (docs/models.md §3.5), which energy and opex use.
    public var averageITPowerKW = 0.0
    public var facilityPowerKW = 0.0
    public var capexUSD = 0.0
    public var monthlyOpexUSD = 0.0
    public var tcoUSD = 0.0
    /// Effective $ per owned GPU-hour at the project's utilization (capex over the lifetime + opex).
    public var ownedGPUHourUSD: Double?
    /// `financing.rate`, and the interest it adds over the lifetime (included in `tcoUSD` and
    /// `ownedGPUHourUSD`); nil when capex is not financed.
    public var financingRate: Double?
    public var interestUSD: Double?
    /// Owned sites' facilities: what they cost to build, and the share of it the lifetime uses (in
    /// `tcoUSD` and `ownedGPUHourUSD`).
    public var facilityCapexUSD = 0.0
    public var facilityShareUSD = 0.0
    /// Energy per year at the load factor and PUE, MWh; CO₂ in tonnes where every site gives its intensity.
    public var energyPerYearMWh = 0.0
    public var co2PerYearTonnes: Double?
    /// Networking (switches and transceivers) as a fraction of GPU-server capex. For comparison, Fire-Flyer
    /// (arXiv:2408.14158) Table III: 4,000/19,000 = 21 % for a DGX-A100 three-layer fat-tree, 3 % for its own.
    public var networkShareOfGPUCapex: Double?
    /// Capex by kind: servers, switches, transceivers, storage.
    public var capexBreakdownUSD: [(String, Double)] = []
    /// The TCO by part: capex, interest, the facilities' share, opex over the lifetime; they add up to `tcoUSD`.
    public var tcoBreakdownUSD: [(String, Double)] = []
    /// What the TCO and the GPU-hour prices include beyond capex and opex: `facility`, `financing`.
    public var costIncludes: [String] = []
    /// $ per used GPU-hour of the owned, colocation and cloud sites, each by the same formula (nil without
    /// GPUs of that kind), so they compare side by side.
    public var gpuHourByOwnershipUSD: [(String, Double?)] = []
    /// Catalog servers and switches whose power is an estimate and that the power figures rest on.
    public var estimatedPower: [String] = []
  }

  public struct Site: Sendable {
    public var name: String
    public var ownership: String
    public var jurisdiction: String
    /// nil for a cloud site, whose power is the provider's. IT power at maximum is servers + storage +
    /// network; the average draw is at the load factors.
    public var itPowerKW: Double?
    public var serversKW: Double?
    public var storageKW: Double?
    public var networkKW: Double?
    public var averageITPowerKW: Double?
    public var facilityPowerKW: Double?
    /// Colocation: facility power ÷ the contracted `power.capacity`.
    public var contractUtilization: Double?
    public var capacityKW: Double?
    public var headroom: Double?
    public var monthlyOpexUSD: Double
    /// Capex bought for the site (the sites' add up to the capex total), its GPUs, and what its used
    /// GPU-hour costs (CostModel.gpuHourPrice(of:)).
    public var capexUSD: Double
    public var gpus: Int
    public var gpuHourUSD: Double?
  }

  /// One Storage: what it holds and delivers, what reaches it, its power and its price.
  public struct Storage: Sendable {
    public var name: String
    public var site: String
    public var storageClass: String
    public var system: String?
    public var fabric: String?
    public var capacityTB: Double
    public var readGBps: Double
    public var writeGBps: Double?
    /// GPUs of the clusters that list it, and its read bandwidth over them.
    public var gpusServed: Int
    public var readPerGPUGBps: Double?
    /// Declared nodes, their ports, and the bandwidth those ports carry (GB/s); nil without `nodes`.
    public var nodes: Int?
    public var ports: Int?
    public var portBandwidthGBps: Double?
    /// Declared draw, and its average at the storage load factor.
    public var powerKW: Double
    public var averagePowerKW: Double
    /// `price` (0 without one) and `monthlyPrice` per month (0 without one).
    public var capexUSD: Double
    public var monthlyOpexUSD: Double
  }

  public struct Cluster: Sendable {
    public var name: String
    public var site: String
    public var gpus: Int
    public var gpuModels: [String]
    public var schedulableGpus: Int
    public var queueableGpus: Int
    /// The accounting of each GPU type (one Kueue ResourceFlavor each), sorted by GPU name.
    public var gpuTypes: [GPUType]
    /// Peak PFLOPS by precision; `nil` where the GPUs lack the precision (FP8 on an A100).
    public var peakPFLOPS: [String: Double?]
    public var hbmTB: Double
  }

  /// One GPU type of a cluster: what is installed, held back, needed by serving at its maximum, left
  /// for training (the ClusterQueues' quota of that flavor).
  public struct GPUType: Sendable {
    public var gpu: String
    public var installed: Int
    public var reserved: Int
    public var schedulable: Int
    public var servingMaximum: Int
    public var queueable: Int
  }

  public struct Fabric: Sendable {
    public var name: String
    public var topology: String
    public var tiers: Int?
    public var planes: Int?
    /// NIC ports attached, storage nodes' included; `storagePorts` of them are storage nodes' ports, on
    /// `storageLeaves` leaves of their own.
    public var endpoints: Int
    public var storagePorts: Int
    public var storageLeaves: Int?
    public var switches: Int?
    public var switchesByTier: [String: Int]
    public var switchLinks: Int?
    /// Cables for the switch-to-switch links (`linksPerCable` links per cable between two switches).
    public var switchCables: Int?
    public var endpointLinks: Int?
    /// Links of backup hosts (`spare` rack groups) to the leaves' spare ports.
    public var spareLinks: Int?
    public var transceivers: Int
    /// One-way bisection bandwidth in Gb/s: half the endpoints at the link speed, divided by the
    /// oversubscription.
    public var bisectionBandwidthGbps: Double?
    public var costPerEndpointUSD: Double?
    public var hops: Int?
    /// A three-tier fabric's pods (nil without `pod`).
    public var pods: Int?
    /// Each tier's switch model, count and ports per switch toward endpoints (or the tier below) and up.
    public var tierDetails: [TierDetail] = []
  }

  /// One switch tier of a fabric: a dragonfly's routers are its `router` tier (down: hosts; up: local and
  /// global links); a leaf's down ports are its endpoint ports, a spine's and a core's its links below.
  public struct TierDetail: Sendable {
    public var tier: String
    public var switchModel: String
    public var switches: Int
    /// Ports in use on the fullest switch of the tier.
    public var portsDown: Int
    public var portsUp: Int
    /// Cables for this tier's uplinks.
    public var cablesUp: Int
  }

  public struct Serving: Sendable {
    public var region: String
    public var name: String
    /// `combined`, or the `prefill` or `decode` pool of a disaggregated entry. A prefill pool's token
    /// figures (per replica, capacity, demand, $ per million) count input tokens.
    public var role: String
    /// `name`, with ` (prefill)` or ` (decode)` for a pool of a disaggregated entry.
    public var label: String { role == "combined" ? name : "\(name) (\(role))" }
    public var model: String
    public var gpusPerReplica: Int
    public var replicasMax: Int
    public var batch: Int?
    public var tokensPerSecondPerReplica: Double?
    public var capacityTokensPerSecond: Double?
    public var demandTokensPerSecond: Double
    /// capacity / demand − 1, as a fraction.
    public var headroom: Double?
    public var tpotSeconds: Double?
    public var ttftEstimateSeconds: Double?
    /// $ per million output tokens at capacity: the replica's GPU-hours (rented or owned) over its tokens.
    public var usdPerMillionTokens: Double?
    /// TTFT at the peak demand spread over `replicas.max` (M/M/1 on the prefills); nil when saturated.
    public var ttftAtPeakSeconds: Double?
    /// Input tokens per second a replica prefills at its capacity.
    public var inputTokensPerSecondPerReplica: Double?
    /// Share of the GPUs' time spent prefilling at the planned batch.
    public var prefillShare: Double?
    /// The link of tensor- and expert-parallel traffic: nvlink, network, pcie or none.
    public var link: String?
    /// The replica's cost split by time: prefill to input tokens, the rest to output tokens.
    public var usdPerMillionInputTokens: Double?
    public var usdPerMillionOutputTokens: Double?
    /// At the peak spread over `replicas.max`: sequences in flight, TPOT and the tokens/s served.
    public var batchAtPeak: Int?
    public var tpotAtPeakSeconds: Double?
    public var servedTokensPerSecondPerReplica: Double?
    /// `demand.burst` worked through by one replica (its share of the requests): nil without a burst.
    public var burst: BurstDrain?
  }

  /// A region's front door: the Gateway class and routing the backend compiles, and the requests per
  /// second it carries at peak (each entry's peak output tokens/s ÷ its `averageOutput`).
  public struct Region: Sendable {
    public var name: String
    public var gatewayClass: String?
    public var routing: String
    public var match: String
    public var requestsPerSecondAtPeak: Double
  }

  public struct Training: Sendable {
    public var name: String
    public var flops: Double
    public var gpuHours: Double?
    public var days: Double?
    public var costUSD: Double?
    /// The $/GPU-hour the cost uses: the run's gpuHourPrice, else the owned rate.
    public var gpuHourUSD: Double?
    /// Checkpoint size (parameters × checkpoint bytes per parameter) and its write time at the
    /// checkpoint storage's write bandwidth (its read bandwidth when none is given).
    public var checkpointBytes: Double?
    public var checkpointWriteSeconds: Double?
    /// Failures and goodput (docs/models.md §7.1): mean seconds between interruptions, Daly's optimal
    /// interval, the useful share of wall-clock time, expected interruptions, and days and cost with
    /// the time lost to checkpoints, interruptions and restarts.
    public var meanTimeBetweenInterruptionsSeconds: Double?
    public var optimalCheckpointIntervalSeconds: Double?
    public var goodput: Double?
    public var interruptions: Double?
    public var daysWithFailures: Double?
    public var costWithFailuresUSD: Double?
  }

  public var totals = Totals()
  public var sites: [Site] = []
  public var clusters: [Cluster] = []
  public var fabrics: [Fabric] = []
  public var storage: [Storage] = []
  public var training: [Training] = []
  public var serving: [Serving] = []
  public var regions: [Region] = []
  public var errors = 0
  public var warnings = 0
  /// Catalog entries with estimated prices that the money totals rest on.
  public var estimatedItems: [String] = []

  /// Assembled from the analysis' figures (Analysis.report); it computes no model of its own.
  init(_ ir: IRProject, analysis: Analysis, diagnostics: [Diagnostic]) {
    let costs = analysis.costs
    let ownedRate = costs.ownedGPUHourPrice(ir)
    let lifetime = ir.project.lifetime.value
    let loads = costs.itLoads
    for site in ir.sites {
      let load = loads[site.name] ?? ITLoad()
      let cloud = site.ownership.value == .cloud
      let facility = cloud ? 0 : load.total * site.pue.value
      let capacity = site.powerCapacity?.value
      sites.append(
        Site(
          name: site.name, ownership: site.ownership.value.rawValue, jurisdiction: site.jurisdiction.value,
          itPowerKW: cloud ? nil : load.total / 1_000, serversKW: cloud ? nil : load.servers / 1_000,
          storageKW: cloud ? nil : load.storage / 1_000, networkKW: cloud ? nil : load.network / 1_000,
          averageITPowerKW: cloud ? nil : load.average / 1_000,
          facilityPowerKW: cloud ? nil : facility / 1_000,
          contractUtilization: site.ownership.value == .colocation
            ? capacity.flatMap { $0 > 0 ? facility / $0 : nil } : nil,
          capacityKW: capacity.map { $0 / 1_000 },
          headroom: capacity.flatMap { $0 > 0 ? ($0 - facility) / $0 : nil },
          monthlyOpexUSD: costs.monthlyOpexBySite[site.name] ?? 0, capexUSD: costs.capexBySite[site.name] ?? 0,
          gpus: ir.gpus(atSite: site.name),
          gpuHourUSD: costs.gpuHourPrice(of: site, ir)))
      guard !cloud else { continue }
      totals.itPowerKW += load.total / 1_000
      totals.averageITPowerKW += load.average / 1_000
      totals.facilityPowerKW += facility / 1_000
    }
    for cluster in ir.clusters {
      totals.gpus += cluster.gpus
      totals.servers += cluster.servers
      totals.racks += cluster.racks
      let gpus = cluster.rackGroups.compactMap { group in group.server.gpu.map { (group.gpus, $0) } }
      var peaks: [String: Double?] = [:]
      for precision in ["bf16", "fp8"] {
        let lacks = gpus.contains { $0.1.compute[precision] == nil }
        peaks[precision] =
          lacks ? .some(nil) : gpus.reduce(0) { $0 + Double($1.0) * ($1.1.compute[precision] ?? 0) } / 1e15
      }
      clusters.append(
        Cluster(
          name: cluster.name, site: cluster.spec.site.name.value, gpus: cluster.gpus,
          gpuModels: Array(Set(gpus.map(\.1.name))).sorted(), schedulableGpus: cluster.schedulableGPUs,
          queueableGpus: cluster.queueableGPUs,
          gpuTypes: cluster.pools.map {
            GPUType(
              gpu: $0.gpu, installed: $0.installed, reserved: $0.reserved, schedulable: $0.schedulable,
              servingMaximum: $0.servingMaximum, queueable: $0.queueable)
          },
          peakPFLOPS: peaks,
          hbmTB: gpus.reduce(0) { $0 + Double($1.0) * $1.1.memory } / 1e12))
    }
    for fabric in ir.fabrics {
      let size = fabric.sizeValue
      // The tiers' counts, with `leaf` present (as 0) in a sized fabric without switches.
      let tierDetails = size.map { Self.tierDetails(fabric, $0) } ?? []
      var byTier = Dictionary(tierDetails.map { ($0.tier, $0.switches) }, uniquingKeysWith: +)
      if size != nil, byTier.isEmpty { byTier["leaf"] = 0 }
      let endpoints = fabric.request.map { $0.endpoints + $0.storageEndpoints } ?? 0
      let linkGbps = (fabric.nicSpeed ?? 0) * 8 / 1e9
      let switchCost = size == nil ? nil : fabric.switchPrice
      let opticsCost = fabric.transceiver?.price.map { Double(fabric.transceiverModules) * $0 } ?? 0
      fabrics.append(
        Fabric(
          name: fabric.spec.name, topology: fabric.spec.topology.value.rawValue, tiers: size?.tiers,
          planes: size?.planes,
          endpoints: endpoints, storagePorts: fabric.request?.storageEndpoints ?? 0, storageLeaves: size?.storageLeaves,
          switches: size?.switches, switchesByTier: byTier, switchLinks: size?.switchLinks,
          switchCables: size.map { _ in fabric.switchCables }, endpointLinks: size?.endpointLinks,
          spareLinks: size?.spareLinks,
          transceivers: fabric.transceiverModules,
          // One switch has no uplinks to oversubscribe.
          // A dragonfly's bisection rests on its global links, which this formula does not see.
          // Traffic between pods or cores crosses the spines' taper too.
          bisectionBandwidthGbps: size.flatMap { $0.groups > 0 ? nil : $0 }.map { size in
            Double(endpoints) / 2 * linkGbps / (size.tiers > 1 ? max(1, fabric.spec.oversubscription.value) : 1)
              / (size.tiers > 2 ? max(1, fabric.spec.spineOversubscription.value) : 1)
          },
          costPerEndpointUSD: switchCost.flatMap { endpoints > 0 ? ($0 + opticsCost) / Double(endpoints) : nil },
          hops: size?.hops, pods: size.flatMap { $0.pods > 0 ? $0.pods : nil },
          tierDetails: tierDetails))
    }
    // A Storage's average draw is its site load's contributor (none without power).
    let storageAverage = Dictionary(
      analysis.siteLoads.values.flatMap { $0.contributors.filter { $0.kind == .storage } }.map {
        ($0.name, $0.averageWatts)
      }, uniquingKeysWith: +)
    for spec in ir.storage {
      let readers = ir.clusters.filter { cluster in cluster.spec.storage.contains { $0.name.value == spec.name } }
      let gpus = readers.reduce(0) { $0 + $1.gpus }
      let ports = spec.nodeCount.map { $0.value * (spec.nodeNICs?.value ?? 0) }
      storage.append(
        Storage(
          name: spec.name, site: spec.site.name.value, storageClass: spec.storageClass.value.rawValue,
          system: spec.system?.value, fabric: spec.fabric?.name.value, capacityTB: spec.capacity.value / 1e12,
          readGBps: spec.readBandwidth.value / 1e9, writeGBps: spec.writeBandwidth.map { $0.value / 1e9 },
          gpusServed: gpus, readPerGPUGBps: gpus > 0 ? spec.readBandwidth.value / 1e9 / Double(gpus) : nil,
          nodes: spec.nodeCount?.value, ports: ports,
          portBandwidthGBps: ports.map { Double($0) * (spec.nodeNICSpeed?.value ?? 0) / 1e9 },
          powerKW: spec.power.value / 1_000, averagePowerKW: (storageAverage["Storage/\(spec.name)"] ?? 0) / 1_000,
          capexUSD: spec.price?.value ?? 0, monthlyOpexUSD: costs.monthlyOpexByStorage[spec.name] ?? 0))
    }
    for (index, entry) in ir.serving.enumerated() {
      let model = analysis.servingModels[index]
      let perReplica = model.map(\.tokensPerSecond)
      let capacity = model?.capacity
      let demand = model?.demand ?? entry.entry.peakDemand.value
      let peak = model?.peak
      let atPeak = peak?.figures
      serving.append(
        Serving(
          region: entry.region.name, name: entry.entry.name.value, role: entry.role.rawValue,
          model: entry.entry.model.name.value,
          gpusPerReplica: entry.gpusPerReplica, replicasMax: entry.entry.maxReplicas.value, batch: model?.batch,
          tokensPerSecondPerReplica: perReplica, capacityTokensPerSecond: capacity, demandTokensPerSecond: demand,
          headroom: capacity.flatMap { demand > 0 ? $0 / demand - 1 : nil },
          tpotSeconds: entry.role == .prefill ? nil : model?.tpot,
          ttftEstimateSeconds: model.flatMap { model in
            model.ttftEstimate.flatMap { model.averageInput > 0 && $0.isFinite ? $0 : nil }
          },
          usdPerMillionTokens: Self.perMillionTokens(entry, perReplica: perReplica, ownedRate: ownedRate),
          ttftAtPeakSeconds: peak?.ttft,
          inputTokensPerSecondPerReplica: model.map(\.inputTokensPerSecond), prefillShare: model?.prefillShare,
          link: model?.link,
          usdPerMillionInputTokens: Self.perMillionTokens(
            entry,
            perReplica: model.flatMap { model in
              model.prefillShare.flatMap { $0 > 0 ? model.inputTokensPerSecond / $0 : nil }
            }, ownedRate: ownedRate),
          usdPerMillionOutputTokens: Self.perMillionTokens(
            entry,
            perReplica: model.flatMap { model in
              model.prefillShare.flatMap { $0 < 1 ? model.tokensPerSecond / (1 - $0) : nil }
            }, ownedRate: ownedRate),
          batchAtPeak: atPeak?.batch, tpotAtPeakSeconds: atPeak?.tpot,
          servedTokensPerSecondPerReplica: atPeak?.servedTokensPerSecond,
          burst: entry.entry.burst.flatMap { burst in
            model?.burst(
              requests: (burst.value + entry.entry.maxReplicas.value - 1) / max(1, entry.entry.maxReplicas.value))
          }))
    }
    var requests: [String: Double] = [:]
    var specs: [String: RegionSpec] = [:]
    for (index, entry) in ir.serving.enumerated() where entry.role != .prefill {
      let demand = analysis.servingModels[index]?.demand ?? entry.entry.peakDemand.value
      requests[entry.region.name, default: 0] += demand / Double(max(1, entry.entry.averageOutput.value))
      specs[entry.region.name] = entry.region
    }
    regions = specs.keys.sorted().compactMap { name in
      specs[name].map { region in
        Region(
          name: name,
          gatewayClass: region.resolvedGatewayClass,
          routing: region.routing.value.rawValue, match: region.routeMatch.value.rawValue,
          requestsPerSecondAtPeak: requests[name] ?? 0)
      }
    }
    for (index, run) in ir.trainingRuns.enumerated() {
      let rate = run.spec.gpuHourPrice?.value ?? ownedRate
      let figures = analysis.trainingGoodput[index]
      let stretch = figures.flatMap { figures in figures.goodput > 0 ? 1 / figures.goodput : nil }
      let cost = rate.flatMap { rate in run.gpuHours.map { $0 * rate } }
      training.append(
        Training(
          name: run.spec.name, flops: run.flops, gpuHours: run.gpuHours, days: run.days, costUSD: cost,
          gpuHourUSD: rate, checkpointBytes: figures?.checkpointBytes,
          checkpointWriteSeconds: figures?.checkpointSeconds,
          meanTimeBetweenInterruptionsSeconds: figures.flatMap {
            $0.meanTimeBetweenInterruptions.isFinite ? $0.meanTimeBetweenInterruptions : nil
          },
          optimalCheckpointIntervalSeconds: figures.flatMap { $0.optimalInterval.isFinite ? $0.optimalInterval : nil },
          goodput: figures?.goodput, interruptions: figures?.interruptions,
          daysWithFailures: figures?.wallSeconds.map { $0 / 86_400 },
          costWithFailuresUSD: stretch.flatMap { stretch in cost.map { $0 * stretch } }))
    }
    totals.capexUSD = costs.capex.total
    totals.capexBreakdownUSD = [
      ("servers", costs.capex.servers), ("switches", costs.capex.switches), ("transceivers", costs.capex.transceivers),
      ("storage", costs.capex.storage),
    ]
    totals.monthlyOpexUSD = costs.monthlyOpex
    totals.tcoUSD = costs.tco(lifetimeSeconds: lifetime)
    let interest = costs.interest(lifetimeSeconds: lifetime)
    let facilityShare = costs.facilityShare(lifetimeSeconds: lifetime)
    totals.tcoBreakdownUSD = [
      ("capex", costs.capex.total), ("interest", interest ?? 0), ("facility", facilityShare),
      ("opex", costs.monthlyOpex * lifetime / CostModel.secondsPerMonth),
    ]
    if facilityShare > 0 { totals.costIncludes.append("facility") }
    if interest != nil { totals.costIncludes.append("financing") }
    totals.gpuHourByOwnershipUSD = [SiteSpec.Ownership.owned, .colocation, .cloud].map {
      ($0.rawValue, costs.gpuHourPrice(of: $0, ir))
    }
    totals.estimatedPower = costs.estimatedPowerItems.sorted()
    estimatedItems = costs.capex.estimatedItems.sorted()
    totals.ownedGPUHourUSD = ownedRate
    totals.financingRate = costs.financingRate
    totals.interestUSD = interest
    totals.facilityCapexUSD = costs.facilityCapex
    totals.facilityShareUSD = facilityShare
    totals.networkShareOfGPUCapex =
      costs.capex.servers > 0 ? (costs.capex.switches + costs.capex.transceivers) / costs.capex.servers : nil
    let energy = costs.energyPerYear
    totals.energyPerYearMWh = energy.kWh / 1_000
    totals.co2PerYearTonnes = energy.co2Kg.map { $0 / 1_000 }
    errors = diagnostics.count { $0.severity == .error }
    warnings = diagnostics.count { $0.severity == .warning }
  }

  /// A replica's hourly GPU cost (the cloud site's rate, else the owned rate) over its tokens per hour.
  static func perMillionTokens(_ entry: IRServing, perReplica: Double?, ownedRate: Double?) -> Double? {
    guard let perReplica, perReplica > 0 else { return nil }
    let rate = entry.site?.ownership.value == .cloud ? entry.site?.gpuHourPrice?.value : ownedRate
    guard let rate else { return nil }
    return Double(entry.gpusPerReplica) * rate / (perReplica * 3_600) * 1e6
  }
}

extension ProjectReport {
  /// Per tier: model, switches and the fullest switch's ports down and up, as the sizing counts them.
  static func tierDetails(_ fabric: IRFabric, _ size: FabricSize) -> [TierDetail] {
    if size.groups > 0, let shape = fabric.request?.dragonfly {
      return [
        TierDetail(
          tier: "router", switchModel: fabric.switchModel?.name ?? "", switches: size.leaves,
          portsDown: shape.hostsPerRouter, portsUp: shape.routersPerGroup - 1 + shape.globalLinksPerRouter,
          cablesUp: fabric.uplinkCables(.leaf))
      ]
    }
    var details: [TierDetail] = []
    for (tier, model, count) in fabric.switchTiers {
      let (down, up): (Int, Int)
      switch tier {
      case .leaf: (down, up) = (size.leafDown, size.leafUp)
      case .spine: (down, up) = (size.spineDown, size.spineUp)
      case .core: (down, up) = ((size.spines * size.spineUp + count - 1) / count, 0)
      }
      details.append(
        TierDetail(
          tier: tier.rawValue, switchModel: model.name, switches: count,
          portsDown: down, portsUp: up, cablesUp: fabric.uplinkCables(tier)))
    }
    return details
  }
}
