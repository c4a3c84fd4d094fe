import ArgumentParser
import Foundation
import KilnDriver
import KilnPlan

/// `kiln plan [PROJECT] --base REV|DIR`: what changes between two versions of a project.
struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what changes between a base and the head: objects, capacity, cost, Kubernetes, risks.",
    discussion: """
      Exit codes: 0 success; 1 usage or I/O errors, or syntax, schema or reference errors (K1-K3) in \
      base or head; with --detailed-exitcode 2 when there are changes; 3 when a change carries a \
      --fail-on flag. Precedence 1 > 3 > 2 > 0.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case human, markdown, json }

  @Argument(help: "The head project folder (the one holding kiln.yaml).")
  var project: String = "."

  @Option(help: "The base: a folder, else a git revision (a folder of the same name wins).")
  var base: String?

  @Option(name: .customLong("base-rev"), help: "The base as a git revision, even if a folder has its name.")
  var baseRevision: String?

  @Option(name: .customLong("base-dir"), help: "The base as a folder.")
  var baseFolder: String?

  @Option(name: .customLong("head"), help: "Read the head from this git revision instead of the work tree.")
  var headRevision: String?

  @Option(name: .customLong("env"), help: "Apply this environment's overlays to both sides.")
  var environment: String?

  @Option(help: "Output format: human, markdown (a pull-request comment) or json.")
  var format: Format = .human

  @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when there are changes (Terraform's convention).")
  var detailedExitCode = false

  @Option(
    name: .customLong("fail-on"),
    help: "Exit 3 when a change carries one of these flags: destructive,capacity,budget,residency.")
  var failOn: String?

  @OptionGroup var color: ColorOptions

  func validate() throws {
    let bases = [base, baseRevision, baseFolder].compactMap { $0 }
    guard bases.count == 1 else { throw ValidationError("give exactly one of --base, --base-rev and --base-dir") }
    for name in failFlags where Risk.Flag(rawValue: name) == nil {
      throw ValidationError(
        "unknown --fail-on flag '\(name)' (flags: \(Risk.Flag.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
  }

  var failFlags: [String] {
    (failOn ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  func run() throws {
    let source: Planner.Base =
      if let baseRevision { .revision(baseRevision) } else if let baseFolder { .folder(baseFolder) } else {
        .either(base ?? "")
      }
    let plan: KilnPlan.Plan
    do {
      plan = try Planner(environment: environment).plan(project: project, base: source, head: headRevision)
    } catch {
      switch error {
      case .input(let message):
        FileHandle.standardError.write(Data("kiln: \(message)\n".utf8))
      case .invalid(let side, let lint):
        let printer = DiagnosticPrinter(format: .human, useColor: color.onStandardError, sourceRootURI: nil)
        FileHandle.standardError.write(Data(printer.render(lint).utf8))
        FileHandle.standardError.write(
          Data("kiln: \(side) has syntax, schema or reference errors; no plan\n".utf8))
      }
      throw ExitCode(1)
    }
    let text: String =
      switch format {
      case .human: HumanPlan.render(plan, useColor: color.onStandardOutput)
      case .markdown: MarkdownPlan.render(plan)
      case .json: JSONPlan.render(plan)
      }
    FileHandle.standardOutput.write(Data(text.utf8))
    let flagged = Set(failFlags)
    if plan.risks.contains(where: { flagged.contains($0.flag.rawValue) }) { throw ExitCode(3) }
    if detailedExitCode && plan.hasChanges { throw ExitCode(2) }
  }
}
