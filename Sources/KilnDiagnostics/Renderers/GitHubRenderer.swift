/// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
/// the pull request's diff.
public struct GitHubRenderer: Sendable {
  public init() {}

  public func render(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      let command: String
      switch diagnostic.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .note: command = "notice"
      }
      let range = diagnostic.range
      var properties = [
        "file=\(Self.escapeProperty(range.file))", "line=\(range.start.line)", "col=\(range.start.column)",
      ]
      if range.end.line >= range.start.line {
        properties += ["endLine=\(range.end.line)", "endColumn=\(range.end.column)"]
      }
      properties.append("title=\(diagnostic.code.id)")
      var message = diagnostic.message
      for note in diagnostic.notes { message += "\nnote: " + note.message }
      for help in diagnostic.help { message += "\nhelp: " + help }
      for fixIt in diagnostic.fixIts { message += "\nhelp: " + fixIt.message }
      out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
    }
    return out
  }

  static func escapeData(_ text: String) -> String {
    text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
  }

  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }
}

extension String {
  /// Replaces every occurrence of `target` (Foundation-free).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
