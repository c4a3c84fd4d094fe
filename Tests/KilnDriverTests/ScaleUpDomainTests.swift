import Foundation
import Testing
import _KilnTestSupport

@testable import KilnAnalysis
@testable import KilnDriver

/// A replica's tensor-parallel group rides NVLink while it stays inside the servers' NVLink domain
/// (`scaleUpDomain`), even across servers: a GB200 NVL72 rack's 72 GPUs span 18 four-GPU trays. A DGX
/// H100's domain is its 8 GPUs, so 16 need a fabric.
@Suite struct ScaleUpDomainTests {
  func lint(server: String, perRack: Int, tensor: Int) throws -> LintResult {
    let folder = try ProjectCopy.make(
      of: "specs/examples/starter", tag: "scale-up-\(server)-\(tensor)",
      edits: [
        (
          "infrastructure.yaml", "servers: {model: DGX-H100, perRack: 1}",
          "servers: {model: \(server), perRack: \(perRack)}"
        ),
        ("infrastructure.yaml", "capacity: 100kW", "capacity: 400kW"),
        ("infrastructure.yaml", "cooling: air", "cooling: liquid"),
        ("serving.yaml", "parallelism: {tensor: 1}", "parallelism: {tensor: \(tensor)}"),
        ("serving.yaml", "replicas: {min: 2, max: 12}", "replicas: {min: 1, max: 2}"),
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try Linter().lint(folder)
  }

  @Test func tensorGroupsInsideTheDomainUseNVLink() throws {
    // 16 GPUs over four GB200 trays: one NVL72 domain, no fabric needed.
    let gb200 = try lint(server: "GB200-NVL72-Tray", perRack: 18, tensor: 16)
    #expect(!gb200.hasErrors, "\(gb200.diagnostics.map(\.message).joined(separator: "; "))")
    #expect(gb200.report()?.serving.first?.link == "nvlink")
    // 16 GPUs over two DGX H100s cross two 8-GPU domains: without a fabric, an error that says so.
    let dgx = try lint(server: "DGX-H100", perRack: 1, tensor: 16)
    #expect(dgx.diagnostics.contains { $0.messageID.name == "serving-replica-needs-fabric" })
    #expect(try lint(server: "DGX-H100", perRack: 1, tensor: 8).report()?.serving.first?.link == "nvlink")
  }
}
