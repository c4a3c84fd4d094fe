import KilnDiagnostics
import KilnSpec
import KilnSupport

/// Builds the IR from a linted project (K1–K3 clean): resolves references and catalog entries,
/// decides defaults that depend on other objects (rack power limits from the site), counts GPUs,
/// and sizes fabrics.
public enum IRBuilder {
  public static func build(_ project: Project) -> IRProject { build(project.typed) }

  /// Every reference was linked when the project was typed; the IR follows the links.
  public static func build(_ typed: TypedProject) -> IRProject {
    let catalog = typed.catalog

    // Clusters, before serving is known.
    var clusters: [IRCluster] = typed.clusters.map { spec in
      let clusterSite = typed[spec.site]
      let groups = spec.rackGroups.compactMap { group -> IRRackGroup? in
        guard let server = catalog[group.server] else { return nil }
        // A group without its own limit takes the site's (which the site's cooling may have chosen).
        let limit =
          group.powerLimit ?? clusterSite?.rackPowerLimit
          ?? SiteSpec.defaults.rackPowerLimit
        return IRRackGroup(
          name: group.name.value, racks: group.count.value, serversPerRack: group.perRack.value, server: server,
          powerLimit: limit, nodeLabel: group.nodeLabel ?? server.gpu?.nodeLabel, spec: group)
      }
      return IRCluster(
        id: "Cluster/\(spec.name)", spec: spec, site: clusterSite, rackGroups: groups,
        pools: pools(groups, reserve: spec.reserve.value))
    }

    // Serving entries, then each cluster's serving maximum.
    var serving: [IRServing] = []
    serving.reserveCapacity(typed.regions.reduce(0) { $0 + $1.serving.count })
    for region in typed.regions {
      for entry in region.serving {
        let cluster = entry.cluster.target.map { clusters[$0] }
        let group =
          cluster?.rackGroups.first {
            (entry.rackGroup == nil ? !$0.isSpare : $0.name == entry.rackGroup?.value) && $0.server.gpuCount > 0
          }
          ?? cluster?.rackGroups.first { $0.server.gpuCount > 0 }
        let perServer = max(1, group?.server.gpuCount ?? 1)
        let id = "Region/\(region.name)/serving/\(entry.name.value)"
        func servers(_ gpus: Int) -> Int { gpus / perServer + (gpus % perServer > 0 ? 1 : 0) }
        // A disaggregated entry is two pools: its own replicas decode, the prefill pool's prefill.
        serving.append(
          IRServing(
            id: id, role: entry.prefill == nil ? .combined : .decode, region: region, entry: entry,
            model: typed[entry.model], clusterID: cluster?.id, site: cluster?.site,
            serversPerReplica: servers(entry.gpusPerReplica), server: group?.server))
        if let pool = entry.prefill {
          let prefill = pool.applied(to: entry)
          serving.append(
            IRServing(
              id: id + "/prefill", role: .prefill, region: region, entry: prefill, model: typed[entry.model],
              clusterID: cluster?.id, site: cluster?.site, serversPerReplica: servers(prefill.gpusPerReplica),
              server: group?.server))
        }
      }
    }
    for entry in serving {
      guard let position = entry.entry.cluster.target,
        let pool = clusters[position].pools.firstIndex(where: { $0.gpu == entry.gpu })
      else { continue }
      clusters[position].pools[pool].servingMaximum = saturatingAdd(
        clusters[position].pools[pool].servingMaximum, entry.maxGPUs)
    }

    let fabrics = typed.fabrics.indices.map { buildFabric(at: $0, typed: typed, clusters: clusters) }

    let runs = typed.trainingRuns.map { spec in
      let cluster = spec.cluster.target.map { clusters[$0] }
      return IRTrainingRun(
        id: "TrainingRun/\(spec.name)", spec: spec, model: typed[spec.model], cluster: cluster,
        gpu: cluster?.rackGroups.first { $0.server.gpu != nil }?.server.gpu)
    }

    return IRProject(
      project: typed.project, sites: typed.sites, clusters: clusters, fabrics: fabrics, storage: typed.storage,
      models: typed.models, serving: serving, trainingRuns: runs, policy: typed.policy, catalog: catalog)
  }

  /// One pool per GPU type of a cluster's rack groups; spares are the reserve rounded up to whole servers
  /// per rack group.
  static func pools(_ groups: [IRRackGroup], reserve: Double) -> [IRGPUPool] {
    var pools: [String: IRGPUPool] = [:]
    for group in groups {
      guard let gpu = group.server.gpu?.name, group.server.gpuCount > 0 else { continue }
      // A group of backup hosts is reserved whole.
      let spareServers =
        group.isSpare
        ? group.servers : Int(exactly: (Double(group.servers) * reserve - 1e-9).rounded(.up)) ?? group.servers
      let spares = saturatingMultiply(min(spareServers, group.servers), group.server.gpuCount)
      var pool = pools[gpu] ?? IRGPUPool(gpu: gpu, rackGroups: [], installed: 0, reserved: 0)
      pool.rackGroups.append(group.name)
      pool.installed = saturatingAdd(pool.installed, group.gpus)
      pool.reserved = saturatingAdd(pool.reserved, spares)
      pools[gpu] = pool
    }
    return pools.keys.sorted().compactMap { pools[$0] }
  }

