/// A leaf port a NIC port is wired to: the plane, the leaf's index in that plane and its port.
public struct LeafPort: Sendable, Hashable {
  public var plane: Int
  public var leaf: Int
  public var port: Int
}

extension FabricRequest {
  /// The leaf port NIC port `port` of an attached server lands on (docs/models.md, "Link-level expansion"):
  /// the one rule the expansion's endpoint links and the placement's blocks both follow.
  func leafPort(of server: AttachedServer, port: Int, size: FabricSize) -> LeafPort {
    let down = max(1, size.leafDown)
    let planes = max(1, size.planes)
    let endpoint = server.firstEndpoint + port
    let plane = topology == .multiPlane ? port % planes : 0
    if topology == .railOptimized, leafRacks != nil {
      // A leaf per rack per rail: the rack's servers in slot order.
      return LeafPort(plane: plane, leaf: server.rackIndex * portsPerNode + port, port: server.slot)
    }
    if leafRacks != nil {
      // A ToR per rack: the rack's ports in slot order.
      return LeafPort(plane: plane, leaf: server.rackIndex, port: server.slot * server.ports + port)
    }
    if dualHomed, topology == .fatTree {
      // A NIC's two ports on the two leaves of a pair, at the same port.
      let nic = endpoint / 2
      return LeafPort(plane: plane, leaf: 2 * (nic / down) + endpoint % 2, port: nic % down)
    }
    if topology == .railOptimized {
      return LeafPort(plane: plane, leaf: server.node / down * portsPerNode + port, port: server.node % down)
    }
    let index = topology == .multiPlane ? endpoint / planes : endpoint
    return LeafPort(plane: plane, leaf: index / down, port: index % down)
  }

  /// The spare leaf port a backup host's NIC port lands on, `spareNode` hosts and `spareEndpoint` ports
  /// after the first: the leaves' spare ports (after their endpoint and uplink ports) in leaf order per
  /// plane, a pair at a time when dual-homed, or a unit's rail leaves per host (rail-optimized).
  func spareLeafPort(port: Int, spareNode: Int, spareEndpoint: Int, size: FabricSize) -> LeafPort {
    let spare = max(1, sparePorts)
    let planes = max(1, size.planes)
    let first = size.leafDown + size.leafUp
    let plane = topology == .multiPlane ? spareEndpoint % planes : 0
    if topology == .railOptimized {
      return LeafPort(plane: plane, leaf: spareNode / spare * portsPerNode + port, port: first + spareNode % spare)
    }
    if dualHomed, topology == .fatTree {
      let nic = spareEndpoint / 2
      return LeafPort(plane: plane, leaf: 2 * (nic / spare) + spareEndpoint % 2, port: first + nic % spare)
    }
    let index = topology == .multiPlane ? spareEndpoint / planes : spareEndpoint
    return LeafPort(plane: plane, leaf: index / spare, port: first + index % spare)
  }

  /// Leaves of one placement block: a unit's rails (rail-optimized), a dual-homed pair, else one.
  var leavesPerBlock: Int {
    topology == .railOptimized ? max(1, portsPerNode) : dualHomed && topology == .fatTree ? 2 : 1
  }
}
