// Fabric sizing by the rules of docs/language.md §4.5 (Fabric, "Sizing"). The formulas are checked against
// published figures: ISCA'25 (arXiv:2505.09343) Table 3 (FT2, MPFT, FT3 at k = 64), the DGX SuperPOD H100
// reference architecture (RA-11333-001) Tables 3–4 and Fire-Flyer (arXiv:2408.14158) §III.
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
  /// Rail-optimized with a leaf per rack per rail: the attached racks in order, each as its servers; nil for a
  /// leaf per rail per `down` nodes.
  public var railRacks: [Int]?
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
    self.railRacks = nil
    self.downBreakout = nil
  }
}

/// Switches that have the same number of ports in use. Kept with a size because optics are rounded up per
/// switch, and which leaves are partly filled depends on the topology (a rail-optimized partial unit leaves
/// every rail's leaf short; a fat-tree fills leaves in order), which the public counts alone cannot tell.
struct SwitchLoad: Sendable, Hashable {
  var switches: Int
  var ports: Int
}

/// The size of one fabric: switches per tier (all planes together), links and capacity.
public struct FabricSize: Sendable, Hashable {
  public var tiers: Int
  public var planes: Int
  /// Leaf ports facing endpoints and facing spines, per leaf. A one-tier fabric's single switch has every
  /// port facing endpoints (down = radix, up = 0).
  public var leafDown: Int
  public var leafUp: Int
  public var leaves: Int
  /// Of `leaves`, those that hold storage nodes (all planes); they have leafStorageDown ports down.
  public var storageLeaves: Int
  public var spines: Int
  public var cores: Int
  public var switches: Int { leaves + spines + cores }
  /// Switch-to-switch links (both leaf–spine and spine–core), all planes.
  public var switchLinks: Int
  /// Endpoint–switch links (= endpoints + storage endpoints).
  public var endpointLinks: Int
  /// Most endpoints the chosen tiers and planes can hold at this radix and oversubscription: the storage
  /// ports, and as many client ports as the switches left beside the storage leaves take.
  public var capacity: Int
  /// Switch ports in use (both ends of switch links + the switch end of endpoint links), all planes.
  public var switchPortsUsed: Int
  /// Worst-case switches on an endpoint-to-endpoint path (1, 3 or 5; 3 for a dragonfly: local, global,
  /// local; 0 for an empty fabric).
  public var hops: Int
  /// A dragonfly's groups (its routers are `leaves`); 0 for the other topologies.
  public var groups = 0
  /// Ports in use per switch, grouped (all planes); the sum is `switchPortsUsed`.
  var switchLoads: [SwitchLoad]
}

public enum FabricSizingError: Error, Sendable, Hashable {
  /// More endpoints than the declared tiers (or 3 tiers, for auto) can hold.
  case exceedsCapacity(endpoints: Int, capacity: Int, tiers: Int)
  /// Radix or ratio that cannot build a fabric (radix < 2, down/up not positive, leafDown == 0, …).
  case invalidParameters(String)
  /// A dragonfly router needs more ports than the switch has: p + (a − 1) + h > radix.
  case dragonflyRadix(needed: Int, radix: Int)
  /// More dragonfly groups than global links can join (a × h + 1).
  case dragonflyGroups(groups: Int, maximum: Int)
}

public enum FabricSizing {
  /// Sizes a fabric by the rules of docs/language.md §4.5.
  public static func size(_ request: FabricRequest) -> Result<FabricSize, FabricSizingError> {
    if request.topology == .dragonfly { return Dragonfly.size(request) }
    let plan: Plan
    switch Plan.make(request) {
    case .success(let made): plan = made
    case .failure(let error): return .failure(error)
    }
    let tiers: Int
    let endpoints = saturatingAdd(request.endpoints, request.storageEndpoints)
    if let declared = request.tiers {
      guard endpoints == 0 || plan.fits(tiers: declared) else {
        return .failure(exceedsCapacity(plan, request, tiers: declared))
      }
      tiers = declared
    } else if endpoints == 0 {
      tiers = 1
    } else if let smallest = (1...3).first(where: { plan.fits(tiers: $0) }) {
      tiers = smallest
    } else {
      return .failure(exceedsCapacity(plan, request, tiers: 3))
    }
    return .success(plan.build(tiers: tiers))
  }

