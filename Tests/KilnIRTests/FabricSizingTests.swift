import Testing

@testable import KilnIR

/// Fabric sizing must reproduce the published switch and link counts it is built from: Fire-Flyer
/// (arXiv:2408.14158) §III, ISCA'25 (arXiv:2505.09343) Table 3 and the DGX SuperPOD H100 reference
/// architecture (RA-11333-001) Tables 3, 4 and 7. Each case below names its table.
@Suite struct FabricSizingTests {
  /// One published fabric: what was asked and the counts the source prints.
  struct Published: Sendable, CustomTestStringConvertible {
    let name: String
    let request: FabricRequest
    let tiers: Int
    let leaves: Int
    let spines: Int
    let cores: Int
    let switchLinks: Int
    var testDescription: String { name }
  }

  static func fatTree(_ endpoints: Int, radix: Int = 64, tiers: Int? = nil) -> FabricRequest {
    FabricRequest(
      topology: .fatTree, endpoints: endpoints, nodes: endpoints, portsPerNode: 1, radix: radix, tiers: tiers)
  }

  static func superPOD(nodes: Int) -> FabricRequest {
    FabricRequest(topology: .railOptimized, endpoints: nodes * 8, nodes: nodes, portsPerNode: 8, radix: 64)
  }

  // ISCA'25 arXiv:2505.09343 Table 3 (64-port switches, 1:1): FT2 2,048 endpoints / 96 switches / 2,048
  // links; MPFT 16,384 / 768 / 16,384; FT3 65,536 / 5,120 / 131,072. Links are switch-to-switch only.
  static let isca: [Published] = [
    Published(
      name: "ISCA FT2", request: fatTree(2048), tiers: 2, leaves: 64, spines: 32, cores: 0, switchLinks: 2048),
    Published(
      name: "ISCA MPFT (2,048 nodes × 8 ports, 8 planes)",
      request: FabricRequest(topology: .multiPlane, endpoints: 16384, nodes: 2048, portsPerNode: 8, radix: 64),
      tiers: 2, leaves: 512, spines: 256, cores: 0, switchLinks: 16384),
    Published(
      name: "ISCA FT3", request: fatTree(65536, tiers: 3), tiers: 3, leaves: 2048, spines: 2048, cores: 1024,
      switchLinks: 131_072),
  ]

  // NVIDIA DGX SuperPOD H100 RA RA-11333-001 Table 4 (nodes = 32·SU − 1, one slot goes to UFM) and Table 3
  // (32 nodes per SU): QM9700 (k = 64), rail-optimized, 8 rails, non-blocking. 3 SU needs 16 spines, not
  // 12: the spine count must divide a leaf's 32 uplinks.
  static let superPODs: [Published] = [
    (31, 8, 4, 0), (63, 16, 8, 0), (95, 24, 16, 0), (127, 32, 16, 0), (128, 32, 16, 0), (256, 64, 32, 0),
    (512, 128, 128, 64), (1024, 256, 256, 128), (2048, 512, 512, 256),
  ].map { nodes, leaves, spines, cores in
    Published(
      name: "SuperPOD \(nodes) nodes", request: superPOD(nodes: nodes), tiers: cores == 0 ? 2 : 3,
      leaves: leaves, spines: spines, cores: cores, switchLinks: leaves * 32 + (cores == 0 ? 0 : spines * 32))
  }

  // DeepSeek-V3 cluster (ISCA'25 arXiv:2505.09343 §5.1: 8 IB NICs per node, one per plane; V3 report: 2,048
  // H800 = 256 nodes): 8 planes × (8 leaves + 4 spines) = 96 switches.
  // Fire-Flyer arXiv:2408.14158 §III: QM8700 (40 ports) two-layer fat-tree, 800 endpoints, 40 leaves + 20 spines.
  static let others: [Published] = [
    Published(
      name: "DeepSeek-V3 MPFT",
      request: FabricRequest(topology: .multiPlane, endpoints: 2048, nodes: 256, portsPerNode: 8, radix: 64),
      tiers: 2, leaves: 64, spines: 32, cores: 0, switchLinks: 2048),
    Published(
      name: "Fire-Flyer zone", request: fatTree(800, radix: 40), tiers: 2, leaves: 40, spines: 20, cores: 0,
      switchLinks: 800),
  ]

