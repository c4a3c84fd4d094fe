import KilnSupport

/// Sizing of a canonical dragonfly (docs/models.md §4.11): g groups of a routers, each router with p
/// endpoints, a − 1 links to its group's other routers and h global links. ISCA'25 (arXiv:2505.09343)
/// Table 3's DF column: a = 32, p = h = 16, g = 511 — 261,632 endpoints, 16,352 switches, 384,272 links.
enum Dragonfly {
  static func size(_ request: FabricRequest) -> Result<FabricSize, FabricSizingError> {
    guard let shape = request.dragonfly else {
      return .failure(
        .invalidParameters(
          "a dragonfly needs its shape (routersPerGroup, hostsPerRouter, globalLinksPerRouter)", field: .dragonfly))
    }
    let a = shape.routersPerGroup
    let p = shape.hostsPerRouter
    let h = shape.globalLinksPerRouter
    guard a >= 1, p >= 1, h >= 0, request.endpoints >= 0, request.storageEndpoints >= 0 else {
      return .failure(
        .invalidParameters("a dragonfly needs at least one router per group and one host per router", field: .dragonfly)
      )
    }
    guard shape.routerPorts <= request.radix else {
      return .failure(.dragonflyRadix(needed: shape.routerPorts, radix: request.radix))
    }
    let endpoints = saturatingAdd(request.endpoints, request.storageEndpoints)
    let perGroup = saturatingMultiply(a, p)
    let groups = shape.groups ?? max(1, (endpoints + perGroup - 1) / perGroup)
    guard groups <= shape.maximumGroups else {
      return .failure(.dragonflyGroups(groups: groups, maximum: shape.maximumGroups))
    }
    let capacity = saturatingMultiply(perGroup, groups)
    guard endpoints <= capacity else {
      return .failure(.exceedsCapacity(endpoints: endpoints, capacity: capacity, tiers: 1))
    }
    let routers = saturatingMultiply(a, groups)
    let local = saturatingMultiply(groups, a * (a - 1) / 2)
    let global = globalLinks(groups: groups, portsPerGroup: a * h).count
    // Routers fill with endpoints in order; every router uses its a − 1 local ports and its global ports, but
    // for the one port per group that an odd number of ports over an odd number of groups leaves unused (the
    // group's last), and all of them with one group.
    let unusedLast = a * h % 2 == 1 && groups % 2 == 1 ? 1 : 0
    var byPorts: [Int: Int] = [:]
    let full = endpoints / p
    let partial = endpoints % p > 0 ? 1 : 0
    for (lo, hi, hosts) in [(0, full, p), (full, full + partial, endpoints % p), (full + partial, routers, 0)]
    where hi > lo {
      // Routers a − 1, 2a − 1, … are the groups' last.
      let last = hi / a - lo / a
      if groups == 1 {
        byPorts[a - 1 + hosts, default: 0] += hi - lo
      } else {
        byPorts[a - 1 + hosts + h, default: 0] += hi - lo - last
        byPorts[a - 1 + hosts + h - unusedLast, default: 0] += last
      }
    }
    var size = FabricSize(
      tiers: 1, planes: 1, leafDown: p, leafUp: a - 1 + h, leaves: routers, storageLeaves: 0, spines: 0, cores: 0,
      switchLinks: saturatingAdd(local, global), endpointLinks: endpoints, capacity: capacity, switchPortsUsed: 0,
      hops: endpoints > 0 ? 3 : 0,
      switchLoads: byPorts.sorted { $0.key > $1.key }.map { SwitchLoad(switches: $0.value, ports: $0.key) })
    size.groups = groups
    size.switchPortsUsed = size.switchLoads.reduce(0) { saturatingAdd($0, saturatingMultiply($1.switches, $1.ports)) }
    return .success(size)
  }

  /// The global links, as (group, port) pairs: `portsPerGroup` = a × h global ports per group, numbered in
  /// router order (port k is router k ÷ h's global port k mod h). Offset classes join group G to G + d and
  /// G − d, one port each way, for d = 1 … ⌊(g − 1)/2⌋ in turn until the ports run out; with an even g an odd
  /// port left over joins G to G + g/2. Every port is used at most once, and all of them whenever g × a × h
  /// is even and g > 1 (ISCA's 511 groups of 512 ports: 256 classes, 130,816 links).
  static func globalLinks(groups g: Int, portsPerGroup ports: Int) -> [(from: (Int, Int), to: (Int, Int))] {
    guard g > 1, ports > 0 else { return [] }
    var links: [(from: (Int, Int), to: (Int, Int))] = []
    if g == 2 {
      for port in 0..<ports { links.append(((0, port), (1, port))) }
      return links
    }
    let offsets = (g - 1) / 2
    for index in 0..<(ports / 2) {
      let d = 1 + index % offsets
      for group in 0..<g { links.append(((group, 2 * index), ((group + d) % g, 2 * index + 1))) }
    }
    if ports % 2 == 1, g % 2 == 0 {
      for group in 0..<(g / 2) { links.append(((group, ports - 1), (group + g / 2, ports - 1))) }
    }
    return links
  }
}
