import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Every output of the reference project is compared with its golden file.
@Suite struct ReportGoldenTests {
  @Test(arguments: [
    (ReportFormat.markdown, "report.md"), (.json, "report.json"), (.csv, "bom.csv"), (.dot, "graph.dot"),
    (.ir, "ir.json"),
  ])
  func referenceOutput(format: ReportFormat, file: String) throws {
    let output = try inRepository { try Reporter().report("specs/reference", format: format) }
    let text = try #require(output.text)
    Golden.assertMatches(text, file: "golden/reference/\(file)")
  }

  @Test func sameInputSameBytes() throws {
    let first = try inRepository { try Reporter().report("specs/reference", format: .json) }
    let second = try inRepository { try Reporter().report("specs/reference", format: .json) }
    #expect(first.text == second.text)
  }

  @Test func noReportWhenTheSpecIsBroken() throws {
    let output = try inRepository { try Reporter().report("specs/invalid/K3001-missing-reference", format: .json) }
    #expect(output.text == nil)
  }
}