  // NVIDIA DGX SuperPOD with DGX B300 and Quantum-X800 InfiniBand (RA-11339-001), Table 3: SUs of 72
  // DGX B300, rail-optimized, 8 rails of 800G on 144-port switches; leaves 8 per SU; spines 4 / 8 / 18 / 36
  // / 72 — the smallest divisor of a leaf's 72 uplinks that holds them (the 18-SU row's GPU cell prints
  // 9,216 for 1,296 × 8 = 10,368, a published typo; its cables say 10,368).
  static let superPODB300: [Published] = [(1, 8, 4), (2, 16, 8), (4, 32, 18), (8, 64, 36), (18, 144, 72)].map {
    units, leaves, spines in
    Published(
      name: "SuperPOD B300 XDR \(units) SU",
      request: FabricRequest(
        topology: .railOptimized, endpoints: units * 72 * 8, nodes: units * 72, portsPerNode: 8, radix: 144),
      tiers: 2, leaves: leaves, spines: spines, cores: 0, switchLinks: leaves * 72)
  }

  @Test(arguments: isca + superPODs + others + superPODB300)
  func publishedCounts(_ published: Published) throws {
    let size = try FabricSizing.size(published.request).get()
    #expect(size.tiers == published.tiers)
    #expect(size.leaves == published.leaves)
    #expect(size.spines == published.spines)
    #expect(size.cores == published.cores)
    #expect(size.switchLinks == published.switchLinks)
    #expect(size.endpointLinks == published.request.endpoints)
    #expect(size.hops == 2 * published.tiers - 1)
    // Every port in use is one end of a switch link or the switch end of an endpoint link.
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
    #expect(size.endpointLinks <= size.capacity)
  }

  // ISCA'25 arXiv:2505.09343 Table 3 totals as printed: switches and endpoint capacity.
  @Test(arguments: [(0, 96, 2048), (1, 768, 16384), (2, 5120, 65536)])
  func iscaTotals(index: Int, switches: Int, capacity: Int) throws {
    let size = try FabricSizing.size(Self.isca[index].request).get()
    #expect(size.switches == switches)
    #expect(size.capacity == capacity)
  }

  // Fire-Flyer arXiv:2408.14158 §III: one two-layer QM8700 fat-tree holds 800 endpoints (k²/2 at k = 40).
  @Test func fireFlyerCapacity() throws {
    let size = try FabricSizing.size(Self.fatTree(800, radix: 40)).get()
    #expect(size.capacity == 800)
    #expect(size.switches == 60)
  }

  // NVIDIA DGX SuperPOD H100 RA RA-11333-001 Table 7: the 4-SU (127-node) compute fabric has 48 QM9700 and
  // 1,536 switch-side twin-port OSFP modules. The 8 leaves of the 31-node unit use 63 ports, still 32 modules.
  @Test func superPODTransceivers() throws {
    let size = try FabricSizing.size(Self.superPOD(nodes: 127)).get()
    #expect(size.switches == 48)
    #expect(FabricSizing.transceivers(size, portsPerModule: 2) == 1536)
    #expect(FabricSizing.transceivers(size, portsPerModule: 1) == size.switchPortsUsed)
  }

  // Auto tiers at k = 64, 1:1: one switch holds 64, two tiers k²/2 = 2,048, three tiers k³/4 = 65,536
  // (ISCA'25 arXiv:2505.09343 Table 3 capacities).
  @Test(arguments: [(1, 1), (64, 1), (65, 2), (2048, 2), (2049, 3), (65536, 3)])
  func autoTiers(endpoints: Int, tiers: Int) throws {
    let size = try FabricSizing.size(Self.fatTree(endpoints)).get()
    #expect(size.tiers == tiers)
  }