  /// Endpoints are the compute (or storage) NIC ports of every attached server, and the ports of the storage
  /// nodes of the Storage objects on a storage fabric.
  static func buildFabric(at position: Int, typed: TypedProject, clusters: [IRCluster]) -> IRFabric {
    let spec = typed.fabrics[position]
    let role: NICGroup.Role = spec.purpose.value == .storage ? .storage : .compute
    let attachedStorage = typed.storage.filter { $0.fabric?.target == position }
    let attachedPositions = clusters.indices.filter { index in
      role == .compute
        ? clusters[index].spec.fabric?.target == position
        : clusters[index].spec.storage.contains { reference in typed[reference]?.fabric?.target == position }
    }
    let attachedClusters = attachedPositions.map { clusters[$0] }
    // The order the expansion wires them: clusters by id, rack groups, racks.
    let wiredPositions = attachedPositions.sorted { clusters[$0].id < clusters[$1].id }
    // The wired rack groups with endpoints, for a leaf per rack.
    var endpointGroups: [IRRackGroup] = []
    var endpoints = 0
    var nodes = 0
    var portsPerNode = 0
    var nicSpeed: Double?
    var spareEndpoints = 0
    var spareNodes = 0
    for position in wiredPositions {
      for group in clusters[position].rackGroups {
        let ports = group.server.ports(role: role)
        guard ports > 0 else { continue }
        if group.isSpare {
          spareEndpoints = saturatingAdd(spareEndpoints, saturatingMultiply(group.servers, ports))
          spareNodes = saturatingAdd(spareNodes, group.servers)
          continue
        }
        endpointGroups.append(group)
        endpoints += group.servers * ports
        nodes += group.servers
        portsPerNode = max(portsPerNode, ports)
        if let speed = group.server.portSpeed(role: role) { nicSpeed = max(nicSpeed ?? 0, speed) }
      }
    }
    // Storage nodes are endpoints of the fabric their Storage names (a compute fabric is K3004).
    var storageEndpoints = 0
    for storage in attachedStorage where role == .storage {
      guard let count = storage.nodeCount?.value, let nics = storage.nodeNICs?.value, nics > 0 else { continue }
      storageEndpoints = saturatingAdd(storageEndpoints, saturatingMultiply(count, nics))
      if let speed = storage.nodeNICSpeed?.value { nicSpeed = max(nicSpeed ?? 0, speed) }
    }
    let switchModel = typed.catalog[spec.switchModel]
    let spineSwitch = spec.spineSwitch.flatMap { typed.catalog[$0] }
    let coreSwitch = spec.coreSwitch.flatMap { typed.catalog[$0] } ?? spineSwitch
    let transceiver = spec.transceiver.flatMap { typed.catalog[$0] }
    var request: FabricRequest?
    var size: Result<FabricSize, FabricSizingError>?
    var usesBreakout = false
    if let switchModel {
      var radix = switchModel.ports
      if let nicSpeed, let breakoutSpeed = switchModel.breakoutSpeed, let breakoutPorts = switchModel.breakoutPorts,
        abs(nicSpeed - breakoutSpeed) <= breakoutSpeed * 1e-9, nicSpeed < switchModel.speed
      {
        radix = breakoutPorts
        usesBreakout = true
      }
      let topology = FabricTopology(rawValue: spec.topology.value.rawValue) ?? .fatTree
      var built = FabricRequest(
        topology: topology, endpoints: endpoints, nodes: nodes, portsPerNode: max(1, portsPerNode), radix: radix,
        down: spec.oversubscription.value, up: 1, tiers: spec.tiers.value, planes: spec.planes?.value,
        storageEndpoints: storageEndpoints)
      if usesBreakout, spec.breakoutSide.value == .down, let breakoutPorts = switchModel.breakoutPorts,
        switchModel.ports > 0, breakoutPorts % switchModel.ports == 0
      {
        // Uplinks and spines at full speed: the physical ports, broken out on the leaves' down side only.
        built.radix = switchModel.ports
        built.downBreakout = breakoutPorts / switchModel.ports
      }
      built.sparePorts = spec.sparePorts.value
      if spec.leafGroup.value == .rack {
        // Each wired rack as the ports it puts on a leaf: one per server on each rail's leaf, or all of its
        // ports on its ToR.
        built.leafRacks = endpointGroups.flatMap { group in
          Array(
            repeating: topology == .railOptimized
              ? group.serversPerRack : saturatingMultiply(group.serversPerRack, group.server.ports(role: role)),
            count: group.racks)
        }
      }
      built.dualHomed = spec.dualHomed.value
      built.spareEndpoints = spareEndpoints
      built.spareNodes = spareNodes
      built.spineDown = spec.spineOversubscription.value
      built.podEndpoints = spec.podEndpoints?.value
      // Other tiers' switches at the same link speed: their breakout ports when the leaves break out on
      // both sides, else their ports.
      func tierRadix(_ model: SwitchModel?) -> Int? {
        guard let model else { return nil }
        if usesBreakout, spec.breakoutSide.value == .both, let ports = model.breakoutPorts { return ports }
        return model.ports
      }
      built.spineRadix = tierRadix(spineSwitch)
      built.coreRadix = tierRadix(coreSwitch)
      if let a = spec.routersPerGroup?.value, let p = spec.hostsPerRouter?.value,
        let h = spec.globalLinksPerRouter?.value
      {
        built.dragonfly = DragonflyShape(
          routersPerGroup: a, hostsPerRouter: p, globalLinksPerRouter: h, groups: spec.groups?.value)
      }
      request = built
      size = FabricSizing.size(built)
    }
    return IRFabric(
      id: "Fabric/\(spec.name)", spec: spec, switchModel: switchModel, spineSwitch: spineSwitch,
      coreSwitch: coreSwitch, transceiver: transceiver,
      attached: attachedClusters.map(\.id) + attachedStorage.map { "Storage/\($0.name)" },
      attachedClusters: wiredPositions,
      site: attachedClusters.first?.site?.name ?? attachedStorage.first?.site.name.value, request: request, size: size,
      nicSpeed: nicSpeed, usesBreakout: usesBreakout)
  }
}
