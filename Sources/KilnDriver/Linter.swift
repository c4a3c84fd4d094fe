import KilnAnalysis
import KilnBackends
import KilnDiagnostics
import KilnIR
import KilnSpec

/// The result of linting a project.
public struct LintResult: Sendable {
  public var project: Project
  public var diagnostics: [Diagnostic]
  public var summary: DiagnosticSummary
  /// The IR the analyzer checked, so later stages do not build it again; nil when syntax, schema or
  /// reference errors (K1–K3) stopped the pipeline before it.
  public var ir: IRProject?
  /// The analyzer's result for `ir`: its figures, computed once, which every later stage reads.
  public var analysis: Analysis?
  /// `--warnings-as-errors`: warnings fail the run (`failed`), and nothing else changes.
  public var warningsAsErrors = false

  public var hasErrors: Bool { summary.errors > 0 }
  /// Whether `kiln lint` exits 1: errors, or warnings under `--warnings-as-errors`.
  public var failed: Bool { hasErrors || (warningsAsErrors && summary.warnings > 0) }

  /// The capacity and cost report, from the analysis' figures and the final diagnostics; nil when K1–K3
  /// errors stopped the pipeline.
  public func report() -> ProjectReport? {
    guard let ir, let analysis else { return nil }
    return analysis.report(ir, diagnostics: diagnostics)
  }
}

/// `kiln lint`: load and validate a project, apply its Policy's severities, collect diagnostics.
///
/// The order (docs/language.md, "Lint order"): (1) the front end reports syntax, schema and reference
/// diagnostics; (2) the Policy's severity overrides apply to every code; (3) the gate reads effective
/// severities: any K1–K3 error stops here (no IR, so report, build and plan write nothing); (4) the
/// analyzer and the backend name checks run; (5) the same overrides apply to their findings;
/// (6) `--warnings-as-errors` changes only `failed` (the exit code), never what is reported or whether
/// the analyzer runs.
public struct Linter: Sendable {
  /// The diagnostic families of the stages before the IR.
  static let frontEndFamilies = ["K1", "K2", "K3"]

  public var environment: String?
  public var warningsAsErrors: Bool

  public init(environment: String? = nil, warningsAsErrors: Bool = false) {
    self.environment = environment
    self.warningsAsErrors = warningsAsErrors
  }

  public func lint(_ path: String) throws -> LintResult {
    let engine = DiagnosticEngine()
    let project = try ProjectLoader(environment: environment).load(path, into: engine)
    // Overrides are kept by the engine and apply to every diagnostic, whenever it is reported (step 5).
    applyPolicy(project, engine)
    var ir: IRProject?
    var analysis: Analysis?
    if !engine.hasErrors(inFamilies: Self.frontEndFamilies) {
      let built = IRBuilder.build(project)
      let analyzed = Analyzer.analyze(built)
      engine.emit(contentsOf: analyzed.diagnostics)
      engine.emit(contentsOf: KubernetesNames.problems(built))
      ir = built
      analysis = analyzed
    }
    let diagnostics = engine.diagnostics
    return LintResult(
      project: project, diagnostics: diagnostics,
      summary: DiagnosticSummary(diagnostics: diagnostics, files: project.fileCount), ir: ir, analysis: analysis,
      warningsAsErrors: warningsAsErrors)
  }

  /// A Policy rule's `severity` applies to every code of its check.
  func applyPolicy(_ project: Project, _ engine: DiagnosticEngine) {
    guard let policy = project.typed.policy else { return }
    for rule in policy.rules {
      guard let setting = rule.severity?.value else { continue }
      let severity = setting.severity
      for code in DiagnosticRegistry.all where code.check == rule.check.value {
        engine.setSeverity(severity, for: code.id)
      }
    }
  }
}

/// Problems with the input paths themselves (exit 2), as opposed to diagnostics in the specs.
public typealias LintInputError = ProjectLoadError
