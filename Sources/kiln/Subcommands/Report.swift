import ArgumentParser
import Foundation
import KilnDriver

/// `kiln report [PROJECT]`: the capacity and cost report.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print the capacity and cost report of a project.")

  @Argument(help: "The project folder (the one holding kiln.yaml).")
  var project: String = "."

  @Option(help: "Output format: markdown or json.")
  var format: ReportFormat = .markdown

  @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
  var output: String?

  @Option(name: .customLong("env"), help: "Apply this environment's overlays.")
  var environment: String?

  func run() throws {
    let result: Reporter.Output
    do {
      result = try Reporter(environment: environment).report(project, format: format)
    } catch let error as LintInputError {
      FileHandle.standardError.write(Data("kiln: \(error.message)\n".utf8))
      throw ExitCode(2)
    }
    let hasErrors = result.lint.hasErrors
    if hasErrors {
      let printer = DiagnosticPrinter(format: .human, useColor: false, sourceRootURI: nil)
      FileHandle.standardError.write(Data(printer.render(result.lint).utf8))
    }
    guard let text = result.text else { throw ExitCode(1) }
    if let output, output != "-" {
      do {
        try AtomicFile.write(text, to: output)
      } catch {
        FileHandle.standardError.write(Data("kiln: cannot write \(output)\n".utf8))
        throw ExitCode(2)
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    if hasErrors { throw ExitCode(1) }
  }
}

extension ReportFormat: ExpressibleByArgument {}
