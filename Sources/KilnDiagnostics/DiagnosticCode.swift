/// A stable diagnostic code (`K2004`) with its documentation. The wording of messages may change;
/// the id never does. Each stage declares the codes it emits; `kiln explain`, the SARIF rule table
/// and `docs/diagnostics.md` are all generated from these values.
public struct DiagnosticCode: Hashable, Sendable, Comparable {
  public let id: String
  /// One line: what went wrong, as a rule name (SARIF `shortDescription`).
  public let title: String
  public let defaultSeverity: Severity
  /// What the diagnostic means and why Kiln reports it.
  public let explanation: String
  /// A minimal input that triggers it.
  public let example: String
  /// How to fix it.
  public let fix: String
  /// The Policy check id that configures it, if any.
  public let check: String?

  public init(
    _ id: String, _ title: String, severity: Severity = .error, check: String? = nil,
    explanation: String, example: String, fix: String
  ) {
    self.id = id
    self.title = title
    self.defaultSeverity = severity
    self.check = check
    self.explanation = explanation
    self.example = example
    self.fix = fix
  }

  public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
  public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id < rhs.id }
}
