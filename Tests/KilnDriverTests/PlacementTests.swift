import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// The node labels `kiln build` writes (node-labels.jsonl) agree with the links `kiln ir --expand` lists:
/// two servers share a block label exactly when their first compute NIC lands on the same leaf (a leaf
/// group, or a scalable unit's rail leaf), and each server's rack label is the rack it sits in.
@Suite struct PlacementTests {
  func expansion(_ project: String) throws -> [[String: Any]] {
    var lines: [String] = []
    _ = try inRepository { try Reporter().expand(project) { lines.append($0) } }
    return try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
  }

  /// Per cluster folder: server id → its labels.
  func nodeLabels(_ project: String) throws -> [String: [String: [String: String]]] {
    let files = try #require(try inRepository { try Builder().build(project) }.files)
    var out: [String: [String: [String: String]]] = [:]
    for file in files where file.path.hasSuffix("/node-labels.jsonl") {
      var servers: [String: [String: String]] = [:]
      for line in file.text.split(separator: "\n") {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        guard object["kind"] as? String == "server", let id = object["id"] as? String else { continue }
        servers[id] = try #require(object["labels"] as? [String: String])
      }
      out[String(file.path.split(separator: "/")[0])] = servers
    }
    return out
  }

  @Test(arguments: ["specs/reference", "specs/examples/superpod-h100"])
  func labelsAgreeWithTheExpansion(project: String) throws {
    try checkLabels(project)
  }

  /// The same with a leaf per rack per rail: a block is a rack.
  @Test func railsByRackLabelsAgree() throws {
    let folder = try ProjectCopy.make(
      of: "specs/examples/superpod-h100", tag: "placement-rack",
      edits: [
        (
          "network.yaml", "  topology: rail-optimized\n  tiers: 2\n",
          "  topology: rail-optimized\n  leafGroup: rack\n  tiers: 3\n"
        ),
        // 640 switches in three tiers need more power and positions than the example's site has.
        ("site.yaml", "capacity: 2.5MW", "capacity: 5MW"), ("site.yaml", "positions: 48", "positions: 64"),
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try checkLabels(folder)
  }

  /// The published fleets: a ToR per rack (Meta: the rack is the block, and the declared pods of 192 racks
  /// the pod level), dual-homed planes with backup hosts (HPN: backup hosts carry rack labels, no block).
  @Test func fleetLabelsAgree() throws {
    try checkLabels("specs/examples/fleets/meta-llama3-roce")
    try checkLabels("specs/examples/fleets/alibaba-hpn")
    let meta = try #require(try nodeLabels("specs/examples/fleets/meta-llama3-roce").values.first)
    let pods = Dictionary(grouping: meta.values.compactMap { $0["kiln.dev/fabric-pod"] }, by: { $0 })
    #expect(pods.count == 8 && pods.values.allSatisfy { $0.count == 384 })
    let hpn = try #require(try nodeLabels("specs/examples/fleets/alibaba-hpn").values.first)
    let backup = hpn.filter { $0.key.contains("/rack/backup-") }
    #expect(backup.count == 120 && backup.values.allSatisfy { $0["kiln.dev/fabric-block"] == nil })
  }

  func checkLabels(_ project: String) throws {
    let objects = try expansion(project)
    // Server id → the leaf its first compute NIC is linked to.
    var leafOf: [String: String] = [:]
    for object in objects where object["kind"] as? String == "endpoint-link" {
      guard let id = object["id"] as? String, id.hasSuffix("/nic/compute-0"), let to = object["to"] as? String
      else { continue }
      leafOf[String(id.dropLast("/nic/compute-0".count))] = to.components(separatedBy: "/port/")[0]
    }
    let servers = Set(objects.filter { $0["kind"] as? String == "server" }.compactMap { $0["id"] as? String })
    let labels = try nodeLabels(project)
    #expect(!labels.isEmpty)
    for (cluster, entries) in labels {
      #expect(Set(entries.keys).isSubset(of: servers), "\(cluster): ids not in the expansion")
      var leafOfBlock: [String: String] = [:]
      var blockOfLeaf: [String: String] = [:]
      for (id, labels) in entries {
        let rack = try #require(labels["kiln.dev/rack"])
        #expect(id.contains("/rack/\(rack)/server/"), "\(id) labelled rack \(rack)")
        guard let block = labels["kiln.dev/fabric-block"], let leaf = leafOf[id] else { continue }
        #expect(leafOfBlock[block, default: leaf] == leaf, "\(cluster) \(block) spans leaves")
        #expect(blockOfLeaf[leaf, default: block] == block, "\(cluster) \(leaf) carries two blocks")
        leafOfBlock[block] = leaf
        blockOfLeaf[leaf] = block
      }
    }
  }

  /// Runs request the tightest level that holds them and slices of whole blocks: v3-pretrain's 256 pods in
  /// slices of the 32-server blocks of the 8-plane ib-train; the SuperPOD run's 112 pods in slices of 28,
  /// the largest divisor that fits a 32-server scalable unit.
  @Test func trainingSlices() throws {
    let reference = Builder().stream(try #require(try inRepository { try Builder().build("specs/reference") }.files))
    #expect(reference.contains("kueue.x-k8s.io/podset-slice-size: \"32\""))
    let superpod = Builder().stream(
      try #require(try inRepository { try Builder().build("specs/examples/superpod-h100") }.files))
    #expect(superpod.contains("kueue.x-k8s.io/podset-preferred-topology: kiln.dev/fabric-block"))
    #expect(superpod.contains("kueue.x-k8s.io/podset-slice-size: \"28\""))
  }
}
