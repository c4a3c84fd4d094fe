import KilnSupport

extension FabricSizing {
  /// Cables for the uplinks of one tier's switches when a cable carries up to `linksPerCable` links between
  /// the same two switches (an 800G twin-port cable carrying two 400G links). A switch spreads its u uplinks
  /// over the T switches it reaches the way the expansion wires them (link g to g mod T), so r = u mod T
  /// of them take q + 1 links and the rest q (q = u / T), whatever link it starts at: ceil(links / c) cables
  /// each. The leaves' uplinks go to their pod's spines (all of a plane's without pods), the spines' to the
  /// plane's cores. A dragonfly's routers are joined by one link per pair: a cable each.
  public static func uplinkCables(_ size: FabricSize, tier: FabricTier, linksPerCable: Int) -> Int {
    let planes = max(1, size.planes)
    let perCable = max(1, linksPerCable)
    func cables(links: Int, over targets: Int) -> Int {
      guard targets > 0, links > 0 else { return 0 }
      let q = links / targets
      let r = links % targets
      return saturatingAdd(
        saturatingMultiply(r, ceilDivide(q + 1, perCable)), saturatingMultiply(targets - r, ceilDivide(q, perCable)))
    }
    if size.groups > 0 { return tier == .leaf ? size.switchLinks : 0 }
    switch tier {
    case .leaf:
      let spines = size.pods > 0 ? size.spinesPerPod : size.spines / planes
      let clientLeaves = size.leaves - size.storageLeaves
      return saturatingAdd(
        saturatingMultiply(clientLeaves, cables(links: size.leafUp, over: spines)),
        saturatingMultiply(size.storageLeaves, cables(links: size.storageLeafUp, over: spines)))
    case .spine: return saturatingMultiply(size.spines, cables(links: size.spineUp, over: size.cores / planes))
    case .core: return 0
    }
  }
}