  // A two-tier 64-port fabric holds k²/2 = 2,048 endpoints (ISCA'25 arXiv:2505.09343 Table 3, FT2); one more
  // does not fit, and auto stops at three tiers (k³/4 = 65,536, FT3).
  @Test(arguments: [(2049, 2 as Int?, 2048, 2), (65537, nil, 65536, 3), (65, 1, 64, 1)])
  func exceedsCapacity(endpoints: Int, tiers: Int?, capacity: Int, reported: Int) {
    let result = FabricSizing.size(Self.fatTree(endpoints, tiers: tiers))
    #expect(result == .failure(.exceedsCapacity(endpoints: endpoints, capacity: capacity, tiers: reported)))
  }

  @Test(arguments: [
    FabricRequest(topology: .fatTree, endpoints: 4, nodes: 4, portsPerNode: 1, radix: 1),
    FabricRequest(topology: .fatTree, endpoints: 4, nodes: 4, portsPerNode: 1, radix: 64, down: 0),
    FabricRequest(topology: .fatTree, endpoints: 4, nodes: 4, portsPerNode: 1, radix: 64, up: -1),
    FabricRequest(topology: .fatTree, endpoints: 4, nodes: 4, portsPerNode: 1, radix: 64, down: 1, up: 100),
    FabricRequest(topology: .fatTree, endpoints: 4, nodes: 4, portsPerNode: 1, radix: 64, tiers: 4),
    FabricRequest(topology: .multiPlane, endpoints: 4, nodes: 4, portsPerNode: 0, radix: 64),
    FabricRequest(topology: .railOptimized, endpoints: 5, nodes: 4, portsPerNode: 1, radix: 64),
  ])
  func invalidParameters(_ request: FabricRequest) {
    guard case .failure(.invalidParameters) = FabricSizing.size(request) else {
      Issue.record("expected invalidParameters for \(request)")
      return
    }
  }

  @Test func emptyFabricHasNoSwitches() throws {
    let size = try FabricSizing.size(Self.fatTree(0)).get()
    #expect(size.switches == 0)
    #expect(size.tiers == 1)
    #expect(FabricSizing.transceivers(size, portsPerModule: 2) == 0)
  }

  // 3:1 at k = 64 is 48 down and 16 up (64 × 3/4 = 48, the rest up); full two tiers then
  // hold 64 × 48 endpoints on 64 leaves and 16 spines.
  @Test func oversubscribedLeaves() throws {
    let request = FabricRequest(
      topology: .fatTree, endpoints: 3072, nodes: 3072, portsPerNode: 1, radix: 64, down: 3, up: 1)
    let size = try FabricSizing.size(request).get()
    #expect(size.leafDown == 48)
    #expect(size.leafUp == 16)
    #expect(size.leaves == 64)
    #expect(size.spines == 16)
    #expect(size.capacity == 3072)
  }

  // NVIDIA DGX SuperPOD H100 RA RA-11333-001 Table 7: 16 QM9700 in the 4-SU storage fabric, "non-blocking on
  // the storage side, ~4:3 on the DGX side". 128 DGX × 2 storage ports on 4:3 leaves (36 down, 28 up): 8;
  // 96 storage-appliance ports on 1:1 leaves (32 down, 32 up): 3; 320 uplinks on 5 spines.
  @Test func superPODStorageFabric() throws {
    let request = FabricRequest(
      topology: .fatTree, endpoints: 256, nodes: 128, portsPerNode: 2, radix: 64, down: 4, up: 3, tiers: 2,
      storageEndpoints: 96)
    let size = try FabricSizing.size(request).get()
    #expect(size.switches == 16)
    #expect((size.leaves, size.storageLeaves, size.spines) == (11, 3, 5))
    #expect(size.switchLinks == 8 * 28 + 3 * 32)
    #expect(size.endpointLinks == 352)
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
    // Without the storage appliances it is the old 12: the issue's finding.
    var clientsOnly = request
    clientsOnly.storageEndpoints = 0
    clientsOnly.down = 1
    clientsOnly.up = 1
    #expect(try FabricSizing.size(clientsOnly).get().switches == 12)
  }