  /// Modules needed per switch: ceil(ports in use on that switch / ports per module), summed over switches.
  /// A module size below 1 means no optics (copper), so 0 modules.
  ///
  /// DGX SuperPOD 4 SU (127 nodes, 1,016 endpoints) with twin-port OSFP gives 1,536, the RA's Table 7 count.
  /// The RA counts 32 cages on each of 48 switches as if every leaf were full. Here the 8 leaves of the
  /// 31-node unit use 31 + 32 = 63 ports, and ceil(63 / 2) = 32 modules is still a full leaf's count, so the
  /// per-switch rule and the RA agree. With one-port modules they would differ (63, not 64, per such leaf).
  public static func transceivers(_ size: FabricSize, portsPerModule: Int) -> Int {
    guard portsPerModule >= 1 else { return 0 }
    return size.switchLoads.reduce(0) { total, load in
      saturatingAdd(total, saturatingMultiply(load.switches, ceilDivide(load.ports, portsPerModule)))
    }
  }

  private static func exceedsCapacity(_ plan: Plan, _ request: FabricRequest, tiers: Int) -> FabricSizingError {
    .exceedsCapacity(
      endpoints: saturatingAdd(request.endpoints, request.storageEndpoints), capacity: plan.capacity(tiers: tiers),
      tiers: tiers)
  }
}

// MARK: - The sizing plan

/// A validated request with the numbers every tier formula shares, so fitting and building agree.
private struct Plan {
  static let maxRadix = 65_536
  let request: FabricRequest
  /// Radix, leaf ports down and up (up ≥ 1), and k/2 (a three-tier spine's ports each way).
  let radix: Int
  let down: Int
  let up: Int
  var half: Int { radix / 2 }
  let planes: Int
  /// Endpoints of the fullest plane (all endpoints when there is one plane).
  let planeEndpoints: Int
  /// Leaves of one plane when it has two or three tiers.
  let leaves: Int
  /// Storage ports of the fullest plane, and the non-blocking leaves that hold them (ports down and up each).
  let planeStorage: Int
  let storageLeaves: Int
  let storageDown: Int
  var storageUp: Int { radix - storageDown }
  /// One plane's leaf uplinks: the clients' leaves and the storage leaves.
  var uplinks: Int { saturatingAdd(saturatingMultiply(leaves, up), saturatingMultiply(storageLeaves, storageUp)) }

  static func make(_ request: FabricRequest) -> Result<Plan, FabricSizingError> {
    func invalid(_ message: String) -> Result<Plan, FabricSizingError> { .failure(.invalidParameters(message)) }
    guard request.endpoints >= 0, request.nodes >= 0, request.portsPerNode >= 0, request.storageEndpoints >= 0 else {
      return invalid("endpoints, nodes and ports per node must not be negative")
    }
    guard request.radix >= 2 else { return invalid("switch radix \(request.radix) is below 2") }
    // No switch comes near this; the bound keeps every per-plane count (≤ k³/2 links) far from overflow.
    guard request.radix <= maxRadix else { return invalid("switch radix \(request.radix) is above \(maxRadix)") }
    if let tiers = request.tiers, !(1...3).contains(tiers) {
      return invalid("tiers must be 1, 2 or 3, not \(tiers)")
    }
    guard request.down.isFinite, request.up.isFinite, request.down > 0, request.up > 0 else {
      return invalid("oversubscription \(request.down):\(request.up) must have both sides positive")
    }
    let down = leafDownPorts(radix: request.radix, down: request.down, up: request.up)
    guard down >= 1 else {
      return invalid("oversubscription \(request.down):\(request.up) leaves no leaf port for endpoints")
    }
    guard down < request.radix else {
      return invalid("oversubscription \(request.down):\(request.up) leaves no leaf port for uplinks")
    }
    let up = request.radix - down
    var endpointPorts = down
    if let factor = request.downBreakout {
      guard factor >= 1 else { return invalid("a down-side breakout of \(factor) ports per port is not possible") }
      endpointPorts = saturatingMultiply(down, factor)
    }
    guard request.sparePorts >= 0, request.sparePorts < endpointPorts else {
      return invalid(
        "a leaf keeping \(request.sparePorts) spare ports of its \(endpointPorts) down ports has none for endpoints")
    }
    return make(request, down: endpointPorts - request.sparePorts, up: up)
  }

