import KilnSpec

/// One server a fabric connects, as it wires them: its cluster (by position in `IRProject.clusters`), rack
/// group, rack and slot, its ports of the fabric's role, and its running indexes among the fabric's servers.
public struct AttachedServer {
  public var clusterPosition: Int
  public var group: IRRackGroup
  public var rack: Int
  public var slot: Int
  public var ports: Int
  /// Servers, racks and endpoints before this one on the fabric.
  public var node: Int
  public var rackIndex: Int
  public var firstEndpoint: Int
}

extension IRFabric {
  /// Walks the servers with ports of `role` in the order the fabric is wired — clusters by id, their rack
  /// groups, racks and slots — so the expansion's links and the placement's labels count them alike.
  /// Backup hosts (`spare` rack groups) are walked apart, with `spares: true`: they sit on spare leaf ports.
  public func forEachAttachedServer(
    in ir: IRProject, role: NICGroup.Role, spares: Bool = false, _ body: (AttachedServer) -> Void
  ) {
    var node = 0
    var rackIndex = 0
    var endpoint = 0
    for position in attachedClusters {
      for group in ir.clusters[position].rackGroups {
        let ports = group.server.ports(role: role)
        guard ports > 0, group.isSpare == spares else { continue }
        for rack in 0..<group.racks {
          for slot in 0..<group.serversPerRack {
            body(
              AttachedServer(
                clusterPosition: position, group: group, rack: rack, slot: slot, ports: ports, node: node,
                rackIndex: rackIndex, firstEndpoint: endpoint))
            node += 1
            endpoint += ports
          }
          rackIndex += 1
        }
      }
    }
  }
}
