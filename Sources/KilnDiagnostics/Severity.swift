/// How serious a diagnostic is. `off` exists only so a Policy can silence a check.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
  case error
  case warning
  case note

  private var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .note: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
