import KilnSpec
import KilnSupport

/// Where each server of a cluster sits in its compute fabric (docs/kubernetes.md §5.2, "Placement"): its
/// block — the servers under one leaf (fat-tree, multi-plane) or one scalable unit (rail-optimized) — the
/// pod of blocks that share spines in a three-tier fabric, and its rack. The servers are walked in the order
/// `kiln ir --expand` wires them (Expansion.writeFabric), so the labels and the links agree.
public struct Placement: Sendable {
  public struct Server: Sendable {
    /// The stable id `kiln ir --expand` gives the server.
    public var id: String
    public var rack: String
    public var block: Int?
    public var pod: Int?
  }

  public var servers: [Server] = []
  /// Servers in one block and in one pod; nil without a sized compute fabric (or without pods).
  public var serversPerBlock: Int?
  public var serversPerPod: Int?

  public init(_ cluster: IRCluster, in ir: IRProject) {
    let fabric = cluster.spec.fabric?.target.map { ir.fabrics[$0] }
    let size = fabric?.sizeValue
    let request = fabric?.request
    var blockOf: [String: (block: Int, pod: Int?)] = [:]
    if let fabric, let size, let request, size.tiers > 1 {
      let planes = max(1, size.planes)
      // Declared pods; else a three-tier fat-tree's pods of k/2 leaves.
      let leavesPerPod =
        size.pods > 0
        ? max(1, size.leavesPerPod)
        : size.tiers == 3 && request.topology != .railOptimized ? max(1, request.radix / 2) : nil
      fabric.forEachAttachedServer(in: ir, role: .compute) { server in
        let attached = ir.clusters[server.clusterPosition]
        guard attached.id == cluster.id else { return }
        // The leaf of the server's first port (plane 0's, or its rail-0 leaf); its block is that leaf's unit
        // of rails or dual-homed pair.
        let leaf = request.leafPort(of: server, port: 0, size: size).leaf
        let id = Self.serverID(attached, server.group, rack: server.rack, slot: server.slot)
        blockOf[id] = (leaf / request.leavesPerBlock, leavesPerPod.map { leaf / $0 })
      }
      let perNode = max(
        1, cluster.rackGroups.first { $0.server.ports(role: .compute) > 0 }?.server.ports(role: .compute) ?? 1)
      switch request.topology {
      case .railOptimized: serversPerBlock = request.leafRacks.map { $0.max() ?? 1 } ?? size.leafDown
      case .fatTree where request.leafRacks != nil:
        serversPerBlock = max(1, (request.leafRacks?.max() ?? perNode) / perNode)
      case .fatTree where request.dualHomed: serversPerBlock = max(1, 2 * size.leafDown / perNode)
      case .multiPlane: serversPerBlock = size.leafDown * planes / perNode
      case .fatTree, .dragonfly: serversPerBlock = max(1, size.leafDown / perNode)
      }
      serversPerPod = leavesPerPod.map { max(1, $0 / request.leavesPerBlock) * (serversPerBlock ?? 1) }
    }
    for group in cluster.rackGroups {
      for rack in 0..<group.racks {
        for slot in 0..<group.serversPerRack {
          let id = Self.serverID(cluster, group, rack: rack, slot: slot)
          servers.append(
            Server(id: id, rack: Self.rackName(group, rack), block: blockOf[id]?.block, pod: blockOf[id]?.pod))
        }
      }
    }
  }

  /// `Cluster/<c>/rack/<group>-<NN>/server/<slot>`, as Expansion names it.
  public static func serverID(_ cluster: IRCluster, _ group: IRRackGroup, rack: Int, slot: Int) -> String {
    "\(cluster.id)/rack/\(rackName(group, rack))/server/\(slot + 1)"
  }

  /// `<group>-<NN>`, numbered from 1 and padded to the group's rack count.
  public static func rackName(_ group: IRRackGroup, _ rack: Int) -> String {
    "\(group.name)-\(Expansion.pad(rack + 1, group.racks))"
  }
}
