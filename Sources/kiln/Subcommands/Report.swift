import ArgumentParser
import KilnDriver

/// `kiln report [PROJECT]`: the capacity and cost report.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print the capacity and cost report of a project.")

  @OptionGroup var options: ProjectOutputOptions

  @Option(help: "Output format: markdown, json, html, or csv (the bill of materials).")
  var format: ReportFormat = .markdown

  func run() throws { try options.emit(format) }
}

extension ReportFormat: ExpressibleByArgument {}
