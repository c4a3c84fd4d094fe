import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver
@testable import KilnIR

/// The link-level expansion: stable ids, every object once, every switch port used at most once,
/// counts that agree with the fabric sizing, same bytes every run.
@Suite struct ExpansionTests {
  func expand(_ path: String) throws -> [[String: Any]] {
    var lines: [String] = []
    let result = try inRepository { try Reporter().expand(path) { lines.append($0) } }
    #expect(result.written)
    return try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
  }

  /// How often each switch port is an end of a link or endpoint link.
  func portUses(_ objects: [[String: Any]]) -> [String: Int] {
    var ports: [String: Int] = [:]
    for object in objects {
      if object["kind"] as? String == "link", let id = object["id"] as? String { ports[id, default: 0] += 1 }
      if let to = object["to"] as? String { ports[to, default: 0] += 1 }
    }
    return ports
  }

  @Test(arguments: ["specs/reference", "specs/examples/superpod-h100"])
  func everyPortOnce(project: String) throws {
    let objects = try expand(project)
    var ids = Set<String>()
    var ports: [String: Int] = [:]
    for object in objects {
      let id = try #require(object["id"] as? String)
      let kind = try #require(object["kind"] as? String)
      if kind == "link" {
        ports[id, default: 0] += 1
      } else if kind != "endpoint-link" {
        #expect(ids.insert(id).inserted, "\(id) twice")
      }
      if let to = object["to"] as? String { ports[to, default: 0] += 1 }
    }
    #expect(ports.values.allSatisfy { $0 == 1 }, "\(ports.filter { $0.value > 1 }.keys.sorted().prefix(3))")
  }

  /// Each published fleet expands with every switch port used once, no port number beyond its switch's
  /// ports (breakout ports where it has them), and as many switches and links as its sizing.
  @Test(arguments: [
    "specs/examples/fleets/meta-llama3-roce", "specs/examples/fleets/alibaba-hpn",
    "specs/examples/fleets/bytedance-megascale", "specs/examples/fleets/superpod-b300-xdr-4su",
    "specs/examples/fleets/superpod-gb200-16su",
  ])
  func fleetPortsOnce(project: String) throws {
    let objects = try expand(project)
    let ports = portUses(objects)
    #expect(ports.values.allSatisfy { $0 == 1 }, "\(ports.filter { $0.value > 1 }.keys.sorted().prefix(3))")
    let ir = try #require(try inRepository { try Linter().lint(project) }.ir)
    let fabric = try #require(ir.fabrics.first)
    let size = try #require(fabric.sizeValue)
    var radix: [String: Int] = [:]
    for object in objects where object["kind"] as? String == "switch" {
      let id = try #require(object["id"] as? String)
      let model = try #require(ir.catalog.switches.first { $0.name == object["model"] as? String })
      radix[id] = max(model.ports, model.breakoutPorts ?? 0)
    }
    #expect(radix.count == size.switches)
    #expect(objects.filter { $0["kind"] as? String == "link" }.count == size.switchLinks)
    #expect(objects.filter { $0["kind"] as? String == "endpoint-link" }.count == size.endpointLinks)
    #expect(objects.filter { $0["kind"] as? String == "spare-link" }.count == size.spareLinks)
    for port in ports.keys {
      let parts = port.components(separatedBy: "/port/")
      let bound = try #require(radix[parts[0]], "\(port) is on no switch")
      #expect((Int(parts[1]) ?? .max) < bound, "\(port) beyond \(bound) ports")
    }
    // Ports in use per switch, as written, are the sizing's (optics are rounded up per switch from them).
    var portsPerSwitch: [String: Int] = [:]
    for port in ports.keys { portsPerSwitch[port.components(separatedBy: "/port/")[0], default: 0] += 1 }
    let written = Dictionary(grouping: portsPerSwitch.values, by: { $0 }).mapValues(\.count)
    let loads = Dictionary(size.switchLoads.map { ($0.ports, $0.switches) }, uniquingKeysWith: +)
    #expect(written.filter { $0.key > 0 } == loads.filter { $0.key > 0 }, "\(project)")
    // Cables of two links between the same two switches, counted from the links written, are the sizing's.
    var pairs: [String: Int] = [:]
    for object in objects where object["kind"] as? String == "link" {
      let from = try #require(object["id"] as? String).components(separatedBy: "/port/")[0]
      let to = try #require(object["to"] as? String).components(separatedBy: "/port/")[0]
      pairs[from + " " + to, default: 0] += 1
    }
    let sized = FabricTier.allCases.reduce(0) { $0 + FabricSizing.uplinkCables(size, tier: $1, linksPerCable: 2) }
    #expect(pairs.values.reduce(0) { $0 + ($1 + 1) / 2 } == sized)
  }

