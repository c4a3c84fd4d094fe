/// Switches that have the same number of ports in use. Kept with a size because optics are rounded up per
/// switch, and which leaves are partly filled depends on the topology (a rail-optimized partial unit leaves
/// every rail's leaf short; a fat-tree fills leaves in order), which the public counts alone cannot tell.
struct SwitchLoad: Sendable, Hashable {
  var switches: Int
  var ports: Int
}

/// A fabric's switch tiers (a dragonfly's routers are its leaves; a one-tier fabric's switch is a leaf).
public enum FabricTier: String, CaseIterable, Sendable {
  case leaf, spine, core
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
  /// Of `leaves`, those that hold storage nodes (all planes), and the uplinks of each.
  public var storageLeaves: Int
  public var storageLeafUp = 0
  public var spines: Int
  public var cores: Int
  public var switches: Int { leaves + spines + cores }
  public func switches(in tier: FabricTier) -> Int {
    switch tier {
    case .leaf: leaves
    case .spine: spines
    case .core: cores
    }
  }
  /// Switch-to-switch links (both leaf–spine and spine–core), all planes.
  public var switchLinks: Int
  /// Endpoint–switch links (= endpoints + storage endpoints).
  public var endpointLinks: Int
  /// Links of backup hosts to the leaves' spare ports (not endpoints).
  public var spareLinks = 0
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
  /// Ports of the fullest spine toward the leaves and toward the cores (0 below three tiers).
  public var spineDown = 0
  public var spineUp = 0
  /// A three-tier fabric's pods (per plane: a plane's pod is one pod) and each pod's leaves and spines per
  /// plane; 0 without `podEndpoints`.
  public var pods = 0
  public var leavesPerPod = 0
  public var spinesPerPod = 0
  /// Ports in use per switch, grouped (all planes); the sum is `switchPortsUsed`.
  var switchLoads: [SwitchLoad]
}

/// The Fabric field a sizing error points at.
public enum FabricField: Sendable, Hashable {
  case switchModel, spineSwitch, coreSwitch, tiers, planes, oversubscription, spineOversubscription, pod
  case dualHomed, leafGroup, sparePorts, dragonfly
}

public enum FabricSizingError: Error, Sendable, Hashable {
  /// More endpoints than the declared tiers (or 3 tiers, for auto) can hold.
  case exceedsCapacity(endpoints: Int, capacity: Int, tiers: Int)
  /// Radix or ratio that cannot build a fabric (radix < 2, down/up not positive, leafDown == 0, …), with the
  /// field that decides it.
  case invalidParameters(String, field: FabricField)
  /// A dragonfly router needs more ports than the switch has: p + (a − 1) + h > radix.
  case dragonflyRadix(needed: Int, radix: Int)
  /// More dragonfly groups than global links can join (a × h + 1).
  case dragonflyGroups(groups: Int, maximum: Int)
}
