import KilnDiagnostics
import KilnSpec
import KilnSupport

/// A rack group with its catalog server resolved and its limits decided.
public struct IRRackGroup: Sendable {
  public var name: String
  public var racks: Int
  public var serversPerRack: Int
  public var server: ServerModel
  /// W per rack, and where the limit comes from (the group's field, the site's, or the site's cooling).
  public var powerLimit: Located<Double>
  public var nodeLabel: NodeLabel?
  public var spec: ClusterSpec.RackGroup

  public var servers: Int { saturatingMultiply(racks, serversPerRack) }
  public var gpus: Int { saturatingMultiply(servers, server.gpuCount) }
  /// Maximum power of one server, W: the catalog's, or the rack group's `powerCap` when that is lower.
  public var serverPower: Double { min(server.power, spec.powerCap?.value ?? .infinity) }
  /// Maximum power of one rack, W.
  public var rackPower: Double { Double(serversPerRack) * serverPower }
  public var rackUnitsUsed: Int { serversPerRack * server.rackUnits }
  /// Backup hosts: on spare leaf ports, not endpoints, not schedulable.
  public var isSpare: Bool { spec.spare.value }
}

/// The GPUs of one type in a cluster — one Kueue ResourceFlavor: installed, held back as spares, needed
/// by serving at its maximum replicas, and what is left for training. Serving entries and
/// training runs use GPUs of their own type only, so every figure that schedules work is per pool.
public struct IRGPUPool: Sendable {
  /// The catalog GPU (`H100-SXM5-80GB`).
  public var gpu: String
  /// The rack groups that hold these GPUs, in spec order.
  public var rackGroups: [String]
  public var installed: Int
  /// Spares: the cluster's `reserve`, rounded up to whole servers per rack group.
  public var reserved: Int
  /// GPUs of the serving entries placed on this pool at their maximum replicas.
  public var servingMaximum = 0

  public var schedulable: Int { installed - reserved }
  /// What training may queue for: schedulable less serving at its maximum, never below 0.
  public var queueable: Int { max(0, schedulable - servingMaximum) }
}

/// A cluster with its GPU accounting (docs/language.md §4.4).
public struct IRCluster: Sendable {
  public var id: String
  public var spec: ClusterSpec
  public var site: SiteSpec?
  public var rackGroups: [IRRackGroup]
  /// One pool per GPU type, sorted by GPU name.
  public var pools: [IRGPUPool]

  public var name: String { spec.name }
  public var gpus: Int { rackGroups.reduce(0) { saturatingAdd($0, $1.gpus) } }
  public var servers: Int { rackGroups.reduce(0) { saturatingAdd($0, $1.servers) } }
  public var racks: Int { rackGroups.reduce(0) { saturatingAdd($0, $1.racks) } }
  /// GPUs held back as spares, rounded up to whole servers per rack group.
  public var reservedGPUs: Int { pools.reduce(0) { saturatingAdd($0, $1.reserved) } }
  /// GPUs of the cluster's serving entries at their maximum replicas.
  public var servingGPUs: Int { pools.reduce(0) { saturatingAdd($0, $1.servingMaximum) } }
  public var schedulableGPUs: Int { gpus - reservedGPUs }
  /// The sum of the pools' queueable GPUs: serving on one GPU type frees nothing on another.
  public var queueableGPUs: Int { pools.reduce(0) { saturatingAdd($0, $1.queueable) } }
  /// Maximum IT power, W (power caps applied).
  public var itPower: Double { rackGroups.reduce(0) { $0 + Double($1.servers) * $1.serverPower } }

  /// The pool of a GPU type.
  public func pool(_ gpu: String?) -> IRGPUPool? { pools.first { $0.gpu == gpu } }

  /// Each queue's nominal quota in one pool: floor(share × queueable); what rounding leaves goes to the
  /// first queue.
  public func queueQuotas(in pool: IRGPUPool) -> [(name: String, gpus: Int)] {
    let queueable = Double(pool.queueable)
    var quotas = spec.queues.map {
      (name: $0.name.value, gpus: Int(saturating: (queueable * $0.share.value + 1e-9).rounded(.down)))
    }
    let assigned = quotas.reduce(0) { $0 + $1.gpus }
    let total = Int(saturating: (queueable * spec.queues.reduce(0) { $0 + $1.share.value } + 1e-9).rounded(.down))
    if !quotas.isEmpty, total > assigned { quotas[0].gpus += total - assigned }
    return quotas
  }

