import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// A colocation site is billed on its contract (docs/models.md §5.2): the contracted `power.capacity` ×
/// `colocation.price`, drawn or not, plus the energy a contract passes through.
@Suite struct ColocationCostTests {
  func frankfurt(_ edits: [ProjectCopy.Edit], tag: String) throws -> (opex: Double, utilization: Double?) {
    let folder = try ProjectCopy.make(of: "specs/reference", tag: "colo-\(tag)", edits: edits)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let report = try #require(try Linter().lint(folder).report())
    let site = try #require(report.sites.first { $0.name == "frankfurt-1" })
    return (site.monthlyOpexUSD, site.contractUtilization)
  }

  /// 200 kW, 2 MW and 20 MW contracts at $180/kW-month cost $36k, $360k and $3.6M a month for the same
  /// 91.8 kW of servers, whose 123.9 kW of facility power use 62 %, 6.2 % and 0.62 % of them.
  @Test(arguments: [("200kW", 36_000.0, 0.6197), ("2MW", 360_000, 0.06197), ("20MW", 3_600_000, 0.006197)])
  func opexMovesWithTheContract(contract: String, opex: Double, utilization: Double) throws {
    let site = try frankfurt(
      [("sites/frankfurt-1.yaml", "capacity: 200kW            # contracted feed", "capacity: \(contract)")],
      tag: contract)
    #expect(abs(site.opex - opex) < 0.5)
    #expect(abs((site.utilization ?? 0) - utilization) < 1e-4)
  }

  /// Energy passed through at $0.20/kWh adds 91.8 kW × 0.65 × 1.35 × 730 h × 0.20 = $11,761 a month.
  @Test func passedThroughEnergyIsAdded() throws {
    let site = try frankfurt(
      [("sites/frankfurt-1.yaml", "price: $180/kW/month", "price: $180/kW/month\n    energyPrice: $0.20/kWh")],
      tag: "energy")
    #expect(abs(site.opex - (36_000 + 91.8 * 0.65 * 1.35 * 730 * 0.20)) < 0.5)
  }
}