  // Fire-Flyer arXiv:2408.14158 §VI-B: 180 storage nodes × 2 × 200 Gb/s. With the reference project's 304
  // client ports on a 1:1 fabric of 128-port (400G breakout) switches: 5 + 6 leaves and 8 spines (the fewest
  // that divide 64 uplinks and hold 704), 19 switches where the clients alone need 9.
  @Test func fireFlyerStorageNodes() throws {
    let request = FabricRequest(
      topology: .fatTree, endpoints: 304, nodes: 304, portsPerNode: 1, radix: 128, storageEndpoints: 360)
    let size = try FabricSizing.size(request).get()
    #expect((size.leaves, size.storageLeaves, size.spines, size.switches) == (11, 6, 8, 19))
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
  }

  // Storage ports share a one-tier switch with the clients, spread over planes like them, and count against
  // the capacity: 60 + 4 fit 64 ports, 60 + 5 need two tiers.
  @Test func storagePortsOnOneSwitchAndPlanes() throws {
    let one = try FabricSizing.size(
      FabricRequest(topology: .fatTree, endpoints: 60, nodes: 60, portsPerNode: 1, radix: 64, storageEndpoints: 4)
    ).get()
    #expect((one.tiers, one.switches, one.switchPortsUsed) == (1, 1, 64))
    let two = try FabricSizing.size(
      FabricRequest(topology: .fatTree, endpoints: 60, nodes: 60, portsPerNode: 1, radix: 64, storageEndpoints: 5)
    ).get()
    #expect((two.tiers, two.leaves, two.storageLeaves) == (2, 3, 1))
    let planes = try FabricSizing.size(
      FabricRequest(
        topology: .multiPlane, endpoints: 64, nodes: 8, portsPerNode: 8, radix: 64, tiers: 1, storageEndpoints: 9)
    ).get()
    #expect((planes.switches, planes.switchPortsUsed) == (8, 73))
    #expect(
      FabricSizing.size(
        FabricRequest(
          topology: .fatTree, endpoints: 60, nodes: 60, portsPerNode: 1, radix: 64, tiers: 1, storageEndpoints: 5))
        == .failure(.exceedsCapacity(endpoints: 65, capacity: 64, tiers: 1)))
  }

  // Three tiers take the storage leaves' uplinks into the spines: 2,048 clients and 64 storage ports at k = 64
  // and 1:1 are 64 + 2 leaves, 66 spines and 33 cores.
  @Test func storageLeavesInThreeTiers() throws {
    let size = try FabricSizing.size(
      FabricRequest(
        topology: .fatTree, endpoints: 2048, nodes: 2048, portsPerNode: 1, radix: 64, storageEndpoints: 64)
    ).get()
    #expect((size.tiers, size.leaves, size.storageLeaves, size.spines, size.cores) == (3, 66, 2, 66, 33))
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
  }

  static func dragonfly(_ endpoints: Int, a: Int = 32, p: Int = 16, h: Int = 16, groups: Int? = nil, radix: Int = 64)
    -> FabricRequest
  {
    var request = FabricRequest(
      topology: .dragonfly, endpoints: endpoints, nodes: endpoints, portsPerNode: 1, radix: radix)
    request.dragonfly = DragonflyShape(routersPerGroup: a, hostsPerRouter: p, globalLinksPerRouter: h, groups: groups)
    return request
  }

  // ISCA'25 arXiv:2505.09343 Table 3, DF: the canonical dragonfly of 64-port switches with a = 32 routers per
  // group, p = h = 16: 261,632 endpoints in 511 groups, 16,352 switches, 384,272 switch-to-switch links
  // (511 × 32 × 31 / 2 local + 16,352 × 16 / 2 global: every port in use).
  @Test func iscaDragonfly() throws {
    let size = try FabricSizing.size(Self.dragonfly(261_632)).get()
    #expect(size.groups == 511)
    #expect(size.switches == 16_352)
    #expect(size.switchLinks == 384_272)
    #expect(size.capacity == 261_632)
    #expect(size.hops == 3)
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
    #expect(size.switchPortsUsed == 16_352 * 63)
  }

  // Its validity limits: a router needs p + a − 1 + h ports, and global links join at most a × h + 1 groups.
  @Test func dragonflyLimits() {
    #expect(FabricSizing.size(Self.dragonfly(1_000, h: 18)) == .failure(.dragonflyRadix(needed: 65, radix: 64)))
    #expect(
      FabricSizing.size(Self.dragonfly(1_000, a: 4, p: 2, h: 1, radix: 64))
        == .failure(.dragonflyGroups(groups: 125, maximum: 5)))
    #expect(
      FabricSizing.size(Self.dragonfly(600, groups: 1))
        == .failure(.exceedsCapacity(endpoints: 600, capacity: 512, tiers: 1)))
  }

  // Global links use every port once whenever g × a × h is even, and leave one port per group otherwise.
  @Test(arguments: [(2, 6), (3, 5), (4, 5), (5, 8), (7, 3)])
  func dragonflyGlobalPortsOnce(groups: Int, ports: Int) {
    let links = Dragonfly.globalLinks(groups: groups, portsPerGroup: ports)
    var used = Set<String>()
    for link in links {
      #expect(link.from.0 != link.to.0)
      #expect(
        used.insert("\(link.from.0)/\(link.from.1)").inserted && used.insert("\(link.to.0)/\(link.to.1)").inserted)
    }
    #expect(used.count == (groups * ports % 2 == 0 ? groups * ports : groups * (ports - 1)))
  }

  // A leaf per rack per rail: a unit of 8 racks of 18 four-GPU compute trays (a DGX SuperPOD GB200 scalable
  // unit's racks), one NIC per GPU, takes 8 × 4 = 32 leaves; the node-count rule gives ceil(144 / 32) × 4 =
  // 20. (The GB200 RA's published text gives no per-SU leaf count to check the 32 against.) A rack with more
  // servers than a leaf's down ports cannot be built.
  @Test func railsByRack() throws {
    var request = FabricRequest(topology: .railOptimized, endpoints: 576, nodes: 144, portsPerNode: 4, radix: 64)
    #expect(try FabricSizing.size(request).get().leaves == 20)
    request.leafRacks = Array(repeating: 18, count: 8)
    let size = try FabricSizing.size(request).get()
    #expect(size.leaves == 32)
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
    request.leafRacks = [33]
    request.endpoints = 132
    request.nodes = 33
    guard case .failure(.invalidParameters) = FabricSizing.size(request) else {
      Issue.record("a rack of 33 servers on 32-port-down leaves should not size")
      return
    }
  }

  // ByteDance MegaScale (NSDI'24, arXiv:2402.15627 §3.6): 64 × 400G switches, "one 400G downlink port is split
  // into two 200G downlink ports", 1:1 with 32 ports down and 32 up: a ToR takes 64 × 200G endpoints and 32 ×
  // 400G uplinks, and spines keep 64 full-speed ports. One set of 8 rail ToRs serves 64 servers of eight 200G
  // NICs, so 12,288 GPUs (1,536 servers) take 192 ToRs (derived; the paper prints no switch counts).
  @Test func downSideBreakout() throws {
    var request = FabricRequest(
      topology: .railOptimized, endpoints: 12_288, nodes: 1_536, portsPerNode: 8, radix: 64)
    request.downBreakout = 2
    let size = try FabricSizing.size(request).get()
    #expect((size.leafDown, size.leafUp) == (64, 32))
    #expect(size.leaves == 192)
    #expect(size.tiers == 3)
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
  }

  // Alibaba HPN (SIGCOMM'24): 51.2 Tb/s ToRs with "128 active + 8 backup 200Gbps downstream ports and 60
  // upstream 400Gbps ports" — 68 of 128 physical 400G ports down, broken out, 8 kept spare — and 1,024 GPUs
  // of two 200G ports each (dual-ToR) per segment on 16 ToRs.
  @Test func spareDownPorts() throws {
    var request = FabricRequest(
      topology: .fatTree, endpoints: 2_048, nodes: 1_024, portsPerNode: 2, radix: 128, down: 68, up: 60, tiers: 2)
    request.downBreakout = 2
    request.sparePorts = 8
    let size = try FabricSizing.size(request).get()
    #expect((size.leafDown, size.leafUp, size.leaves) == (128, 60, 16))
    request.sparePorts = 136
    guard case .failure(.invalidParameters) = FabricSizing.size(request) else {
      Issue.record("136 spare ports of 136 should leave no room for endpoints")
      return
    }
  }
}

