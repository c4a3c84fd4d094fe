import ArgumentParser
import Foundation

/// The `kiln` command: a thin shell over KilnDriver.
@main
struct KilnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kiln",
    abstract: "A compiler for AI infrastructure specs: lint, build, report, plan.",
    version: "0.1.0",
    subcommands: [
      Lint.self, Build.self, Report.self, Plan.self, Graph.self, IR.self, Explain.self, Schema.self,
    ])

  /// Usage errors exit 2 with one line, not swift-argument-parser's 64 and a usage screen.
  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    if let first = arguments.first, !first.hasPrefix("-"), first != "help",
      !configuration.subcommands.contains(where: { $0._commandName == first })
    {
      let names = configuration.subcommands.map { $0._commandName }.joined(separator: ", ")
      FileHandle.standardError.write(Data("kiln: unknown command '\(first)' (commands: \(names))\n".utf8))
      Foundation.exit(2)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(0)
      }
      let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
      FileHandle.standardError.write(
        Data("kiln: \(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)\n".utf8))
      // `plan` follows Terraform: any error, usage included, is 1 (2 means "changes").
      Foundation.exit(arguments.first == "plan" ? 1 : 2)
    }
  }
}