  /// Each queue's nominal quota over every pool.
  public var queueQuotas: [(name: String, gpus: Int)] {
    var quotas = spec.queues.map { (name: $0.name.value, gpus: 0) }
    for pool in pools {
      for (index, quota) in queueQuotas(in: pool).enumerated() { quotas[index].gpus += quota.gpus }
    }
    return quotas
  }
}

/// A fabric with what attaches to it and its sizing.
public struct IRFabric: Sendable {
  public var id: String
  public var spec: FabricSpec
  /// The leaves' switch, and the spines' and cores' when those differ (nil: the leaves').
  public var switchModel: SwitchModel?
  public var spineSwitch: SwitchModel?
  public var coreSwitch: SwitchModel?
  public var transceiver: TransceiverModel?
  /// Clusters and Storage objects attached, by id.
  public var attached: [String]
  /// The attached clusters' positions in `IRProject.clusters`, in id order.
  public var attachedClusters: [Int]
  /// The site of what attaches to it (a fabric connects one site, K3007).
  public var site: String?
  public var request: FabricRequest?
  public var size: Result<FabricSize, FabricSizingError>?
  /// The NIC speed of the attached servers, bytes/s (the fastest, for the port-speed check).
  public var nicSpeed: Double?
  /// Whether NICs run at the switch's breakout speed (so the breakout radix is used).
  public var usesBreakout: Bool

  public var sizeValue: FabricSize? {
    if case .success(let size) = size { return size }
    return nil
  }

  /// The switch model of each tier: leaf, spine, core.
  public func switchModel(of tier: FabricTier) -> SwitchModel? {
    switch tier {
    case .leaf: switchModel
    case .spine: spineSwitch ?? switchModel
    case .core: coreSwitch ?? spineSwitch ?? switchModel
    }
  }

  /// The tiers that have switches, in order (leaf, spine, core), each with its model and switch count (all
  /// planes): what the report's tiers, the bill of materials and the rack positions read.
  public var switchTiers: [(tier: FabricTier, model: SwitchModel, count: Int)] {
    guard let size = sizeValue else { return [] }
    return FabricTier.allCases.compactMap { tier in
      guard let model = switchModel(of: tier), size.switches(in: tier) > 0 else { return nil }
      return (tier, model, size.switches(in: tier))
    }
  }

  /// Switches per model, tiers of one model merged: what power and cost count.
  public var switchesByModel: [(model: SwitchModel, count: Int)] {
    var result: [(model: SwitchModel, count: Int)] = []
    for (_, model, count) in switchTiers {
      if let index = result.firstIndex(where: { $0.model.name == model.name }) {
        result[index].count = saturatingAdd(result[index].count, count)
      } else {
        result.append((model, count))
      }
    }
    return result
  }

  /// The switches' maximum power, W, each tier at its model's; nil when no tier's model states a power.
  public var switchPower: Double? {
    let models = switchesByModel
    guard models.contains(where: { $0.model.power != nil }) else { return nil }
    return models.reduce(0) { $0 + Double($1.count) * ($1.model.power ?? 0) }
  }

  /// What the switches cost, each tier at its model's price; nil when a tier's model (or the leaves') has none.
  public var switchPrice: Double? {
    guard switchModel?.price != nil, !switchesByModel.contains(where: { $0.model.price == nil }) else { return nil }
    return switchesByModel.reduce(0) { $0 + Double($1.count) * ($1.model.price ?? 0) }
  }

  /// Cables for one tier's uplinks, and for all switch-to-switch links (`linksPerCable` links per cable).
  public func uplinkCables(_ tier: FabricTier) -> Int {
    guard let size = sizeValue else { return 0 }
    return FabricSizing.uplinkCables(size, tier: tier, linksPerCable: spec.linksPerCable.value)
  }
  public var switchCables: Int { FabricTier.allCases.reduce(0) { saturatingAdd($0, uplinkCables($1)) } }

