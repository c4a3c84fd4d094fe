/// Counts shown at the end of a run and in machine-readable output.
public struct DiagnosticSummary: Sendable, Hashable {
  public var errors: Int
  public var warnings: Int
  public var notes: Int
  public var files: Int

  public init(diagnostics: [Diagnostic], files: Int) {
    errors = diagnostics.count { $0.severity == .error }
    warnings = diagnostics.count { $0.severity == .warning }
    notes = diagnostics.count { $0.severity == .note }
    self.files = files
  }

  /// `2 errors, 1 warning in 6 files`.
  public var sentence: String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    let noteText = notes > 0 ? ", \(plural(notes, "note"))" : ""
    return "\(plural(errors, "error")), \(plural(warnings, "warning"))\(noteText) in \(plural(files, "file"))"
  }
}
