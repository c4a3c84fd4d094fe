import ArgumentParser
import Foundation
import KilnDriver

/// `--color`, shared by every subcommand.
struct ColorOptions: ParsableArguments {
  @Option(help: "Colour output: auto (a terminal, unless NO_COLOR or TERM=dumb), always or never.")
  var color: ColorChoice = .auto

  /// Whether to colour what goes to standard output.
  var onStandardOutput: Bool { use(on: STDOUT_FILENO) }
  /// Whether to colour what goes to standard error (diagnostics of build, report, plan, graph, ir).
  var onStandardError: Bool { use(on: STDERR_FILENO) }

  private func use(on descriptor: Int32) -> Bool {
    color.useColor(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(descriptor) == 1)
  }
}

extension ColorChoice: ExpressibleByArgument {}