  /// The rest of `make`, with the leaves' endpoint (down) and uplink (up) port counts decided.
  static func make(_ request: FabricRequest, down: Int, up: Int) -> Result<Plan, FabricSizingError> {
    func invalid(_ message: String) -> Result<Plan, FabricSizingError> { .failure(.invalidParameters(message)) }

    var planes = 1
    if request.topology == .multiPlane {
      planes = request.planes ?? request.portsPerNode
      guard planes >= 1 else { return invalid("a multi-plane fabric needs at least 1 plane, not \(planes)") }
    }
    let planeEndpoints = ceilDivide(request.endpoints, planes)

    var leaves = ceilDivide(planeEndpoints, down)
    if request.topology == .railOptimized {
      let (ports, overflow) = request.nodes.multipliedReportingOverflow(by: request.portsPerNode)
      guard !overflow, ports == request.endpoints else {
        return invalid(
          "a rail-optimized fabric needs endpoints = nodes × ports per node "
            + "(\(request.endpoints) ≠ \(request.nodes) × \(request.portsPerNode))")
      }
      leaves = saturatingMultiply(ceilDivide(request.nodes, down), request.portsPerNode)
      if let racks = request.railRacks {
        // A leaf per rack per rail: every server of a rack needs a down port on each rail's leaf.
        if let fullest = racks.max(), fullest > down {
          return invalid(
            "a leaf per rack per rail needs \(fullest) ports down for a rack of \(fullest) servers; a leaf has \(down)")
        }
        leaves = saturatingMultiply(racks.count, request.portsPerNode)
      }
    }
    let planeStorage = ceilDivide(request.storageEndpoints, planes)
    let storageDown = leafDownPorts(radix: request.radix, down: 1, up: 1)
    return .success(
      Plan(
        request: request, radix: request.radix, down: down, up: up, planes: planes,
        planeEndpoints: planeEndpoints, leaves: leaves, planeStorage: planeStorage,
        storageLeaves: ceilDivide(planeStorage, storageDown), storageDown: storageDown))
  }

  /// floor(k·d/(d+u)). A quotient within 1e-9 below an integer counts as that integer, so ratios such as
  /// 0.1:0.1 do not lose a port to floating point. Int(x) is the floor for x ≥ 0 and needs no libm.
  static func leafDownPorts(radix: Int, down: Double, up: Double) -> Int {
    let exact = Double(radix) * down / (down + up)
    guard exact.isFinite, exact >= 0 else { return 0 }
    guard exact < Double(radix) else { return radix }
    let floor = Int(exact)
    return exact - Double(floor) > 1 - 1e-9 ? floor + 1 : floor
  }

  /// Most client leaves a plane of these tiers can hold beside its storage leaves: two tiers, k leaves in all
  /// (a spine takes one link from each leaf per share); three tiers, uplinks for the k·(k/2) spines at most
  /// (k²/2 for even k) with k/2 down ports each.
  func maxLeaves(tiers: Int) -> Int {
    switch tiers {
    case 2: max(0, radix - storageLeaves)
    case 3:
      max(
        0,
        saturatingMultiply(saturatingMultiply(radix, half), half) - saturatingMultiply(storageLeaves, storageUp))
        / up
    default: 0
    }
  }

  func fits(tiers: Int) -> Bool {
    tiers == 1 ? saturatingAdd(planeEndpoints, planeStorage) <= radix : leaves <= maxLeaves(tiers: tiers)
  }

