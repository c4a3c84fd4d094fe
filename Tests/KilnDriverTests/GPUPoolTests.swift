import Foundation
import KilnIR
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// GPUs are accounted per GPU type (one Kueue ResourceFlavor each): serving on H100s frees no A100s, the
/// ClusterQueue quota of each flavor is that type's queueable GPUs, and serving that does not fit is an
/// error, not a clean lint and an autoscaler that can never be scheduled.
@Suite struct GPUPoolTests {
  func starter(_ tag: String, _ edits: [ProjectCopy.Edit]) throws -> String {
    try ProjectCopy.make(tag: "pools-" + tag, edits: edits)
  }

  /// Three DGX-H100 racks and one DGX-A100 rack (one server each), a training queue, serving on 8 H100s.
  static let mixed: [ProjectCopy.Edit] = [
    (
      "infrastructure.yaml", "  purpose: inference\n",
      "  purpose: mixed\n  fabric: ib\n  queues: [{name: research, share: 100%}]\n"
    ),
    (
      "infrastructure.yaml",
      "      count: 2                 # two racks ...\n      servers: {model: DGX-H100, perRack: 1}",
      "      count: 3\n      servers: {model: DGX-H100, perRack: 1}\n    - name: a100\n      count: 1\n      servers: {model: DGX-A100, perRack: 1}"
    ),
    ("serving.yaml", "replicas: {min: 2, max: 12}", "replicas: {min: 2, max: 8}"),
    ("infrastructure.yaml", "positions: 4", "positions: 8"),
    (
      "serving.yaml", "apiVersion: kiln/v1\nkind: Model",
      "apiVersion: kiln/v1\nkind: Fabric\nmetadata: {name: ib}\nspec: {technology: infiniband, switch: QM9700, topology: fat-tree}\n---\napiVersion: kiln/v1\nkind: Model"
    ),
  ]

  @Test func poolsArePerGPUType() throws {
    let folder = try starter("mixed", Self.mixed)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lint = try Linter().lint(folder)
    let messages = lint.diagnostics.map(\.message)
    #expect(messages.isEmpty, "\(messages)")
    let cluster = try #require(lint.ir?.clusters.first)
    #expect(cluster.pools.map(\.gpu) == ["A100-SXM4-80GB", "H100-SXM5-80GB"])
    #expect(cluster.pools.map(\.installed) == [8, 24])
    #expect(cluster.pools.map(\.servingMaximum) == [0, 8])
    #expect(cluster.pools.map(\.queueable) == [8, 16])
    #expect(cluster.queueableGPUs == 24)
  }

  @Test func clusterQueueQuotasComeFromThePools() throws {
    let folder = try starter("quota", Self.mixed)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let build = try Builder().build(folder)
    let messages = build.lint.diagnostics.map(\.message)
    guard let files = build.files else {
      Issue.record("build failed: \(messages)")
      return
    }
    let cluster = try #require(files.first { $0.path.hasSuffix("/cluster.yaml") }?.text)
    let queue = try #require(cluster.range(of: "kind: ClusterQueue").map { cluster[$0.lowerBound...] })
    // Each flavor's GPU quota, in flavor order (a100 before h100): 8 A100 and 16 H100 free — not 6 and 18
    // split in proportion to the installed GPUs.
    let gpuQuotas = queue.matches(of: /name: nvidia.com\/gpu\n\s+nominalQuota: (\d+)/).map { Int($0.1) }
    #expect(gpuQuotas == [8, 16])
  }

  @Test func servingThatDoesNotFitIsAnError() throws {
    let folder = try starter(
      "oversubscribed", [("serving.yaml", "replicas: {min: 2, max: 12}", "replicas: {min: 40, max: 72}")])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lint = try Linter().lint(folder)
    let placement = try #require(lint.diagnostics.first { $0.code.id == "K6105" })
    #expect(placement.severity == .error)
    #expect(placement.message == "serving on Cluster/infer-1 needs 72 GPUs at max replicas; it has 16")
    #expect(
      placement.help == ["at most 16 replicas of 'chat' fit; lower replicas.max, or add servers of this GPU type"])
    // Nothing is built for a cluster that cannot hold its autoscaler's maximum.
    let built = try Builder().build(folder).files != nil
    #expect(!built)
  }

  @Test func capacityHelpNeverSuggestsMoreReplicasThanFit() throws {
    let folder = try starter(
      "demand", [("serving.yaml", "peak: 15k tokens/s", "peak: 500k tokens/s")])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lint = try Linter().lint(folder)
    let capacity = try #require(lint.diagnostics.first { $0.code.id == "K6102" })
    let help = try #require(capacity.help.first)
    #expect(help.contains("has room for 16"), "\(help)")
    #expect(!help.hasPrefix("raise replicas.max"), "\(help)")
  }
}