// Published fleets whose tiers differ: a taper at the spines, pods, other switches above the leaves, dual-homing.
@Suite struct TieredFabricSizingTests {
  // Meta's Llama 3 RoCE cluster (Llama 3 paper, arXiv:2407.21783 §3.3.1; Meta engineering blog, "Building
  // Meta's GenAI infrastructure", March 2024): racks of two eight-GPU servers on one ToR, 192 racks = a pod of
  // 3,072 GPUs at full bisection, eight pods joined at 1:7 by the aggregation layer: 24,576 GPUs. The ToRs are
  // 64-port 400G (Minipack2), the cluster and aggregation switches 576-port 400G chassis (Arista 7800R3). The
  // switch counts above the ToRs are Kiln's (the paper prints none).
  @Test func metaLlama3Pods() throws {
    var request = FabricRequest(topology: .fatTree, endpoints: 24_576, nodes: 3_072, portsPerNode: 8, radix: 64)
    request.leafRacks = Array(repeating: 16, count: 1_536)
    request.spineRadix = 576
    request.coreRadix = 576
    request.spineDown = 7
    request.podEndpoints = 3_072
    let size = try FabricSizing.size(request).get()
    #expect(size.tiers == 3)
    #expect((size.leaves, size.leafDown, size.leafUp) == (1_536, 16, 16))
    #expect((size.pods, size.leavesPerPod) == (8, 192))
    // 8 spines per pod take 192 × 16 uplinks, 384 each, with ceil(384 / 7) = 55 up: 6.98:1.
    #expect((size.spinesPerPod, size.spineDown, size.spineUp) == (8, 384, 55))
    #expect((size.spines, size.cores) == (64, 7))
    #expect(size.switchLinks == 1_536 * 16 + 64 * 55)
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
    // At 1:1 the spines need all their ports toward the cores too: 8 spines of 384 + 384 do not fit 576.
    request.spineDown = 1
    let untapered = try FabricSizing.size(request).get()
    #expect((untapered.spinesPerPod, untapered.spineDown, untapered.spineUp) == (16, 192, 192))
  }