  /// Endpoints these tiers hold over all planes, storage ports included. Rail-optimized counts whole units
  /// only: a unit needs a leaf per rail, so leaves beyond a multiple of the rail count carry nothing.
  func capacity(tiers: Int) -> Int {
    var perPlane = max(0, radix - planeStorage)
    if tiers > 1 {
      let leaves = maxLeaves(tiers: tiers)
      if request.topology == .railOptimized {
        let rails = max(request.portsPerNode, 1)
        // By rack, a leaf holds a rack's servers, not `down` of them.
        let perLeaf = request.railRacks.map { min(down, $0.max() ?? down) } ?? down
        perPlane = saturatingMultiply(saturatingMultiply(leaves / rails, rails), perLeaf)
      } else {
        perPlane = saturatingMultiply(leaves, down)
      }
    }
    return saturatingAdd(saturatingMultiply(perPlane, planes), request.storageEndpoints)
  }

  func build(tiers: Int) -> FabricSize {
    var size = FabricSize(
      tiers: tiers, planes: planes, leafDown: tiers == 1 ? radix : down, leafUp: tiers == 1 ? 0 : up,
      leaves: 0, storageLeaves: 0, spines: 0, cores: 0, switchLinks: 0,
      endpointLinks: saturatingAdd(request.endpoints, request.storageEndpoints), capacity: capacity(tiers: tiers),
      switchPortsUsed: 0, hops: 0, switchLoads: [])
    guard size.endpointLinks > 0 else { return size }

    // One plane's switches and links; fits(tiers:) bounds every product below by k³/4-sized numbers.
    var planeLeaves = leaves
    var planeStorageLeaves = storageLeaves
    var spines = 0
    var cores = 0
    var links = 0
    var loads: [SwitchLoad] = []
    switch tiers {
    case 1:
      planeLeaves = 1
      planeStorageLeaves = 0
    case 2:
      // Each leaf spreads its uplinks evenly over the spines: the fewest spines that divide every leaf's
      // uplinks. Clients' and storage leaves with no such common divisor (28 and 32 up at 4:3 and 1:1 on
      // 64 ports) spread as evenly as they can over the fewest spines that hold them.
      let needed = ceilDivide(uplinks, radix)
      spines =
        (needed...max(needed, up, storageUp)).first { count in
          (leaves == 0 || up % count == 0) && (storageLeaves == 0 || storageUp % count == 0)
        } ?? needed
      links = uplinks
      loads.append(SwitchLoad(switches: spines - links % spines, ports: links / spines))
      loads.append(SwitchLoad(switches: links % spines, ports: links / spines + 1))
    default:
      spines = ceilDivide(uplinks, half)
      cores = ceilDivide(spines * half, radix)
      links = uplinks + spines * half
      // Spine downlinks fill spines in order; every spine uses all k/2 uplinks; cores fill in order.
      let spineDown = uplinks
      loads.append(SwitchLoad(switches: spineDown / half, ports: 2 * half))
      if spineDown % half > 0 { loads.append(SwitchLoad(switches: 1, ports: spineDown % half + half)) }
      let coreLinks = spines * half
      loads.append(SwitchLoad(switches: coreLinks / radix, ports: radix))
      if coreLinks % radix > 0 { loads.append(SwitchLoad(switches: 1, ports: coreLinks % radix)) }
    }
    // Many near-empty planes could overflow the totals; they saturate instead.
    loads = loads.map { SwitchLoad(switches: saturatingMultiply($0.switches, planes), ports: $0.ports) }
    loads += leafLoads(tiers: tiers, planeLeaves: planeLeaves)
    loads += storageLeafLoads(tiers: tiers, planeStorageLeaves: planeStorageLeaves)

    size.leaves = saturatingMultiply(planeLeaves + planeStorageLeaves, planes)
    size.storageLeaves = saturatingMultiply(planeStorageLeaves, planes)
    size.spines = saturatingMultiply(spines, planes)
    size.cores = saturatingMultiply(cores, planes)
    size.switchLinks = saturatingMultiply(links, planes)
    size.switchLoads = merged(loads)
    size.switchPortsUsed = size.switchLoads.reduce(0) {
      saturatingAdd($0, saturatingMultiply($1.switches, $1.ports))
    }
    size.hops = 2 * tiers - 1
    return size
  }

