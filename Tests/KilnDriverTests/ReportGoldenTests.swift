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

  /// The HTML report is one self-contained file: no URL, no script, no stylesheet link, no image source.
  @Test func htmlReportIsSelfContained() throws {
    let output = try inRepository { try Reporter().report("specs/reference", format: .html) }
    let html = try #require(output.text)
    for forbidden in ["http:", "https:", "<script", "<link", "src=", "url(", "@import"] {
      #expect(!html.contains(forbidden), "the HTML report contains \(forbidden)")
    }
    #expect(html.contains("<svg"))
  }

  @Test func noReportWhenTheSpecIsBroken() throws {
    let output = try inRepository { try Reporter().report("specs/invalid/K3001-missing-reference", format: .json) }
    #expect(output.text == nil)
  }
}