  // Alibaba HPN (SIGCOMM'24, "Alibaba HPN: A Data Center Network for Large Language Model Training" §4–5): a
  // NIC's two 200G ports on two ToRs (dual-ToR) in two planes; 16 ToRs per 1,024-GPU segment, 15 segments per
  // pod (15,360 GPUs); 60 aggregation switches per plane, 15:1 toward the core.
  @Test func alibabaHPNPod() throws {
    var request = FabricRequest(
      topology: .multiPlane, endpoints: 30_720, nodes: 1_920, portsPerNode: 16, radix: 128, down: 68, up: 60,
      tiers: 3, planes: 2)
    request.downBreakout = 2
    request.sparePorts = 8
    request.dualHomed = true
    request.spineDown = 15
    request.podEndpoints = 30_720
    let size = try FabricSizing.size(request).get()
    #expect((size.planes, size.leaves, size.leafDown, size.leafUp) == (2, 240, 128, 60))
    #expect(size.leaves / 15 == 16)
    #expect((size.pods, size.spines / size.planes, size.spineDown, size.spineUp) == (1, 60, 120, 8))
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
    // Dual-homing puts a NIC's two ports in two planes: an odd plane count cannot.
    request.planes = 3
    #expect(FabricSizing.size(request).failure?.field == .dualHomed)
  }

