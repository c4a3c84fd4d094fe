import ArgumentParser
import Foundation
import KilnDiagnostics
import KilnDriver

/// The `kiln` command: a thin shell over KilnDriver.
@main
struct KilnCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kiln",
    abstract: "A compiler for AI infrastructure specs: lint, build, report, plan.",
    version: KilnVersion.current,
    subcommands: [
      Init.self, Lint.self, Build.self, Report.self, Plan.self, Graph.self, IR.self, Explain.self, Schema.self,
      Completions.self,
    ])

  /// Usage errors exit 2 with one line, not swift-argument-parser's 64 and a usage screen.
  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    if let first = arguments.first, !first.hasPrefix("-"), first != "help",
      !configuration.subcommands.contains(where: { $0._commandName == first })
    {
      let names = configuration.subcommands.map { $0._commandName }
      let hint = DidYouMean.suggestion(for: first, among: names).map { "; did you mean '\($0)'?" } ?? ""
      FileHandle.standardError.write(
        Data("kiln: unknown command '\(first)'\(hint) (commands: \(names.joined(separator: ", ")))\n".utf8))
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
      FileHandle.standardError.write(Data("kiln: \(UsageMessage.oneLine(fullMessage(for: error)))\n".utf8))
      // `plan` follows Terraform: any error, usage included, is 1 (2 means "changes").
      Foundation.exit(arguments.first == "plan" ? 1 : 2)
    }
  }
}
