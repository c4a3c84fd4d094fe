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

  public var hasErrors: Bool { summary.errors > 0 }
}

/// `kiln lint`: load and validate a project, apply its Policy's severities, collect diagnostics.
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
    engine.warningsAsErrors = warningsAsErrors
    let project = try ProjectLoader(environment: environment).load(path, into: engine)
    // The analyzer runs on a project without syntax, schema or reference errors (K1–K3).
    var ir: IRProject?
    if !engine.hasErrors(inFamilies: Self.frontEndFamilies) {
      let built = IRBuilder.build(project)
      engine.emit(contentsOf: Analyzer.analyze(built))
      engine.emit(contentsOf: KubernetesNames.problems(built))
      ir = built
    }
    applyPolicy(project, engine)
    let diagnostics = engine.diagnostics
    return LintResult(
      project: project, diagnostics: diagnostics,
      summary: DiagnosticSummary(diagnostics: diagnostics, files: project.fileCount), ir: ir)
  }

  /// A Policy rule's `severity` applies to every code of its check.
  func applyPolicy(_ project: Project, _ engine: DiagnosticEngine) {
    guard let policy = project.objects(.policy).first else { return }
    for rule in policy.spec["rules"]?.items ?? [] {
      guard let id = rule["check"]?.text, let severityText = rule["severity"]?.text else { continue }
      let severity = Severity(rawValue: severityText)
      for code in DiagnosticRegistry.all where code.check == id {
        engine.setSeverity(severity, for: code.id)
      }
    }
  }
}

/// Problems with the input paths themselves (exit 2), as opposed to diagnostics in the specs.
public typealias LintInputError = ProjectLoadError
