import Foundation
import KilnDiagnostics
import KilnIR
import KilnSpec
import Testing
import _KilnTestSupport

@testable import KilnAnalysis

/// The analyzer reproduces published figures; each test names the paper or reference architecture and table.
@Suite struct PublishedFiguresTests {
  func load(_ path: String) throws -> IRProject {
    let engine = DiagnosticEngine()
    let project = try ProjectLoader().load(Golden.repositoryRoot + "/" + path, into: engine)
    #expect(!engine.hasErrors)
    return IRBuilder.build(project)
  }

  /// DeepSeek-V3 Technical Report (arXiv:2412.19437) Table 1 and §3: 14.8T tokens, 37B active
  /// parameters, 2,048 H800 at 34.64 % MFU of the BF16 peak → 2,664K GPU-hours, $5.328M at $2/GPU-hour,
  /// 54.2 days. Within 0.1 %.
  @Test func deepSeekV3PreTraining() throws {
    let ir = try load("specs/reference")
    let run = try #require(ir.trainingRuns.first { $0.spec.name == "v3-pretrain" })
    #expect(run.flops == 6 * 37e9 * 14.8e12)
    let gpuHours = try #require(run.gpuHours)
    let days = try #require(run.days)
    #expect(abs(gpuHours / 2_664_000 - 1) < 0.001, "GPU-hours \(gpuHours)")
    #expect(abs(gpuHours * 2 / 5_328_000 - 1) < 0.001, "cost \(gpuHours * 2)")
    #expect(abs(days / 54.2 - 1) < 0.001, "days \(days)")
    let report = Analyzer.analyze(ir).report(ir, diagnostics: [])
    let row = try #require(report.training.first { $0.name == "v3-pretrain" })
    #expect(abs((row.costUSD ?? 0) / 5_328_000 - 1) < 0.001)
  }

  /// DGX SuperPOD H100 RA (RA-11333-001), Table 7: 4 SU (127 nodes) need 48 QM9700 for the compute
  /// fabric: 32 leaves and 16 spines.
  @Test func superPODComputeFabric() throws {
    let ir = try load("specs/examples/superpod-h100")
    let compute = try #require(ir.fabrics.first { $0.spec.purpose.value == .compute })
    let size = try #require(compute.sizeValue)
    #expect(size.leaves == 32)
    #expect(size.spines == 16)
    #expect(size.cores == 0)
  }

  /// DGX SuperPOD H100 RA (RA-11333-001), Table 7: 16 QM9700 in the 4-SU storage fabric. The example
  /// declares its storage appliances (12 × 8 ports); the DGX side is 4:3 as the RA describes.
  @Test func superPODStorageFabric() throws {
    let ir = try load("specs/examples/superpod-h100")
    let storage = try #require(ir.fabrics.first { $0.spec.purpose.value == .storage })
    let size = try #require(storage.sizeValue)
    #expect(size.switches == 16)
    #expect(storage.request?.storageEndpoints == 96)
  }

  /// ISCA'25 (arXiv:2505.09343) Table 3, DF: the canonical dragonfly of 64-port switches — 261,632
  /// endpoints, 16,352 switches, 384,272 links — as the fleet example writes it.
  @Test func iscaDragonflyFleet() throws {
    let ir = try load("specs/examples/fleets/isca-dragonfly")
    let fabric = try #require(ir.fabrics.first)
    let size = try #require(fabric.sizeValue)
    #expect(fabric.request?.endpoints == 261_632)
    #expect((size.groups, size.switches, size.switchLinks) == (511, 16_352, 384_272))
  }
}