  /// Leaf ports in use, all planes. Node NIC i joins plane i mod P, so E mod P planes get one endpoint more
  /// than the rest; every plane is built for the fullest. A fat-tree plane fills its leaves in order; a
  /// rail-optimized unit puts each node's rail r on the unit's leaf r.
  func leafLoads(tiers: Int, planeLeaves: Int) -> [SwitchLoad] {
    let uplinks = tiers == 1 ? 0 : up
    if request.topology == .railOptimized && tiers > 1, let racks = request.railRacks {
      // Each rack's rail leaves hold the rack's servers.
      return racks.map { SwitchLoad(switches: request.portsPerNode, ports: $0 + uplinks) }
    }
    if request.topology == .railOptimized && tiers > 1 {
      let rails = request.portsPerNode
      var loads = [SwitchLoad(switches: request.nodes / down * rails, ports: down + uplinks)]
      if request.nodes % down > 0 { loads.append(SwitchLoad(switches: rails, ports: request.nodes % down + uplinks)) }
      return loads
    }
    if tiers == 1 {
      // Each plane's one switch holds its endpoints and its storage ports. Planes with one endpoint more come
      // first, as do planes with one storage port more, so the planes fall into at most three groups.
      let fewer = request.endpoints / planes
      let fuller = request.endpoints % planes
      var loads: [SwitchLoad] = []
      let storageFewer = request.storageEndpoints / planes
      let storageFuller = request.storageEndpoints % planes
      let bounds = [0, min(fuller, storageFuller), max(fuller, storageFuller), planes]
      for index in 0..<3 where bounds[index + 1] > bounds[index] {
        let plane = bounds[index]
        let ports = fewer + (plane < fuller ? 1 : 0) + storageFewer + (plane < storageFuller ? 1 : 0)
        loads.append(SwitchLoad(switches: bounds[index + 1] - plane, ports: ports))
      }
      return loads
    }
    return filledLeaves(endpoints: request.endpoints, leaves: planeLeaves, down: down, up: uplinks)
  }

  /// Storage leaves' ports in use, all planes: each plane fills its storage leaves in order (k/2 down, k/2 up).
  func storageLeafLoads(tiers: Int, planeStorageLeaves: Int) -> [SwitchLoad] {
    guard tiers > 1, planeStorageLeaves > 0 else { return [] }
    return filledLeaves(
      endpoints: request.storageEndpoints, leaves: planeStorageLeaves, down: storageDown, up: storageUp)
  }

  /// `endpoints` spread over the planes (E mod P planes get one more), each plane filling its `leaves` in
  /// order, `down` ports each, every leaf with `up` uplinks in use.
  func filledLeaves(endpoints: Int, leaves: Int, down: Int, up: Int) -> [SwitchLoad] {
    let fewer = endpoints / planes
    let fuller = endpoints % planes
    var loads: [SwitchLoad] = []
    for (count, ports) in [(fuller, fewer + 1), (planes - fuller, fewer)] where count > 0 {
      let full = ports / down
      let rest = ports % down
      let empty = leaves - full - (rest > 0 ? 1 : 0)
      loads.append(SwitchLoad(switches: saturatingMultiply(count, full), ports: down + up))
      if rest > 0 { loads.append(SwitchLoad(switches: count, ports: rest + up)) }
      loads.append(SwitchLoad(switches: saturatingMultiply(count, empty), ports: up))
    }
    return loads
  }

  /// One group per port count, most ports first, so equal fabrics compare equal.
  func merged(_ loads: [SwitchLoad]) -> [SwitchLoad] {
    var byPorts: [Int: Int] = [:]
    for load in loads where load.switches > 0 {
      byPorts[load.ports] = saturatingAdd(byPorts[load.ports, default: 0], load.switches)
    }
    return byPorts.sorted { $0.key > $1.key }.map { SwitchLoad(switches: $0.value, ports: $0.key) }
  }
}

// MARK: - Arithmetic

/// ceil(a / b) for a ≥ 0, b ≥ 1, without the overflow of (a + b − 1) / b near Int.max.
private func ceilDivide(_ a: Int, _ b: Int) -> Int {
  a / b + (a % b > 0 ? 1 : 0)
}
