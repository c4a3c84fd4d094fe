import ArgumentParser
import Foundation
import KilnDriver

/// `kiln ir [PROJECT]`: the canonical IR as JSON (what `kiln plan` compares); with `--expand`, every
/// server, GPU, NIC port, switch and link as JSON Lines.
struct IR: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ir", abstract: "Print the canonical IR of a project as JSON (available whenever K1–K3 are clean).")

  @OptionGroup var options: ProjectOutputOptions

  @Flag(help: "Write the link-level expansion as JSON Lines (one object per line) instead.")
  var expand = false

  func run() throws {
    guard expand else {
      try options.emit(.ir)
      return
    }
    let output = BufferedOutput()
    let result: (lint: LintResult, written: Bool)
    do {
      result = try Reporter(environment: options.environment).expand(options.project) { output.write($0) }
    } catch let error as LintInputError {
      throw failure("\(error.message)")
    }
    output.flush()
    if result.lint.hasErrors {
      let printer = DiagnosticPrinter(format: .human, useColor: options.color.onStandardError, sourceRootURI: nil)
      FileHandle.standardError.write(Data(printer.render(result.lint).utf8))
      throw ExitCode(1)
    }
  }
}

/// Standard output in 1 MiB chunks: an expansion writes millions of short lines.
final class BufferedOutput {
  private var buffer: [UInt8] = []

  init() { buffer.reserveCapacity(1 << 20) }

  func write(_ line: String) {
    buffer.append(contentsOf: line.utf8)
    buffer.append(0x0A)
    if buffer.count >= 1 << 20 { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