  /// DGX SuperPOD H100 RA (RA-11333-001) Table 7: 4 SU, 48 QM9700 in the compute fabric, 1,024 leaf–spine
  /// links; here 128 nodes × 8 rails = 1,024 endpoint links.
  @Test func superPODCounts() throws {
    let objects = try expand("specs/examples/superpod-h100")
    let compute = objects.filter { ($0["id"] as? String)?.hasPrefix("Fabric/ib-compute/") == true }
    #expect(compute.filter { $0["kind"] as? String == "switch" }.count == 48)
    #expect(compute.filter { $0["kind"] as? String == "link" }.count == 1_024)
    let endpointLinks = objects.filter {
      ($0["to"] as? String)?.hasPrefix("Fabric/ib-compute/") == true && $0["kind"] as? String == "endpoint-link"
    }
    #expect(endpointLinks.count == 1_024)
  }

  /// RA-11333-001 Table 7: 16 QM9700 in the storage fabric. Every DGX storage port and every storage
  /// appliance port (12 × 8) has its own leaf port.
  @Test func superPODStorageFabric() throws {
    let objects = try expand("specs/examples/superpod-h100")
    let storage = objects.filter { ($0["id"] as? String)?.hasPrefix("Fabric/ib-storage/") == true }
    #expect(storage.filter { $0["kind"] as? String == "switch" }.count == 16)
    #expect(objects.filter { $0["kind"] as? String == "storage-node" }.count == 12)
    let endpointLinks = objects.filter {
      ($0["to"] as? String)?.hasPrefix("Fabric/ib-storage/") == true && $0["kind"] as? String == "endpoint-link"
    }
    #expect(endpointLinks.count == 256 + 96)
    #expect(endpointLinks.filter { ($0["id"] as? String)?.hasPrefix("Storage/lustre/node/") == true }.count == 96)
  }

  /// A dragonfly's expansion (the fleet example, cut to 40 racks: 1,280 endpoints in 3 groups of 32 routers)
  /// uses every port once, and lists as many switches and links as its sizing.
  @Test func dragonflyPortsOnce() throws {
    let folder = try ProjectCopy.make(
      of: "specs/examples/fleets/isca-dragonfly", tag: "dragonfly-expand",
      edits: [("cluster.yaml", "      count: 8176", "      count: 40")])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let objects = try expand(folder)
    let ports = portUses(objects)
    #expect(ports.values.allSatisfy { $0 == 1 })
    #expect(objects.filter { $0["kind"] as? String == "switch" }.count == 96)
    // 3 × 32 × 31 / 2 local + 3 × 512 / 2 global.
    #expect(objects.filter { $0["kind"] as? String == "link" }.count == 1_488 + 768)
    // Every port number stays below the QM9700's 64.
    #expect(ports.keys.allSatisfy { (Int($0.components(separatedBy: "/port/").last ?? "") ?? 99) < 64 })
  }

  /// The whole ISCA'25 dragonfly fleet, streamed rather than parsed (1.26 million lines): every router port
  /// once, with the published 384,272 switch links and 261,632 endpoint links.
  @Test func dragonflyFleetPortsOnce() throws {
    var used = Set<String>()
    var twice = 0
    var links = 0
    var endpointLinks = 0
    let idOpening = #"{"id":""#
    let kindOpening = #"","kind":"link""#
    let toOpening = #","to":""#
    _ = try inRepository {
      try Reporter().expand("specs/examples/fleets/isca-dragonfly") { line in
        guard let to = line.range(of: toOpening) else { return }
        if !used.insert(String(line[to.upperBound..<line.index(line.endIndex, offsetBy: -2)])).inserted { twice += 1 }
        if let kind = line.range(of: kindOpening) {
          links += 1
          let id = line[line.index(line.startIndex, offsetBy: idOpening.count)..<kind.lowerBound]
          if !used.insert(String(id)).inserted { twice += 1 }
        } else {
          endpointLinks += 1
        }
      }
    }
    #expect(twice == 0)
    #expect((links, endpointLinks) == (384_272, 261_632))
    #expect(used.count == 2 * 384_272 + 261_632)
  }

  /// The SuperPOD example with a leaf per rack per rail: 32 racks × 8 rails = 256 leaves (three tiers: two
  /// hold 64 leaves of 64-port switches), every port once,
  /// and rail r of every server of a rack on that rack's leaf r.
  @Test func railsByRackPortsOnce() throws {
    let folder = try ProjectCopy.make(
      of: "specs/examples/superpod-h100", tag: "rails-by-rack",
      edits: [
        (
          "network.yaml", "  topology: rail-optimized\n  tiers: 2\n",
          "  topology: rail-optimized\n  leafGroup: rack\n  tiers: 3\n"
        )
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let objects = try expand(folder)
    let ports = portUses(objects)
    #expect(ports.values.allSatisfy { $0 == 1 })
    let leaves = objects.filter {
      $0["kind"] as? String == "switch" && ($0["id"] as? String)?.hasPrefix("Fabric/ib-compute/leaf/") == true
    }
    #expect(leaves.count == 256)
    let link = try #require(
      objects.first {
        $0["kind"] as? String == "endpoint-link"
          && ($0["id"] as? String) == "Cluster/superpod/rack/su-02/server/3/nic/compute-5"
      })
    #expect(link["to"] as? String == "Fabric/ib-compute/leaf/13/port/2")
  }
}
