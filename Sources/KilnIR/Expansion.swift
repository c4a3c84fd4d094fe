import KilnDiagnostics
import KilnSpec
import KilnSupport

/// Link-level expansion of the IR: every server, GPU, NIC port, switch and link with a stable id,
/// and every endpoint link with its switch port. Written as JSON Lines straight to a sink (one object
/// per line, in a fixed order), so memory stays flat however large the fleet: nothing is collected.
public enum Expansion {
  /// Kiln refuses to expand more objects than this; the analyzer reports it (K4001) before anything
  /// is allocated.
  public static let objectBound = 10_000_000

  /// How many objects an expansion writes.
  public static func objectCount(_ ir: IRProject) -> Int {
    var count = 0
    for cluster in ir.clusters {
      for group in cluster.rackGroups { count = saturatingAdd(count, objectCount(group)) }
    }
    for fabric in ir.fabrics {
      guard let size = fabric.sizeValue else { continue }
      count = saturatingAdd(
        count,
        saturatingAdd(
          size.switches, saturatingAdd(size.switchLinks, saturatingAdd(size.endpointLinks, size.spareLinks))))
    }
    for storage in ir.storage {
      guard let nodes = storage.nodeCount?.value else { continue }
      count = saturatingAdd(count, saturatingMultiply(nodes, saturatingAdd(1, storage.nodeNICs?.value ?? 0)))
    }
    return count
  }

  /// Racks, servers, GPUs and NIC ports of one rack group; saturates at Int.max rather than trapping, so
  /// the bound check can report a project of any size.
  public static func objectCount(_ group: IRRackGroup) -> Int {
    let nicPorts = group.server.nics.reduce(0) { saturatingAdd($0, $1.count) }
    let servers = saturatingMultiply(group.racks, group.serversPerRack)
    let perServer = saturatingAdd(1, saturatingAdd(group.server.gpuCount, nicPorts))
    return saturatingAdd(group.racks, saturatingMultiply(servers, perServer))
  }

