import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Load factors by purpose and power caps (docs/models.md §3.5).
@Suite struct LoadFactorTests {
  func sites(_ folder: String) throws -> [String: (it: Double, average: Double)] {
    let report = try #require(try Linter().lint(folder).report())
    var out: [String: (Double, Double)] = [:]
    for site in report.sites { out[site.name] = (site.itPowerKW ?? 0, site.averageITPowerKW ?? 0) }
    return out
  }

  /// hangzhou-1 at the defaults: 272 HGX-H800 (training, 75 %, no measurement) 2,080.8 kW; 32 DGX-A100 (mixed,
  /// Fire-Flyer's measured 4.2 kW each) 134.4 kW; 20 HGX-H800 inferring at 65 % 132.6 kW; storage at 100 %
  /// 550 kW; 293.2 kW of switches at 65 % 190.58 kW: 3,088.38 kW.
  @Test func referenceByPurpose() throws {
    let hangzhou = try #require(try sites(Golden.repositoryRoot + "/specs/reference")["hangzhou-1"])
    #expect(abs(hangzhou.average - 3_088.38) < 0.01, "\(hangzhou.average)")
    #expect(abs(hangzhou.it - 4_029.6) < 0.01)
  }

  /// One `loadFactor` takes the place of every default (the earlier single figure: 65 % of 4,029.6 kW); a
  /// figure declared by purpose still wins over it, and a cluster's own over both.
  @Test func singleFigurePurposeAndClusterOverrides() throws {
    let single = try ProjectCopy.make(
      of: "specs/reference", tag: "load-single",
      edits: [("kiln.yaml", "  lifetime: 4y ", "  loadFactor: 65%\n  lifetime: 4y ")])
    defer { try? FileManager.default.removeItem(atPath: single) }
    #expect(abs((try sites(single)["hangzhou-1"]?.average ?? 0) - 4_029.6 * 0.65) < 0.01)

    let layered = try ProjectCopy.make(
      of: "specs/reference", tag: "load-layered",
      edits: [
        ("kiln.yaml", "  lifetime: 4y ", "  loadFactor: 65%\n  loadFactors: {training: 80%}\n  lifetime: 4y "),
        ("clusters/ft-a100.yaml", "  purpose: mixed", "  purpose: mixed\n  loadFactor: 50%"),
      ])
    defer { try? FileManager.default.removeItem(atPath: layered) }
    // 272 × 10.2 × 0.8 + 32 × 6.5 × 0.5 + 20 × 10.2 × 0.65 + (550 + 293.2) × 0.65.
    let expected = 272 * 10.2 * 0.8 + 32 * 6.5 * 0.5 + 20 * 10.2 * 0.65 + (550 + 293.2) * 0.65
    #expect(abs((try sites(layered)["hangzhou-1"]?.average ?? 0) - expected) < 0.01)
  }

  /// A power cap of 8.4 kW (LAT, arXiv:2412.08602: the most an 8-GPU H100 node drew in training) lets five
  /// 10.2 kW servers into a 44 kW rack (42 kW capped), counts 8.4 kW per server in the IT load, and bounds
  /// the average draw: min(0.75 × 10.2, 8.4) = 7.65 kW.
  @Test func powerCapBoundsTheRackCheckAndTheDraw() throws {
    let capped = try ProjectCopy.make(
      of: "specs/reference", tag: "power-cap",
      edits: [
        (
          "clusters/train-h800.yaml", "      count: 68\n      servers: {model: HGX-H800-8GPU, perRack: 4}",
          "      count: 68\n      servers: {model: HGX-H800-8GPU, perRack: 5}\n      powerCap: 8.4kW"
        )
      ])
    defer { try? FileManager.default.removeItem(atPath: capped) }
    let result = try Linter().lint(capped)
    #expect(!result.diagnostics.contains { $0.code.id == "K4101" })
    let servers = 68 * 5
    let report = try #require(result.report())
    let site = try #require(report.sites.first { $0.name == "hangzhou-1" })
    #expect(abs((site.serversKW ?? 0) - (Double(servers) * 8.4 + 20 * 10.2 + 32 * 6.5)) < 0.01)
    #expect(
      abs((site.averageITPowerKW ?? 0) - (Double(servers) * 7.65 + 134.4 + 132.6 + 550 + (site.networkKW ?? 0) * 0.65))
        < 0.01)

    // Without the cap the same racks draw 51 kW: K4101.
    let uncapped = try ProjectCopy.make(
      of: "specs/reference", tag: "power-uncapped",
      edits: [
        (
          "clusters/train-h800.yaml", "servers: {model: HGX-H800-8GPU, perRack: 4}",
          "servers: {model: HGX-H800-8GPU, perRack: 5}"
        )
      ])
    defer { try? FileManager.default.removeItem(atPath: uncapped) }
    #expect(try Linter().lint(uncapped).diagnostics.contains { $0.code.id == "K4101" })
  }
}
