/// Collects the diagnostics of every stage. Stages report recoverable problems and keep going; the
/// driver stops only when the next stage cannot run. Severity overrides (from a Policy) apply to
/// every diagnostic of a code, whenever it was reported.
public final class DiagnosticEngine {
  /// What was emitted, before severity overrides and sorting.
  public private(set) var collected: [Diagnostic] = []
  /// Per-code severity overrides; `.some(nil)` silences the code.
  private var severityOverrides: [String: Severity?] = [:]

  public init() {}

  public func emit(_ diagnostic: Diagnostic) { collected.append(diagnostic) }

  public func emit(contentsOf list: [Diagnostic]) { collected += list }

  /// Changes the severity of a code; `nil` turns it off.
  public func setSeverity(_ severity: Severity?, for codeID: String) {
    severityOverrides[codeID] = .some(severity)
  }

  /// The diagnostics with overrides applied, in rendering order, without exact duplicates.
  public var diagnostics: [Diagnostic] {
    var seen = Set<Diagnostic>()
    var result: [Diagnostic] = []
    for var diagnostic in collected {
      if let override = severityOverrides[diagnostic.code.id] {
        guard let severity = override else { continue }
        diagnostic.severity = severity
      }
      if seen.insert(diagnostic).inserted { result.append(diagnostic) }
    }
    return result.sorted(by: Diagnostic.renderingOrder)
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Whether any error (severity overrides applied) has one of these codes' family prefixes.
  public func hasErrors(inFamilies prefixes: [String]) -> Bool {
    diagnostics.contains { diagnostic in
      diagnostic.severity == .error && prefixes.contains { diagnostic.code.id.hasPrefix($0) }
    }
  }
}