  /// Writes the expansion line by line to `sink`.
  public static func write(_ ir: IRProject, to sink: (String) -> Void) {
    for cluster in ir.clusters.sorted(by: { $0.id < $1.id }) {
      for group in cluster.rackGroups {
        for rack in 0..<group.racks {
          let rackID = "\(cluster.id)/rack/\(Placement.rackName(group, rack))"
          sink(#"{"id":"\#(rackID)","kind":"rack","powerLimit_W":\#(Int(saturating: group.powerLimit.value))}"#)
          for slot in 0..<group.serversPerRack {
            let serverID = "\(rackID)/server/\(slot + 1)"
            sink(#"{"id":"\#(serverID)","kind":"server","model":"\#(group.server.name)"}"#)
            for gpu in 0..<group.server.gpuCount {
              sink(#"{"id":"\#(serverID)/gpu/\#(gpu)","kind":"gpu","model":"\#(group.server.gpu?.name ?? "")"}"#)
            }
            for nic in group.server.nics {
              for port in 0..<nic.count {
                sink(
                  #"{"id":"\#(serverID)/nic/\#(nic.role)-\#(port)","kind":"nic","speed_Bps":\#(Int(saturating: nic.speed))}"#
                )
              }
            }
          }
        }
      }
    }
    for storage in ir.storage.sorted(by: { $0.name < $1.name }) {
      guard let nodes = storage.nodeCount?.value else { continue }
      let speed = Int(saturating: storage.nodeNICSpeed?.value ?? 0)
      for node in 0..<nodes {
        let nodeID = storageNodeID(storage, node)
        sink(#"{"id":"\#(nodeID)","kind":"storage-node"}"#)
        for port in 0..<(storage.nodeNICs?.value ?? 0) {
          sink(#"{"id":"\#(nodeID)/nic/storage-\#(port)","kind":"nic","speed_Bps":\#(speed)}"#)
        }
      }
    }
    for fabric in ir.fabrics.sorted(by: { $0.id < $1.id }) {
      guard let size = fabric.sizeValue, let request = fabric.request else { continue }
      writeFabric(fabric, size: size, request: request, ir: ir, to: sink)
    }
  }

  static func storageNodeID(_ storage: StorageSpec, _ node: Int) -> String {
    "Storage/\(storage.name)/node/\(pad(node + 1, storage.nodeCount?.value ?? 1))"
  }

  static func pad(_ value: Int, _ count: Int) -> String {
    let digits = String(max(count, 1)).count
    let text = String(value)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// Switches per plane and tier, switch-to-switch links with ports, and endpoint links from each
  /// attached NIC port to its leaf port (fat-tree: leaves fill in order; rail-optimized: NIC i of the
  /// nodes of a scalable unit lands on that unit's leaf for rail i; multi-plane: NIC i joins plane
  /// i mod P).
  static func writeFabric(
    _ fabric: IRFabric, size: FabricSize, request: FabricRequest, ir: IRProject, to sink: (String) -> Void
  ) {
    if let shape = request.dragonfly, request.topology == .dragonfly {
      writeDragonfly(fabric, size: size, shape: shape, ir: ir, to: sink)
      return
    }
    let planes = max(1, size.planes)
    // Each plane's client leaves come first, then its storage leaves (k/2 ports down, k/2 up).
    let storageLeavesPerPlane = size.storageLeaves / planes
    let leavesPerPlane = size.leaves / planes - storageLeavesPerPlane
    let storageDown = request.radix / 2
    let storageUp = request.radix - storageDown
    let spinesPerPlane = size.spines / planes
    let coresPerPlane = size.cores / planes
    // With pods, a pod's leaves spread their uplinks over the pod's spines; without, one pod holds them all.
    let leavesPerPod = size.pods > 0 ? max(1, size.leavesPerPod) : max(1, leavesPerPlane + storageLeavesPerPlane)
    let spinesPerPod = size.pods > 0 ? max(1, size.spinesPerPod) : spinesPerPlane
    func switchID(_ plane: Int, _ tier: FabricTier, _ index: Int) -> String {
      planes > 1 ? "\(fabric.id)/plane/\(plane)/\(tier)/\(index)" : "\(fabric.id)/\(tier)/\(index)"
    }
    for plane in 0..<planes {
      for (tier, count) in [
        (FabricTier.leaf, leavesPerPlane + storageLeavesPerPlane), (.spine, spinesPerPlane), (.core, coresPerPlane),
      ] {
        let model = fabric.switchModel(of: tier)?.name ?? ""
        for index in 0..<count {
          sink(#"{"id":"\#(switchID(plane, tier, index))","kind":"switch","model":"\#(model)"}"#)
        }
      }
      // Leaf uplinks spread evenly over their pod's spines; spine uplinks over the cores.
      if spinesPerPlane > 0 {
        var link = 0
        for leaf in 0..<(leavesPerPlane + storageLeavesPerPlane) {
          if leaf % leavesPerPod == 0 { link = 0 }
          let firstSpine = leaf / leavesPerPod * spinesPerPod
          let storageLeaf = leaf >= leavesPerPlane
          let (down, up) = storageLeaf ? (storageDown, storageUp) : (size.leafDown, size.leafUp)
          for uplink in 0..<up {
            // Link g of a pod goes to its spine g mod S, port g / S: every leaf spreads evenly, no port is used
            // twice.
            let spine = firstSpine + link % spinesPerPod
            let spinePort = link / spinesPerPod
            sink(
              #"{"id":"\#(switchID(plane, .leaf, leaf))/port/\#(down + uplink)","kind":"link","to":"\#(switchID(plane, .spine, spine))/port/\#(spinePort)"}"#
            )
            link += 1
          }
        }
      }
      if coresPerPlane > 0 {
        // A spine's uplinks follow its down ports (the fullest spine's count).
        let spineUp = size.spineUp
        for spine in 0..<spinesPerPlane {
          for uplink in 0..<spineUp {
            let core = (spine * spineUp + uplink) % coresPerPlane
            let corePort = (spine * spineUp + uplink) / coresPerPlane
            sink(
              #"{"id":"\#(switchID(plane, .spine, spine))/port/\#(size.spineDown + uplink)","kind":"link","to":"\#(switchID(plane, .core, core))/port/\#(corePort)"}"#
            )
          }
        }
      }
    }
    // Endpoint links: every attached server's NIC ports of the fabric's role, in a fixed order.
    let role: NICGroup.Role = fabric.spec.purpose.value == .storage ? .storage : .compute
    fabric.forEachAttachedServer(in: ir, role: role) { server in
      let serverID = Placement.serverID(
        ir.clusters[server.clusterPosition], server.group, rack: server.rack, slot: server.slot)
      for port in 0..<server.ports {
        let to = request.leafPort(of: server, port: port, size: size)
        sink(
          #"{"id":"\#(serverID)/nic/\#(role)-\#(port)","kind":"endpoint-link","to":"\#(switchID(to.plane, .leaf, to.leaf))/port/\#(to.port)"}"#
        )
      }
    }
    // Backup hosts' ports on the leaves' spare ports, after the endpoint and uplink ports: in leaf order per
    // plane (a pair at a time when dual-homed), or a unit's rail leaves per host (rail-optimized).
    if size.spareLinks > 0 {
      var spareNode = 0
      var spareEndpoint = 0
      fabric.forEachAttachedServer(in: ir, role: role, spares: true) { server in
        let serverID = Placement.serverID(
          ir.clusters[server.clusterPosition], server.group, rack: server.rack, slot: server.slot)
        for port in 0..<server.ports {
          let to = request.spareLeafPort(port: port, spareNode: spareNode, spareEndpoint: spareEndpoint, size: size)
          sink(
            #"{"id":"\#(serverID)/nic/\#(role)-\#(port)","kind":"spare-link","to":"\#(switchID(to.plane, .leaf, to.leaf))/port/\#(to.port)"}"#
          )
          spareEndpoint += 1
        }
        spareNode += 1
      }
    }
    // Storage nodes' ports, after the clients': on a one-tier plane's switch after its endpoints, else on
    // the plane's storage leaves in order. Port j joins plane j mod P like the others.
    let clients = request.endpoints
    var storagePort = 0
    for storage in ir.storage.sorted(by: { $0.name < $1.name }) where role == .storage {
      guard fabric.attached.contains("Storage/\(storage.name)"), let nodes = storage.nodeCount?.value,
        let nics = storage.nodeNICs?.value, nics > 0
      else { continue }
      for node in 0..<nodes {
        for port in 0..<nics {
          let plane = request.topology == .multiPlane ? storagePort % planes : 0
          let index = request.topology == .multiPlane ? storagePort / planes : storagePort
          let target: String
          if size.tiers == 1 {
            let planeClients = clients / planes + (plane < clients % planes ? 1 : 0)
            target = "\(switchID(plane, .leaf, 0))/port/\(planeClients + index)"
          } else {
            target = "\(switchID(plane, .leaf, leavesPerPlane + index / storageDown))/port/\(index % storageDown)"
          }
          sink(
            #"{"id":"\#(storageNodeID(storage, node))/nic/storage-\#(port)","kind":"endpoint-link","to":"\#(target)"}"#
          )
          storagePort += 1
        }
      }
    }
  }

  /// A dragonfly's routers (`Fabric/<f>/group/<g>/router/<i>`; ports 0 … p − 1 to hosts, then a − 1 local,
  /// then h global), its local links (all-to-all in a group), its global links (Dragonfly.globalLinks) and
  /// its endpoint links (routers filled in order).
  static func writeDragonfly(
    _ fabric: IRFabric, size: FabricSize, shape: DragonflyShape, ir: IRProject, to sink: (String) -> Void
  ) {
    let a = shape.routersPerGroup
    let p = shape.hostsPerRouter
    let h = shape.globalLinksPerRouter
    func router(_ group: Int, _ index: Int) -> String { "\(fabric.id)/group/\(group)/router/\(index)" }
    for group in 0..<size.groups {
      for index in 0..<a {
        sink(#"{"id":"\#(router(group, index))","kind":"switch","model":"\#(fabric.switchModel?.name ?? "")"}"#)
      }
    }
    for group in 0..<size.groups {
      for i in 0..<a {
        for j in (i + 1)..<max(i + 1, a) {
          // Router i's local port for router j skips itself: j − 1 when j > i.
          sink(
            #"{"id":"\#(router(group, i))/port/\#(p + j - 1)","kind":"link","to":"\#(router(group, j))/port/\#(p + i)"}"#
          )
        }
      }
    }
    for link in Dragonfly.globalLinks(groups: size.groups, portsPerGroup: a * h) {
      let from = "\(router(link.from.0, link.from.1 / h))/port/\(p + a - 1 + link.from.1 % h)"
      let to = "\(router(link.to.0, link.to.1 / h))/port/\(p + a - 1 + link.to.1 % h)"
      sink(#"{"id":"\#(from)","kind":"link","to":"\#(to)"}"#)
    }
    fabric.forEachAttachedServer(in: ir, role: .compute) { server in
      let serverID = Placement.serverID(
        ir.clusters[server.clusterPosition], server.group, rack: server.rack, slot: server.slot)
      for port in 0..<server.ports {
        let endpoint = server.firstEndpoint + port
        let index = endpoint / p
        sink(
          #"{"id":"\#(serverID)/nic/compute-\#(port)","kind":"endpoint-link","to":"\#(router(index / a, index % a))/port/\#(endpoint % p)"}"#
        )
      }
    }
  }
}
