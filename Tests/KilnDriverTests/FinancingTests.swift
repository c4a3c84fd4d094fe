import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// `financing.rate` turns capex into an annuity (docs/models.md §5.3).
@Suite struct FinancingTests {
  /// The reference at 8 %: $114,896,200 over 48 months costs $19,741,496 of interest, hangzhou-1's
  /// $292.5M building is repaid over 20 years ($117.4M of it in the 48 months), and the owned $/GPU-hour
  /// rises from $2.544 to $3.598. Without financing there is no interest.
  @Test func eightPercentOnTheReference() throws {
    let folder = try ProjectCopy.make(
      of: "specs/reference", tag: "financing",
      edits: [
        (
          "kiln.yaml", "  lifetime: 4y                 # capex is depreciated over four years",
          "  lifetime: 4y                 # capex is depreciated over four years\n  financing: {rate: 8%}"
        )
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let totals = try #require(try Linter().lint(folder).report()).totals
    #expect(abs((totals.interestUSD ?? 0) - 19_741_496) < 1)
    #expect(abs(totals.tcoUSD - 272_015_936) < 1)
    #expect(abs((totals.ownedGPUHourUSD ?? 0) - 3.598) < 0.001)
    let plain = try #require(try Linter().lint(Golden.repositoryRoot + "/specs/reference").report()).totals
    #expect(plain.interestUSD == nil && plain.financingRate == nil)
  }
}
