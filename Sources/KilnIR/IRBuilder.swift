import KilnDiagnostics
import KilnSpec
import KilnSupport

/// Builds the IR from a linted project (K1–K3 clean): resolves references and catalog entries,
/// decides defaults that depend on other objects (rack power limits from the site), counts GPUs,
/// and sizes fabrics.
public enum IRBuilder {
  public static func build(_ project: Project) -> IRProject {
    let typed = TypedProject(project)
    let catalog = CatalogModels(project.catalog)
    let sites = typed.sites
    func site(_ name: String) -> SiteSpec? { sites.first { $0.name == name } }
    let models = typed.models
    func model(_ name: String) -> ModelSpec? { models.first { $0.name == name } }

    // Clusters, before serving is known.
    var clusters: [IRCluster] = typed.clusters.map { spec in
      let clusterSite = site(spec.site.value)
      let groups = spec.rackGroups.compactMap { group -> IRRackGroup? in
        guard let server = catalog.server(group.serverModel.value) else { return nil }
        let limit =
          group.powerLimit ?? clusterSite?.rackPowerLimit ?? Located(20_000, at: group.name.range, isDefault: true)
        let label = group.nodeLabel ?? server.gpu?.nodeLabel
        return IRRackGroup(
          name: group.name.value, racks: group.count.value, serversPerRack: group.perRack.value, server: server,
          powerLimit: limit, nodeLabel: label, spec: group)
      }
      return IRCluster(
        id: "Cluster/\(spec.name)", spec: spec, site: clusterSite, rackGroups: groups,
        pools: pools(groups, reserve: spec.reserve.value))
    }

    // Serving entries, then each cluster's serving maximum.
    var clusterIndex: [String: Int] = [:]
    for (position, cluster) in clusters.enumerated() { clusterIndex[cluster.name] = position }
    var serving: [IRServing] = []
    serving.reserveCapacity(typed.regions.reduce(0) { $0 + $1.serving.count })
    for region in typed.regions {
      for entry in region.serving {
        let cluster = clusterIndex[entry.cluster.value].map { clusters[$0] }
        let group =
          cluster?.rackGroups.first {
            (entry.rackGroup == nil || $0.name == entry.rackGroup?.value) && $0.server.gpuCount > 0
          }
          ?? cluster?.rackGroups.first { $0.server.gpuCount > 0 }
        let perServer = max(1, group?.server.gpuCount ?? 1)
        serving.append(
          IRServing(
            id: "Region/\(region.name)/serving/\(entry.name.value)", region: region, entry: entry,
            model: model(entry.model.value), clusterID: cluster?.id, site: cluster?.site,
            serversPerReplica: entry.gpusPerReplica / perServer + (entry.gpusPerReplica % perServer > 0 ? 1 : 0),
            server: group?.server))
      }
    }
    for entry in serving {
      guard let position = clusterIndex[entry.entry.cluster.value],
        let pool = clusters[position].pools.firstIndex(where: { $0.gpu == entry.gpu })
      else { continue }
      clusters[position].pools[pool].servingMaximum = saturatingAdd(
        clusters[position].pools[pool].servingMaximum, entry.maxGPUs)
    }

    let fabrics = typed.fabrics.map { buildFabric($0, clusters: clusters, storage: typed.storage, catalog: catalog) }

    let runs = typed.trainingRuns.map { spec in
      let cluster = clusters.first { $0.name == spec.cluster.value }
      return IRTrainingRun(
        id: "TrainingRun/\(spec.name)", spec: spec, model: model(spec.model.value), cluster: cluster,
        gpu: cluster?.rackGroups.first { $0.server.gpu != nil }?.server.gpu)
    }

    return IRProject(
      project: typed.project, sites: sites, clusters: clusters, fabrics: fabrics, storage: typed.storage,
      models: models,
      serving: serving, trainingRuns: runs, policy: typed.policy, catalog: catalog)
  }

  /// One pool per GPU type of a cluster's rack groups; spares are the reserve rounded up to whole servers
  /// per rack group.
  static func pools(_ groups: [IRRackGroup], reserve: Double) -> [IRGPUPool] {
    var pools: [String: IRGPUPool] = [:]
    for group in groups {
      guard let gpu = group.server.gpu?.name, group.server.gpuCount > 0 else { continue }
      let spareServers = Int(exactly: (Double(group.servers) * reserve - 1e-9).rounded(.up)) ?? group.servers
      let spares = saturatingMultiply(min(spareServers, group.servers), group.server.gpuCount)
      var pool = pools[gpu] ?? IRGPUPool(gpu: gpu, rackGroups: [], installed: 0, reserved: 0)
      pool.rackGroups.append(group.name)
      pool.installed = saturatingAdd(pool.installed, group.gpus)
      pool.reserved = saturatingAdd(pool.reserved, spares)
      pools[gpu] = pool
    }
    return pools.keys.sorted().compactMap { pools[$0] }
  }

  /// Endpoints are the compute (or storage) NIC ports of every attached server.
  static func buildFabric(_ spec: FabricSpec, clusters: [IRCluster], storage: [StorageSpec], catalog: CatalogModels)
    -> IRFabric
  {
    let role = spec.purpose.value == "storage" ? "storage" : "compute"
    let attachedClusters = clusters.filter { cluster in
      role == "compute"
        ? cluster.spec.fabric?.value == spec.name
        : cluster.spec.storage.contains { name in storage.first { $0.name == name.value }?.fabric?.value == spec.name }
    }
    let attachedStorage = storage.filter { $0.fabric?.value == spec.name }
    var endpoints = 0
    var nodes = 0
    var portsPerNode = 0
    var nicSpeed: Double?
    for cluster in attachedClusters {
      for group in cluster.rackGroups {
        let ports = group.server.ports(role: role)
        guard ports > 0 else { continue }
        endpoints += group.servers * ports
        nodes += group.servers
        portsPerNode = max(portsPerNode, ports)
        if let speed = group.server.portSpeed(role: role) { nicSpeed = max(nicSpeed ?? 0, speed) }
      }
    }
    let switchModel = catalog.switchModel(spec.switchModel.value)
    let transceiver = spec.transceiver.flatMap { catalog.transceiver($0.value) }
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
      let topology = FabricTopology(rawValue: spec.topology.value) ?? .fatTree
      let built = FabricRequest(
        topology: topology, endpoints: endpoints, nodes: nodes, portsPerNode: max(1, portsPerNode), radix: radix,
        down: spec.oversubscription.value, up: 1, tiers: spec.tiers.value, planes: spec.planes?.value)
      request = built
      size = FabricSizing.size(built)
    }
    return IRFabric(
      id: "Fabric/\(spec.name)", spec: spec, switchModel: switchModel, transceiver: transceiver,
      attached: attachedClusters.map(\.id) + attachedStorage.map { "Storage/\($0.name)" }, request: request, size: size,
      nicSpeed: nicSpeed, usesBreakout: usesBreakout)
  }
}
