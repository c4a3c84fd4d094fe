// Fabric sizing by the rules of docs/language.md §4.5 (Fabric, "Sizing"). The formulas are checked against
// published figures: ISCA'25 (arXiv:2505.09343) Table 3 (FT2, MPFT, FT3 at k = 64), the DGX SuperPOD H100
// reference architecture (RA-11333-001) Tables 3–4 and Fire-Flyer (arXiv:2408.14158) §III.
import KilnSupport

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
  /// The leaves', spines' and cores' radix.
  let radix: Int
  let spineRadix: Int
  let coreRadix: Int
  /// Leaf ports toward endpoints (the fullest leaf's) and toward spines.
  let down: Int
  let up: Int
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
  /// A three-tier spine's ports toward the leaves and the cores: with pods, those of one pod's spines.
  let spineDown: Int
  let spineUp: Int
  /// With pods: leaves and spines of one pod (per plane).
  let pod: (leaves: Int, spines: Int)?
  /// One plane's leaf uplinks: the clients' leaves and the storage leaves.
  var uplinks: Int { saturatingAdd(saturatingMultiply(leaves, up), saturatingMultiply(storageLeaves, storageUp)) }
  var pods: Int { pod.map { ceilDivide(leaves, max(1, $0.leaves)) } ?? 0 }

  static func make(_ request: FabricRequest) -> Result<Plan, FabricSizingError> {
    func invalid(_ message: String, _ field: FabricField = .switchModel) -> Result<Plan, FabricSizingError> {
      .failure(.invalidParameters(message, field: field))
    }
    guard request.endpoints >= 0, request.nodes >= 0, request.portsPerNode >= 0, request.storageEndpoints >= 0 else {
      return invalid("endpoints, nodes and ports per node must not be negative")
    }
    for (tier, radix, field) in [
      ("switch", request.radix, FabricField.switchModel),
      ("spine switch", request.spineRadix ?? request.radix, .spineSwitch),
      ("core switch", request.coreRadix ?? request.radix, .coreSwitch),
    ] {
      guard radix >= 2 else { return invalid("\(tier) radix \(radix) is below 2", field) }
      // No switch comes near this; the bound keeps every per-plane count (≤ k³/2 links) far from overflow.
      guard radix <= maxRadix else { return invalid("\(tier) radix \(radix) is above \(maxRadix)", field) }
    }
    if let tiers = request.tiers, !(1...3).contains(tiers) {
      return invalid("tiers must be 1, 2 or 3, not \(tiers)", .tiers)
    }
    for (down, up, field) in [
      (request.down, request.up, FabricField.oversubscription),
      (request.spineDown, request.spineUp, .spineOversubscription),
    ] {
      guard down.isFinite, up.isFinite, down > 0, up > 0 else {
        return invalid("oversubscription \(down):\(up) must have both sides positive", field)
      }
    }
    guard !request.dualHomed || request.portsPerNode % 2 == 0 else {
      return invalid(
        "dual-homing pairs each NIC's two ports, but the nodes have \(request.portsPerNode) ports", .dualHomed)
    }
    if let racks = request.leafRacks {
      guard request.topology == .fatTree || request.topology == .railOptimized, !request.dualHomed else {
        return invalid(
          "a leaf per rack is sized for fat-tree and rail-optimized fabrics without dual-homing", .leafGroup)
      }
      // The fullest rack's ports down, and as many up as they need at down:up.
      let fullest = racks.max() ?? 0
      let uplinks = Self.ports(fullest, times: request.up / request.down)
      let factor = max(1, request.downBreakout ?? 1)
      let physicalDown = ceilDivide(saturatingAdd(fullest, request.sparePorts), factor)
      guard saturatingAdd(physicalDown, uplinks) <= request.radix else {
        return invalid(
          "a leaf per rack needs \(physicalDown) ports down for a rack of \(fullest) endpoint ports"
            + "\(request.sparePorts > 0 ? " and \(request.sparePorts) spare" : "") and \(uplinks) up at "
            + "\(Self.ratio(request.down, request.up)); a leaf has \(request.radix)", .leafGroup)
      }
      return make(request, down: max(1, fullest), up: max(1, uplinks))
    }
    let down = leafDownPorts(radix: request.radix, down: request.down, up: request.up)
    guard down >= 1 else {
      return invalid(
        "oversubscription \(Self.ratio(request.down, request.up)) leaves no leaf port for endpoints", .oversubscription)
    }
    guard down < request.radix else {
      return invalid(
        "oversubscription \(Self.ratio(request.down, request.up)) leaves no leaf port for uplinks", .oversubscription)
    }
    let up = request.radix - down
    var endpointPorts = down
    if let factor = request.downBreakout {
      guard factor >= 1 else { return invalid("a down-side breakout of \(factor) ports per port is not possible") }
      endpointPorts = saturatingMultiply(down, factor)
    }
    guard request.sparePorts >= 0, request.sparePorts < endpointPorts else {
      return invalid(
        "a leaf keeping \(request.sparePorts) spare ports of its \(endpointPorts) down ports has none for endpoints",
        .sparePorts)
    }
    return make(request, down: endpointPorts - request.sparePorts, up: up)
  }

  /// The rest of `make`, with the leaves' endpoint (down) and uplink (up) port counts decided.
  static func make(_ request: FabricRequest, down: Int, up: Int) -> Result<Plan, FabricSizingError> {
    func invalid(_ message: String, _ field: FabricField = .switchModel) -> Result<Plan, FabricSizingError> {
      .failure(.invalidParameters(message, field: field))
    }

    var planes = 1
    if request.topology == .multiPlane {
      planes = request.planes ?? request.portsPerNode
      guard planes >= 1 else { return invalid("a multi-plane fabric needs at least 1 plane, not \(planes)", .planes) }
      guard !request.dualHomed || planes % 2 == 0 else {
        return invalid(
          "dual-homing puts a NIC's two ports in two planes (port i joins plane i mod \(planes)), "
            + "so the plane count must be even, not \(planes)", .dualHomed)
      }
    }
    let planeEndpoints = ceilDivide(request.endpoints, planes)
    // Leaves for `endpoints` of one plane: pairs of leaves when each NIC's ports go to two of them.
    func leavesFor(_ endpoints: Int) -> Int {
      if request.dualHomed && request.topology == .fatTree { return 2 * ceilDivide(ceilDivide(endpoints, 2), down) }
      return ceilDivide(endpoints, down)
    }

    var leaves = leavesFor(planeEndpoints)
    var podLeaves = request.podEndpoints.map { leavesFor(ceilDivide($0, planes)) }
    if request.topology == .railOptimized {
      guard !request.dualHomed else { return invalid("dual-homed rail-optimized fabrics are not sized", .dualHomed) }
      let (ports, overflow) = request.nodes.multipliedReportingOverflow(by: request.portsPerNode)
      guard !overflow, ports == request.endpoints else {
        return invalid(
          "a rail-optimized fabric needs endpoints = nodes × ports per node "
            + "(\(request.endpoints) ≠ \(request.nodes) × \(request.portsPerNode))")
      }
      let rails = max(1, request.portsPerNode)
      // A unit (or rack) per leaf on each rail: a pod holds whole units.
      let perUnit = request.leafRacks.map { $0.max() ?? 1 } ?? down
      leaves = saturatingMultiply(ceilDivide(request.nodes, down), rails)
      if let racks = request.leafRacks { leaves = saturatingMultiply(racks.count, rails) }
      podLeaves = request.podEndpoints.map { saturatingMultiply(ceilDivide(ceilDivide($0, rails), perUnit), rails) }
    } else if request.topology == .fatTree, let racks = request.leafRacks {
      leaves = racks.count
      podLeaves = request.podEndpoints.map { ceilDivide($0, max(1, racks.max() ?? 1)) }
    }
    if request.dualHomed && request.topology == .fatTree && request.tiers == 1 {
      return invalid(
        "dual-homing needs two leaves for each NIC's two ports; a one-tier fabric has one switch", .dualHomed)
    }
    if let error = spareRoom(request, leaves: leaves, planes: planes) { return .failure(error) }
    let planeStorage = ceilDivide(request.storageEndpoints, planes)
    let storageDown = leafDownPorts(radix: request.radix, down: 1, up: 1)
    let spineRadix = request.spineRadix ?? request.radix
    var spineDown: Int
    var spineUp: Int
    switch spineTaper(request, spineRadix: spineRadix) {
    case .success(let ports): (spineDown, spineUp) = ports
    case .failure(let error): return .failure(error)
    }
    var pod: (leaves: Int, spines: Int)?
    if let podEndpoints = request.podEndpoints, let perPod = podLeaves {
      guard podEndpoints >= 1 else { return invalid("a pod needs at least one endpoint", .pod) }
      guard request.storageEndpoints == 0 else {
        return invalid("pods are sized for compute fabrics; this one has storage nodes", .pod)
      }
      let inPod = max(1, min(perPod, leaves))
      switch podSpines(request, podLeaves: inPod, up: up, spineRadix: spineRadix) {
      case .success(let spines):
        pod = (inPod, spines.count)
        (spineDown, spineUp) = (spines.down, spines.up)
      case .failure(let error): return .failure(error)
      }
    }
    return .success(
      Plan(
        request: request, radix: request.radix, spineRadix: spineRadix, coreRadix: request.coreRadix ?? request.radix,
        down: down, up: up, planes: planes, planeEndpoints: planeEndpoints, leaves: leaves,
        planeStorage: planeStorage, storageLeaves: ceilDivide(planeStorage, storageDown), storageDown: storageDown,
        spineDown: spineDown, spineUp: spineUp, pod: pod))
  }

  /// Backup hosts fill the leaves' spare ports in order (per plane, per dual-homed pair, or a rail unit's
  /// leaves per host): an error at `sparePorts` when the leaves keep too few.
  static func spareRoom(_ request: FabricRequest, leaves: Int, planes: Int) -> FabricSizingError? {
    guard request.spareEndpoints > 0 else { return nil }
    let rails = request.topology == .railOptimized ? max(1, request.portsPerNode) : 1
    let (needed, room): (Int, Int) =
      request.topology == .railOptimized
      ? (request.spareNodes, saturatingMultiply(leaves / rails, request.sparePorts))
      : request.dualHomed && request.topology == .fatTree
        ? (ceilDivide(request.spareEndpoints, 2), saturatingMultiply(leaves / 2, request.sparePorts))
        : (ceilDivide(request.spareEndpoints, planes), saturatingMultiply(leaves, request.sparePorts))
    guard needed > room else { return nil }
    let what = request.topology == .railOptimized ? "backup hosts" : "backup-host ports"
    return .invalidParameters(
      "\(needed) \(what)\(planes > 1 ? " per plane" : "") need spare leaf ports; "
        + "the leaves keep \(room) (sparePorts \(request.sparePorts))", field: .sparePorts)
  }

  /// A three-tier spine's ports down and up: k/2 each at 1:1, else split by the spine's ratio.
  static func spineTaper(_ request: FabricRequest, spineRadix: Int) -> Result<(Int, Int), FabricSizingError> {
    guard abs(request.spineDown - request.spineUp) > 1e-9 * max(request.spineDown, request.spineUp) else {
      return .success((spineRadix / 2, spineRadix / 2))
    }
    let down = leafDownPorts(radix: spineRadix, down: request.spineDown, up: request.spineUp)
    let up = spineRadix - down
    guard down >= 1, up >= 1 else {
      return .failure(
        .invalidParameters(
          "spine oversubscription \(ratio(request.spineDown, request.spineUp)) leaves a \(spineRadix)-port spine "
            + "no port \(down < 1 ? "toward the leaves" : "toward the cores")", field: .spineOversubscription))
    }
    return .success((down, up))
  }

  /// One pod's spines: the fewest that take its leaves' uplinks with the spines' own uplinks at the spine
  /// ratio, a count dividing each leaf's uplinks first (every leaf reaches every spine equally), else any up
  /// to `up`; with the fullest spine's ports down and up. An error at `pod` when no count up to `up` fits.
  static func podSpines(
    _ request: FabricRequest, podLeaves: Int, up: Int, spineRadix: Int
  ) -> Result<(count: Int, down: Int, up: Int), FabricSizingError> {
    let total = saturatingMultiply(podLeaves, up)
    let taper = request.spineUp / request.spineDown
    func fits(_ spines: Int, even: Bool) -> Bool {
      guard !even || up % spines == 0 else { return false }
      let ports = ceilDivide(total, spines)
      return saturatingAdd(ports, Self.ports(ports, times: taper)) <= spineRadix
    }
    guard
      let spines = (1...up).first(where: { fits($0, even: true) }) ?? (1...up).first(where: { fits($0, even: false) })
    else {
      // The best case: as many spines as a leaf has uplinks.
      let down = ceilDivide(total, up)
      let needed = Self.ports(down, times: taper)
      return .failure(
        .invalidParameters(
          "a pod of \(podLeaves) leaves with \(up) uplinks each reaches at most \(up) spines, and each would need "
            + "\(down) ports down and \(needed) up at \(ratio(request.spineDown, request.spineUp)) "
            + "(\(saturatingAdd(down, needed))); the spine switch has \(spineRadix)", field: .pod))
    }
    let down = ceilDivide(total, spines)
    return .success((spines, down, Self.ports(down, times: taper)))
  }

  /// ceil(ports × ratio), a product within 1e-9 above an integer counting as that integer.
  static func ports(_ ports: Int, times ratio: Double) -> Int {
    let exact = Double(ports) * ratio
    guard exact.isFinite, exact >= 0 else { return Int.max }
    guard exact < Double(Int.max / 2) else { return Int.max / 2 }
    let floor = Int(exact)
    return exact - Double(floor) < 1e-9 ? floor : floor + 1
  }

  /// down:up as the spec writes it: the larger side over 1 ("7:1", "1:1000"), whichever form the ratio was
  /// stored in (the spec keeps down ÷ up).
  static func ratio(_ down: Double, _ up: Double) -> String {
    func text(_ value: Double) -> String {
      guard value.isFinite, abs(value) < 1e15 else { return String(value) }
      let rounded = (value * 1_000).rounded() / 1_000
      return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
    guard down > 0, up > 0 else { return "\(text(down)):\(text(up))" }
    return down >= up ? "\(text(down / up)):1" : "1:\(text(up / down))"
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

  /// Most client leaves a plane of these tiers can hold beside its storage leaves: two tiers, a spine's
  /// ports' worth (a spine takes a link from each leaf); three tiers, uplinks for at most k_core × k_spine/2
  /// spines with their down ports each (k³/4 endpoints at 1:1 on one switch model).
  func maxLeaves(tiers: Int) -> Int {
    switch tiers {
    case 2: max(0, spineRadix - storageLeaves)
    case 3:
      max(
        0,
        saturatingMultiply(saturatingMultiply(coreRadix, spineRadix / 2), spineDown)
          - saturatingMultiply(storageLeaves, storageUp)) / up
    default: 0
    }
  }

  func fits(tiers: Int) -> Bool {
    if let pod {
      // A pod is closed under its spines; cores join one spine of each pod per port, so at most k_core pods.
      switch tiers {
      case 1: return false
      case 2: return pods <= 1 && leaves <= maxLeaves(tiers: 2)
      default: return pods <= coreRadix && pod.leaves >= 1
      }
    }
    if tiers == 1 && request.dualHomed && request.topology == .fatTree { return false }
    return tiers == 1 ? saturatingAdd(planeEndpoints, planeStorage) <= radix : leaves <= maxLeaves(tiers: tiers)
  }

  /// Endpoints these tiers hold over all planes, storage ports included. Rail-optimized counts whole units
  /// only: a unit needs a leaf per rail, so leaves beyond a multiple of the rail count carry nothing.
  func capacity(tiers: Int) -> Int {
    var perPlane = max(0, radix - planeStorage)
    if tiers > 1 {
      var leaves = maxLeaves(tiers: tiers)
      if let pod { leaves = tiers == 2 ? pod.leaves : saturatingMultiply(coreRadix, pod.leaves) }
      if request.topology == .railOptimized {
        let rails = max(request.portsPerNode, 1)
        // By rack, a leaf holds a rack's servers, not `down` of them.
        let perLeaf = request.leafRacks.map { min(down, $0.max() ?? down) } ?? down
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
    size.spareLinks = tiers > 1 ? request.spareEndpoints : 0

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
      let needed = ceilDivide(uplinks, spineRadix)
      spines =
        (needed...max(needed, up, storageUp)).first { count in
          (leaves == 0 || up % count == 0) && (storageLeaves == 0 || storageUp % count == 0)
        } ?? needed
      links = uplinks
      loads += Self.spread(links, over: spines, plus: 0)
      size.spineDown = ceilDivide(links, spines)
    default:
      if let pod {
        // Every pod has its spines; a pod's uplinks spread over them, and the last pod may hold fewer leaves.
        let full = leaves / pod.leaves
        let rest = leaves % pod.leaves
        spines = saturatingMultiply(pods, pod.spines)
        for (count, podLeaves) in [(full, pod.leaves), (rest > 0 ? 1 : 0, rest)] where count > 0 {
          loads += Self.spread(podLeaves * up, over: pod.spines, plus: spineUp).map {
            SwitchLoad(switches: count * $0.switches, ports: $0.ports)
          }
        }
        size.pods = pods
        size.leavesPerPod = pod.leaves
        size.spinesPerPod = pod.spines
      } else {
        // The leaves' uplinks go round the spines (link g to spine g mod S, as the expansion wires them), so
        // U mod S spines take one link more; every spine uses all its uplinks.
        spines = ceilDivide(uplinks, spineDown)
        loads += Self.spread(uplinks, over: spines, plus: spineUp)
      }
      // The spines' uplinks go round the cores the same way.
      let coreLinks = spines * spineUp
      cores = ceilDivide(coreLinks, coreRadix)
      links = uplinks + coreLinks
      loads += Self.spread(coreLinks, over: cores, plus: 0)
      // The fullest spine's down ports (a full pod's with pods); its uplinks are numbered after them.
      size.spineDown = pod == nil ? ceilDivide(uplinks, max(1, spines)) : spineDown
      size.spineUp = spineUp
    }
    // Many near-empty planes could overflow the totals; they saturate instead.
    loads = loads.map { SwitchLoad(switches: saturatingMultiply($0.switches, planes), ports: $0.ports) }
    loads += leafLoads(tiers: tiers, planeLeaves: planeLeaves)
    loads += storageLeafLoads(tiers: tiers, planeStorageLeaves: planeStorageLeaves)

    size.leaves = saturatingMultiply(planeLeaves + planeStorageLeaves, planes)
    size.storageLeaves = saturatingMultiply(planeStorageLeaves, planes)
    size.storageLeafUp = tiers > 1 && planeStorageLeaves > 0 ? storageUp : 0
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
  /// than the rest; every plane is built for the fullest. A fat-tree plane fills its leaves in order (a pair
  /// at a time when dual-homed); a rail-optimized unit puts each node's rail r on the unit's leaf r; a leaf
  /// per rack holds its rack.
  func leafLoads(tiers: Int, planeLeaves: Int) -> [SwitchLoad] {
    let uplinks = tiers == 1 ? 0 : up
    let rails = max(1, request.portsPerNode)
    let spare = max(1, request.sparePorts)
    func withUplinks(_ runs: [SwitchLoad]) -> [SwitchLoad] {
      runs.map { SwitchLoad(switches: $0.switches, ports: $0.ports + uplinks) }
    }
    if tiers > 1, let racks = request.leafRacks {
      let perRack = request.topology == .railOptimized ? rails : 1
      let spares = request.topology == .railOptimized ? request.spareNodes : request.spareEndpoints
      return withUplinks(
        Self.merged(
          racks.map { SwitchLoad(switches: perRack, ports: $0) },
          Self.fill(spares, perLeaf: spare, leaves: planeLeaves, unit: perRack)))
    }
    if request.topology == .railOptimized && tiers > 1 {
      // Rail r of every node (and backup host) of a unit on the unit's leaf r.
      return withUplinks(
        Self.merged(
          Self.fill(request.nodes, perLeaf: down, leaves: planeLeaves, unit: rails),
          Self.fill(request.spareNodes, perLeaf: spare, leaves: planeLeaves, unit: rails)))
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
    if request.dualHomed && request.topology == .fatTree {
      // Each leaf of a pair holds one port of each of its NICs (and of its backup hosts' NICs).
      return withUplinks(
        Self.merged(
          Self.fill(request.endpoints / 2, perLeaf: down, leaves: planeLeaves, unit: 2),
          Self.fill(request.spareEndpoints / 2, perLeaf: spare, leaves: planeLeaves, unit: 2)))
    }
    return filledLeaves(
      endpoints: request.endpoints, leaves: planeLeaves, down: down, up: uplinks, spare: request.spareEndpoints)
  }

  /// Storage leaves' ports in use, all planes: each plane fills its storage leaves in order (k/2 down, k/2 up).
  func storageLeafLoads(tiers: Int, planeStorageLeaves: Int) -> [SwitchLoad] {
    guard tiers > 1, planeStorageLeaves > 0 else { return [] }
    return filledLeaves(
      endpoints: request.storageEndpoints, leaves: planeStorageLeaves, down: storageDown, up: storageUp)
  }

  /// `endpoints` spread over the planes (E mod P planes get one more), each plane filling its `leaves` in
  /// order, `down` ports each, every leaf with `up` uplinks in use; `spare` backup-host ports spread the
  /// same way over the planes and fill each plane's leaves' spare ports in order.
  func filledLeaves(endpoints: Int, leaves: Int, down: Int, up: Int, spare: Int = 0) -> [SwitchLoad] {
    let fewer = endpoints / planes
    let fuller = endpoints % planes
    let spareFewer = spare / planes
    let spareFuller = spare % planes
    var loads: [SwitchLoad] = []
    // Planes with one endpoint more come first, as do planes with one backup-host port more.
    let bounds = [0, min(fuller, spareFuller), max(fuller, spareFuller), planes]
    for index in 0..<3 where bounds[index + 1] > bounds[index] {
      let plane = bounds[index]
      let runs = Self.merged(
        Self.fill(fewer + (plane < fuller ? 1 : 0), perLeaf: down, leaves: leaves, unit: 1),
        Self.fill(
          spareFewer + (plane < spareFuller ? 1 : 0), perLeaf: max(1, request.sparePorts), leaves: leaves, unit: 1))
      loads += runs.map {
        SwitchLoad(switches: saturatingMultiply($0.switches, bounds[index + 1] - plane), ports: $0.ports + up)
      }
    }
    return loads
  }

  /// `links` dealt round `switches` switches (link g to switch g mod S): S − r take q and r take q + 1
  /// (q = links / S, r = links mod S), each with `plus` ports more.
  static func spread(_ links: Int, over switches: Int, plus: Int) -> [SwitchLoad] {
    guard switches > 0 else { return [] }
    return [
      SwitchLoad(switches: switches - links % switches, ports: links / switches + plus),
      SwitchLoad(switches: links % switches, ports: links / switches + 1 + plus),
    ].filter { $0.switches > 0 }
  }

  /// Runs of `leaves` leaves in leaf order as `count` ports fill them, `perLeaf` at a time, `unit` leaves
  /// sharing each fill (a rail unit's leaves, a dual-homed pair): full ones, one part-filled, empty ones.
  static func fill(_ count: Int, perLeaf: Int, leaves: Int, unit: Int) -> [SwitchLoad] {
    let full = count / max(1, perLeaf)
    let rest = count % max(1, perLeaf)
    let used = saturatingMultiply(full + (rest > 0 ? 1 : 0), unit)
    return [
      SwitchLoad(switches: saturatingMultiply(full, unit), ports: perLeaf),
      SwitchLoad(switches: rest > 0 ? unit : 0, ports: rest),
      SwitchLoad(switches: max(0, leaves - used), ports: 0),
    ].filter { $0.switches > 0 }
  }

  /// Two run lists over the same leaves in the same order, their ports added leaf by leaf.
  static func merged(_ a: [SwitchLoad], _ b: [SwitchLoad]) -> [SwitchLoad] {
    var result: [SwitchLoad] = []
    var left = a.filter { $0.switches > 0 }
    var right = b.filter { $0.switches > 0 }
    while let first = left.first {
      guard let second = right.first else {
        result += left
        break
      }
      let take = min(first.switches, second.switches)
      result.append(SwitchLoad(switches: take, ports: first.ports + second.ports))
      left[0].switches -= take
      right[0].switches -= take
      if left[0].switches == 0 { left.removeFirst() }
      if right[0].switches == 0 { right.removeFirst() }
    }
    return result
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
func ceilDivide(_ a: Int, _ b: Int) -> Int {
  a / b + (a % b > 0 ? 1 : 0)
}
