import ArgumentParser
import Foundation
import KilnDriver

/// `kiln lint [PROJECT]`: every diagnostic of every stage.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Check a project and print its diagnostics.")

  @Argument(help: "The project folder (the one holding kiln.yaml).")
  var project: String = "."

  @Option(help: "Output format: human, json, sarif or github.")
  var format: OutputFormat = .human

  @Option(name: .customLong("env"), help: "Apply this environment's overlays.")
  var environment: String?

  @Flag(help: "Exit 1 when there are warnings (they are still reported as warnings).")
  var warningsAsErrors = false

  @OptionGroup var color: ColorOptions

  func run() throws {
    let result: LintResult
    do {
      result = try Linter(environment: environment, warningsAsErrors: warningsAsErrors).lint(project)
    } catch let error as LintInputError {
      throw failure("\(error.message)")
    }
    let printer = DiagnosticPrinter(
      format: format, useColor: color.onStandardOutput, sourceRootURI: Terminal.currentDirectoryURI())
    FileHandle.standardOutput.write(Data(printer.render(result).utf8))
    if result.failed && !result.hasErrors {
      let count = result.summary.warnings
      FileHandle.standardError.write(
        Data("kiln: failing on \(count) warning\(count == 1 ? "" : "s") (--warnings-as-errors)\n".utf8))
    }
    // Exit here rather than return: freeing a large project's tree node by node costs more than
    // the process exit that frees it anyway.
    Foundation.exit(result.failed ? 1 : 0)
  }
}

extension OutputFormat: ExpressibleByArgument {}