  // Dual-homed on one fat-tree: leaves in pairs, each holding one port of each of its NICs; a single switch
  // cannot take both ports of a NIC, and a node with an odd port count has a NIC without its pair.
  @Test func dualHomedLeavesComeInPairs() throws {
    var request = FabricRequest(topology: .fatTree, endpoints: 200, nodes: 100, portsPerNode: 2, radix: 64)
    request.dualHomed = true
    let size = try FabricSizing.size(request).get()
    // 100 NICs on 32-port halves: 4 pairs of leaves.
    #expect((size.tiers, size.leaves) == (2, 8))
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
    request.tiers = 1
    #expect(FabricSizing.size(request).failure?.field == .dualHomed)
    request.tiers = nil
    request.portsPerNode = 3
    request.endpoints = 300
    #expect(FabricSizing.size(request).failure?.field == .dualHomed)
  }

  // A spine taper without pods: 64-port spines at 7:1 have 56 ports down and 8 up; under-subscription gives
  // more up than down. A ratio that leaves a spine no port either way is an error at the field.
  @Test func spineTaper() throws {
    var request = FabricRequest(topology: .fatTree, endpoints: 4_096, nodes: 512, portsPerNode: 8, radix: 64, tiers: 3)
    request.spineDown = 7
    var size = try FabricSizing.size(request).get()
    #expect((size.spineDown, size.spineUp) == (56, 8))
    #expect(size.spines == (128 * 32 + 55) / 56)
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
    request.spineDown = 1
    request.spineUp = 3
    size = try FabricSizing.size(request).get()
    #expect((size.spineDown, size.spineUp) == (16, 48))
    request.spineDown = 1
    request.spineUp = 1_000
    #expect(FabricSizing.size(request).failure?.field == .spineOversubscription)
    // The ratio reads as written, not as the stored quotient 0.001:1.
    #expect(FabricSizing.size(request).failure?.reason.contains("spine oversubscription 1:1000 ") == true)
  }

