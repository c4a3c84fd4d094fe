import ArgumentParser
import Foundation
import KilnDriver

/// The project, environment and output file shared by `report`, `graph` and `ir`, and how they emit.
struct ProjectOutputOptions: ParsableArguments {
  @Argument(help: "The project folder (the one holding kiln.yaml).")
  var project: String = "."

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
  var output: String?

  @Option(name: .customLong("env"), help: "Apply this environment's overlays.")
  var environment: String?

  @OptionGroup var color: ColorOptions

  /// Lints, renders `format`, writes it; diagnostics go to standard error. K1–K3 errors: nothing is
  /// written, exit 1. Analyzer errors: the output is written, exit 1.
  func emit(_ format: ReportFormat) throws {
    let result: Reporter.Output
    do {
      result = try Reporter(environment: environment).report(project, format: format)
    } catch let error as LintInputError {
      throw failure(error.message)
    }
    let hasErrors = result.lint.hasErrors
    if hasErrors {
      let printer = DiagnosticPrinter(format: .human, useColor: color.onStandardError, sourceRootURI: nil)
      FileHandle.standardError.write(Data(printer.render(result.lint).utf8))
    }
    guard let text = result.text else { throw ExitCode(1) }
    if let output, output != "-" {
      do {
        try AtomicFile.write(text, to: output)
      } catch {
        throw failure("cannot write \(output)")
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    if hasErrors { throw ExitCode(1) }
  }
}