  public var transceiverModules: Int {
    guard let size = sizeValue, let transceiver else { return 0 }
    return FabricSizing.transceivers(size, portsPerModule: max(1, transceiver.ports))
  }
}

/// A serving entry resolved against its model and cluster.
/// What a serving entry's replicas do: both phases, or one pool of a disaggregated entry.
public enum ServingRole: String, Sendable {
  case combined
  /// The `prefill` pool of a disaggregated entry: it prefills every request, sized against the input tokens.
  case prefill
  /// The entry's own replicas when it has a prefill pool: they only decode.
  case decode
}

public struct IRServing: Sendable {
  public var id: String
  public var role: ServingRole = .combined
  public var region: RegionSpec
  public var entry: RegionSpec.Serving
  public var model: ModelSpec?
  /// The serving cluster's id and site (not the cluster itself: tens of thousands of entries would
  /// each carry a copy).
  public var clusterID: String?
  public var site: SiteSpec?
  /// The servers one replica spans, with the rack group that serves it.
  public var serversPerReplica: Int
  public var server: ServerModel?

  public var gpusPerReplica: Int { entry.gpusPerReplica }
  /// The entry's name with its pool when disaggregated: `v3-chat`, `v3-chat (prefill)`, `v3-chat (decode)`.
  public var label: String { role == .combined ? entry.name.value : "\(entry.name.value) (\(role.rawValue))" }
  /// `engineArgs.maxModelLen`, else the model's `contextLength` (`RegionSpec.Serving.maxModelLen(serving:)`).
  public var maxModelLen: Int { entry.maxModelLen(serving: model) }
  public var maxGPUs: Int { saturatingMultiply(gpusPerReplica, entry.maxReplicas.value) }
  /// The GPU type its replicas run on (its rack group's, else the cluster's first GPU group's).
  public var gpu: String? { server?.gpu?.name }
}

/// A training run resolved against its model and cluster, with its arithmetic.
public struct IRTrainingRun: Sendable {
  public var id: String
  public var spec: TrainingRunSpec
  public var model: ModelSpec?
  public var cluster: IRCluster?
  public var gpu: GPUModel?

  /// `queue`, else the cluster's first queue (the field's rule, applied here once).
  public var queue: String {
    spec.queue?.value ?? cluster?.spec.queues.first?.name.value ?? ClusterSpec.defaultQueueName
  }

  /// Training FLOPs = 6 × active parameters × tokens (docs/language.md §4.9).
  public var flops: Double { 6 * (model?.activeParameters.value ?? 0) * spec.tokens.value }
  /// Peak FLOPS per GPU at the run's precision, if the GPU has one.
  public var peakPerGPU: Double? { gpu?.compute[spec.precision.value.rawValue] }
  /// Wall-clock seconds = FLOPs / (GPUs × peak × MFU).
  public var seconds: Double? {
    guard let peak = peakPerGPU, spec.gpus.value > 0, spec.mfu.value > 0 else { return nil }
    return flops / (Double(spec.gpus.value) * peak * spec.mfu.value)
  }
  public var days: Double? { seconds.map { $0 / 86_400 } }
  public var gpuHours: Double? { seconds.map { $0 / 3_600 * Double(spec.gpus.value) } }
}

/// The resolved, expanded project: what the analyzer checks and the backends emit.
public struct IRProject: Sendable {
  /// The Project's settings, every default applied.
  public var project: ProjectSpec
  public var sites: [SiteSpec]
  public var clusters: [IRCluster]
  public var fabrics: [IRFabric]
  public var storage: [StorageSpec]
  public var models: [ModelSpec]
  public var serving: [IRServing]
  public var trainingRuns: [IRTrainingRun]
  public var policy: PolicySpec?
  public var catalog: TypedCatalog

  /// GPUs installed at a site: its clusters' GPUs.
  public func gpus(atSite site: String) -> Int {
    clusters.reduce(0) { saturatingAdd($0, $1.site?.name == site ? $1.gpus : 0) }
  }
}