  // Spines of another switch: a two-tier fabric holds as many leaves as a spine has ports.
  @Test func spinesOfAnotherSwitch() throws {
    var request = FabricRequest(topology: .fatTree, endpoints: 4_096, nodes: 512, portsPerNode: 8, radix: 64, tiers: 2)
    #expect(FabricSizing.size(request).isFailure)
    request.spineRadix = 144
    let size = try FabricSizing.size(request).get()
    // 128 leaves × 32 uplinks over 144-port spines: the fewest dividing 32 that hold 4,096 links is 32.
    #expect((size.leaves, size.spines) == (128, 32))
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks)
  }

  // Cables: a leaf of the SuperPOD's 4 SU sends 2 of its 32 uplinks to each of 16 spines, so twin-link
  // cables halve the 1,024 links; Meta's spines send 55 uplinks over 7 cores (6 cores take 8 links, one 7):
  // 6 × 4 + 1 × 4 = 28 cables a spine. One link per cable is one cable per link.
  @Test func cablesCarryLinksBetweenTheSameSwitches() throws {
    let superPOD = try FabricSizing.size(
      FabricRequest(topology: .railOptimized, endpoints: 1_024, nodes: 128, portsPerNode: 8, radix: 64, tiers: 2)
    ).get()
    #expect(FabricSizing.uplinkCables(superPOD, tier: .leaf, linksPerCable: 1) == superPOD.switchLinks)
    #expect(FabricSizing.uplinkCables(superPOD, tier: .leaf, linksPerCable: 2) == 512)
    var meta = FabricRequest(topology: .fatTree, endpoints: 24_576, nodes: 3_072, portsPerNode: 8, radix: 64)
    meta.leafRacks = Array(repeating: 16, count: 1_536)
    meta.spineRadix = 576
    meta.coreRadix = 576
    meta.spineDown = 7
    meta.podEndpoints = 3_072
    let size = try FabricSizing.size(meta).get()
    #expect(FabricSizing.uplinkCables(size, tier: .leaf, linksPerCable: 2) == 1_536 * 8)
    #expect(FabricSizing.uplinkCables(size, tier: .spine, linksPerCable: 2) == 64 * 28)
    #expect(
      FabricSizing.uplinkCables(size, tier: .leaf, linksPerCable: 1)
        + FabricSizing.uplinkCables(size, tier: .spine, linksPerCable: 1) == size.switchLinks)
  }

  // Backup hosts fill the leaves' spare ports in leaf order and are not endpoints: 100 ports on 32-down
  // leaves keeping 4 spare each (4 leaves, 16 spare ports) take 10 backup-host ports on the first 3 leaves;
  // 17 would not fit. A rail-optimized unit's leaves take a backup host's rails together.
  @Test func backupHostsOnSparePorts() throws {
    var request = FabricRequest(topology: .fatTree, endpoints: 100, nodes: 50, portsPerNode: 2, radix: 64, tiers: 2)
    request.sparePorts = 4
    request.spareEndpoints = 10
    request.spareNodes = 5
    let size = try FabricSizing.size(request).get()
    #expect((size.leafDown, size.leaves, size.endpointLinks, size.spareLinks) == (28, 4, 100, 10))
    #expect(size.switchPortsUsed == 2 * size.switchLinks + size.endpointLinks + size.spareLinks)
    request.spareEndpoints = 17
    #expect(FabricSizing.size(request).failure?.field == .sparePorts)
    var rails = FabricRequest(topology: .railOptimized, endpoints: 512, nodes: 64, portsPerNode: 8, radix: 64, tiers: 2)
    rails.sparePorts = 2
    rails.spareEndpoints = 24
    rails.spareNodes = 3
    let railSize = try FabricSizing.size(rails).get()
    #expect(railSize.switchPortsUsed == 2 * railSize.switchLinks + railSize.endpointLinks + railSize.spareLinks)
    // 3 units (30 nodes each down) keep 2 backup hosts each: 7 do not fit.
    rails.spareNodes = 7
    rails.spareEndpoints = 56
    #expect(FabricSizing.size(rails).failure?.field == .sparePorts)
  }

  // Pods need a third tier once there is more than one, and at most k_core of them fit.
  @Test func podsNeedThreeTiers() throws {
    var request = FabricRequest(topology: .fatTree, endpoints: 4_096, nodes: 512, portsPerNode: 8, radix: 64, tiers: 2)
    request.podEndpoints = 1_024
    #expect(FabricSizing.size(request).isFailure)
    request.tiers = nil
    let size = try FabricSizing.size(request).get()
    #expect((size.tiers, size.pods, size.leavesPerPod, size.spinesPerPod) == (3, 4, 32, 32))
  }
}

extension Result {
  fileprivate var isFailure: Bool {
    if case .failure = self { return true }
    return false
  }
}

extension Result where Failure == FabricSizingError {
  /// The field an invalid-parameters failure points at.
  fileprivate var failure: (reason: String, field: FabricField)? {
    if case .failure(.invalidParameters(let reason, let field)) = self { return (reason, field) }
    return nil
  }
}
