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

  /// The published fleets of specs/examples/fleets, each against the figures its sources print (the
  /// projects' kiln.yaml name them): endpoints, leaves, and the spines, pods and tapers where published.
  @Test func publishedFleets() throws {
    func fabric(_ name: String) throws -> (IRFabric, FabricSize) {
      let ir = try load("specs/examples/fleets/" + name)
      let fabric = try #require(ir.fabrics.first)
      return (fabric, try #require(fabric.sizeValue))
    }
    // Llama 3 §3.3.1: 24K GPUs, a ToR per rack of 16 GPUs, pods of 192 racks (3,072 GPUs), 8 pods, 1:7 above.
    let (meta, metaSize) = try fabric("meta-llama3-roce")
    #expect(meta.request?.endpoints == 24_576)
    #expect((metaSize.tiers, metaSize.leaves, metaSize.pods, metaSize.leavesPerPod) == (3, 1_536, 8, 192))
    #expect(metaSize.leavesPerPod * metaSize.leafDown == 3_072)
    #expect(Double(metaSize.spineDown) / Double(metaSize.spineUp) > 6.9)
    // HPN: 15,360 dual-ported GPUs per pod, 16 ToRs per 1,024-GPU segment, 2 planes of 60 aggregation
    // switches with 120 ports down and 8 up (15:1).
    let (hpn, hpnSize) = try fabric("alibaba-hpn")
    #expect(hpn.request?.endpoints == 30_720)
    #expect((hpnSize.planes, hpnSize.leaves, hpnSize.spines) == (2, 240, 120))
    #expect((hpnSize.spineDown, hpnSize.spineUp) == (120, 8))
    // 8 backup hosts per segment fill the ToRs' 8 backup ports: 120 hosts' 1,920 ports, their GPUs reserved.
    #expect(hpnSize.spareLinks == 1_920)
    let hpnIR = try load("specs/examples/fleets/alibaba-hpn")
    #expect((hpnIR.clusters.first?.gpus, hpnIR.clusters.first?.schedulableGPUs) == (16_320, 15_360))
    // MegaScale §3.6: 12,288 GPUs, ToRs of 64 × 200G down and 32 × 400G up, 64 servers per set of 8 rail ToRs,
    // three tiers at 1:1.
    let (megascale, megascaleSize) = try fabric("bytedance-megascale")
    #expect(megascale.request?.endpoints == 12_288)
    #expect((megascaleSize.tiers, megascaleSize.leafDown, megascaleSize.leafUp) == (3, 64, 32))
    #expect(megascaleSize.leaves == 12_288 / 64)
    #expect((megascaleSize.spineDown, megascaleSize.spineUp) == (32, 32))
    // DGX SuperPOD B300 XDR RA Table 3, 4 SU: 288 systems, 32 leaves, 18 spines.
    let (b300, b300Size) = try fabric("superpod-b300-xdr-4su")
    #expect(b300.request?.endpoints == 2_304)
    #expect((b300Size.leaves, b300Size.spines) == (32, 18))
    // DGX SuperPOD GB200, 16 SU: 8 NVL72 racks per SU, 18 trays of 4 GPUs per rack, one leaf per rack per rail
    // (32 per SU, Kiln's rule: the RA text prints no count), every rack one 72-GPU NVLink domain.
    let (gb200, gb200Size) = try fabric("superpod-gb200-16su")
    #expect(gb200.request?.endpoints == 9_216)
    #expect((gb200Size.leaves / 16, gb200Size.leafDown, gb200Size.leafUp) == (32, 18, 18))
    let gb200IR = try load("specs/examples/fleets/superpod-gb200-16su")
    let racks = try #require(gb200IR.clusters.first?.rackGroups.first)
    #expect((racks.racks, racks.serversPerRack * racks.server.gpuCount, racks.server.scaleUpDomain) == (128, 72, 72))
  }
}
