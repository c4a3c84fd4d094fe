import KilnSupport

/// The topology families of the Fabric kind (docs/language.md §4.5).
public enum FabricTopology: String, Sendable, Hashable {
  case fatTree = "fat-tree"
  case railOptimized = "rail-optimized"
  case multiPlane = "multi-plane"
  case dragonfly
}

/// A canonical dragonfly (Kim et al., ISCA 2008): groups of `routersPerGroup` routers (a) wired all-to-all,
/// `hostsPerRouter` endpoints (p) and `globalLinksPerRouter` links to other groups (h) on each router.
public struct DragonflyShape: Sendable, Hashable {
  public var routersPerGroup: Int
  public var hostsPerRouter: Int
  public var globalLinksPerRouter: Int
  /// nil: ceil(endpoints ÷ (a × p)).
  public var groups: Int?

  public init(routersPerGroup: Int, hostsPerRouter: Int, globalLinksPerRouter: Int, groups: Int? = nil) {
    self.routersPerGroup = routersPerGroup
    self.hostsPerRouter = hostsPerRouter
    self.globalLinksPerRouter = globalLinksPerRouter
    self.groups = groups
  }

  /// Router ports in use when every port is wired: p + (a − 1) + h.
  public var routerPorts: Int { hostsPerRouter + routersPerGroup - 1 + globalLinksPerRouter }
  /// The most groups global links can join, one link between each pair: a × h + 1.
  public var maximumGroups: Int { saturatingAdd(saturatingMultiply(routersPerGroup, globalLinksPerRouter), 1) }
}

/// What a fabric must connect and with what.
public struct FabricRequest: Sendable, Hashable {
  public var topology: FabricTopology
  /// Endpoint ports in total (all NIC ports of the role, all planes together).
  public var endpoints: Int
  /// Nodes attached (needed by rail-optimized: a scalable unit holds `down` nodes).
  public var nodes: Int
  /// Endpoint ports per node (rails for rail-optimized; the default plane count for multi-plane).
  public var portsPerNode: Int
  /// Switch radix: ports at the speed used (the breakout port count when NICs run at breakout speed).
  public var radix: Int
  /// Oversubscription down:up of leaf ports (1:1 is down 1, up 1).
  public var down: Double
  public var up: Double
  /// 1, 2 or 3; nil for auto (the smallest number of tiers that fits).
  public var tiers: Int?
  /// Planes of a multi-plane fabric (nil: portsPerNode). Ignored for other topologies (1 plane).
  public var planes: Int?
  /// Ports of storage nodes (a Storage's `nodes`). They sit on leaves of their own that are non-blocking
  /// whatever `down:up` says of the clients' leaves: the DGX SuperPOD H100 RA's storage fabric is 1:1 on the
  /// storage side and ~4:3 on the DGX side. Spread over the planes like the other endpoints.
  public var storageEndpoints: Int
  /// The shape of a dragonfly (topology `.dragonfly`).
  public var dragonfly: DragonflyShape?
  /// A leaf per rack (per rack per rail for rail-optimized): the attached racks in order, each as the ports it
  /// puts on its leaf (on each rail's leaf: its servers); nil for leaves filled with `down` ports. A rack leaf
  /// has as many uplinks as its fullest rack's ports need at `down:up` (Meta's Llama 3 ToR: 16 down, 16 up).
  public var leafRacks: [Int]?
  /// The spine and core switches' radix when those tiers use other switches than the leaves (nil: `radix`).
  public var spineRadix: Int?
  public var coreRadix: Int?
  /// Spine down:up toward the cores in three tiers (Meta's Llama 3 aggregation 7:1; Alibaba HPN 15:1).
  public var spineDown: Double = 1
  public var spineUp: Double = 1
  /// Endpoint ports of one pod, all planes together (Meta's 3,072-GPU pods): each pod's leaves share spines
  /// of their own, and the pods' spines join through the cores. nil: no pods (spines shared by all leaves).
  public var podEndpoints: Int?
  /// Each NIC's two ports (ports 2i and 2i + 1 of a node) go to two different leaves: leaves come in pairs
  /// (fat-tree), or the two ports join different planes (multi-plane, an even plane count).
  public var dualHomed = false
  /// Ports and nodes of backup hosts (`spare` rack groups): on the leaves' spare ports in leaf order, not
  /// endpoints.
  public var spareEndpoints = 0
  public var spareNodes = 0
  /// Leaf ports broken out on the endpoint side only (ByteDance MegaScale's ToRs: each 400G port down split
  /// into 2 × 200G, uplinks at 400G): the endpoint ports per physical port, applied to the leaves' down
  /// ports after the oversubscription splits the physical ports. `radix` is then the physical port count.
  /// nil: every port at one speed.
  public var downBreakout: Int?
  /// Down ports each leaf keeps free for backup hosts (Alibaba HPN: 8 of 136); endpoints use the rest.
  public var sparePorts = 0

  public init(
    topology: FabricTopology, endpoints: Int, nodes: Int, portsPerNode: Int, radix: Int, down: Double = 1,
    up: Double = 1, tiers: Int? = nil, planes: Int? = nil, storageEndpoints: Int = 0
  ) {
    self.topology = topology
    self.endpoints = endpoints
    self.nodes = nodes
    self.portsPerNode = portsPerNode
    self.radix = radix
    self.down = down
    self.up = up
    self.tiers = tiers
    self.planes = planes
    self.storageEndpoints = storageEndpoints
    self.dragonfly = nil
    self.leafRacks = nil
    self.downBreakout = nil
  }
}
