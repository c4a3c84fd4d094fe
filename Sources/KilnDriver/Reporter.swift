import KilnAnalysis
import KilnBackends
import KilnDiagnostics
import KilnIR
import KilnSpec

/// `kiln report` formats.
public enum ReportFormat: String, CaseIterable, Sendable {
  case markdown
  case json
  /// One self-contained HTML file with SVG charts.
  case html
  /// The bill of materials.
  case csv
  /// Graphviz DOT (`kiln graph`).
  case dot
  /// The canonical IR (`kiln ir`).
  case ir
}

/// `kiln report`: lint, then the capacity and cost report. With syntax, schema or reference errors
/// there is no report (`text` is nil); with analyzer errors the report is written and lists them.
public struct Reporter: Sendable {
  public var environment: String?

  public init(environment: String? = nil) {
    self.environment = environment
  }

  public struct Output: Sendable {
    public var lint: LintResult
    public var text: String?
  }

  public func report(_ path: String, format: ReportFormat) throws -> Output {
    let lint = try Linter(environment: environment).lint(path)
    guard let ir = lint.ir, let analysis = lint.analysis, let report = lint.report() else {
      return Output(lint: lint, text: nil)
    }
    let title = lint.project.objects(.project).first?.name ?? "Kiln project"
    switch format {
    case .json: return Output(lint: lint, text: JSONReport.render(report))
    case .markdown: return Output(lint: lint, text: MarkdownReport.render(report, title: title))
    case .html: return Output(lint: lint, text: HTMLReport.render(report, title: title))
    case .csv: return Output(lint: lint, text: CSVReport.render(analysis.billOfMaterials, report))
    case .dot: return Output(lint: lint, text: DOTGraph.render(ir, title: title))
    case .ir: return Output(lint: lint, text: CanonicalIR.render(ir))
    }
  }
}

extension Reporter {
  /// `kiln ir --expand`: lint, then write the link-level expansion as JSON Lines to `sink`. Returns
  /// false (writing nothing) when the project has K1–K3 errors or exceeds the expansion bound.
  public func expand(_ path: String, to sink: (String) -> Void) throws -> (lint: LintResult, written: Bool) {
    let lint = try Linter(environment: environment).lint(path)
    let tooLarge = lint.diagnostics.contains { $0.severity == .error && $0.code == AnalysisCodes.expansionTooLarge }
    guard let ir = lint.ir, !tooLarge else { return (lint, false) }
    Expansion.write(ir, to: sink)
    return (lint, true)
  }
}
