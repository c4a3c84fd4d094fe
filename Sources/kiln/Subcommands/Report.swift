import ArgumentParser
import KilnDriver

/// `kiln report [PROJECT]`: the capacity and cost report.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print the capacity and cost report of a project.")

  /// The report's formats (docs/report-format.md); DOT and the IR have their own commands.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case markdown, json, html, csv

    var reportFormat: ReportFormat {
      switch self {
      case .markdown: .markdown
      case .json: .json
      case .html: .html
      case .csv: .csv
      }
    }
  }

  @OptionGroup var options: ProjectOutputOptions

  @Option(help: "Output format: markdown, json, html, or csv (the bill of materials).")
  var format: Format = .markdown

  func run() throws { try options.emit(format.reportFormat) }
}
