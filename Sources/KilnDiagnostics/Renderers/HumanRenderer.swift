/// Renders diagnostics the way rustc does: a header, the location, the source line with an
/// underline, then notes and help lines.
public struct HumanRenderer: Sendable {
  public var useColor: Bool

  public init(useColor: Bool) {
    self.useColor = useColor
  }

  public func render(_ diagnostics: [Diagnostic], sources: [String: SourceFile], summary: DiagnosticSummary) -> String {
    var out = ""
    for diagnostic in diagnostics {
      out += render(diagnostic, source: sources[diagnostic.range.file])
      out += "\n"
    }
    out += paint(summary.sentence, summary.errors > 0 ? .red : (summary.warnings > 0 ? .yellow : .green), bold: true)
    out += "\n"
    return out
  }

  public func render(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
    let start = diagnostic.range.start
    let gutterWidth = String(max(start.line, 1)).count
    let pad = String(repeating: " ", count: gutterWidth)
    let colour = Self.colour(of: diagnostic.severity)
    var out = paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.id)]", colour, bold: true)
    out += paint(": \(diagnostic.message)", nil, bold: true) + "\n"
    out += pad + paint("--> ", .blue, bold: true)
    out += "\(diagnostic.range.file):\(start.line):\(start.column)\n"
    if let source, start.line <= source.lineStarts.count, !source.bytes.isEmpty {
      let snippet = Snippet(line: source.lineText(start.line), diagnostic: diagnostic)
      out += pad + paint(" |", .blue, bold: true) + "\n"
      out += paint(String(start.line), .blue, bold: true) + paint(" | ", .blue, bold: true) + snippet.text + "\n"
      var marks = String(repeating: "^", count: snippet.underlineWidth)
      if let label = diagnostic.label { marks += " " + label }
      out += pad + paint(" | ", .blue, bold: true) + snippet.lead + paint(marks, colour, bold: true) + "\n"
    }
    for note in diagnostic.notes {
      out += pad + paint(" = ", .blue, bold: true) + paint("note", nil, bold: true) + ": " + note.message
      if let range = note.range {
        out += " (\(range.file):\(range.start.line):\(range.start.column))"
      }
      out += "\n"
    }
    for help in diagnostic.help {
      out += pad + paint(" = ", .blue, bold: true) + paint("help", nil, bold: true) + ": " + help + "\n"
    }
    for fixIt in diagnostic.fixIts {
      out += pad + paint(" = ", .blue, bold: true) + paint("help", nil, bold: true) + ": " + fixIt.message + "\n"
    }
    return out
  }

  enum Colour: String {
    case red = "31"
    case yellow = "33"
    case blue = "34"
    case cyan = "36"
    case green = "32"
  }

  private static func colour(of severity: Severity) -> Colour {
    switch severity {
    case .error: .red
    case .warning: .yellow
    case .note: .cyan
    }
  }

  private func paint(_ text: String, _ colour: Colour?, bold: Bool) -> String {
    guard useColor else { return text }
    var codes: [String] = []
    if bold { codes.append("1") }
    if let colour { codes.append(colour.rawValue) }
    guard !codes.isEmpty else { return text }
    return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
  }
}

/// The source line shown under a diagnostic: control characters made visible (so a NUL byte never
/// reaches the terminal) and very long lines cut to a window around the column.
struct Snippet {
  static let maximumWidth = 120

  var text: String
  /// What goes before the carets: spaces, or tabs where the line has tabs.
  var lead: String
  var underlineWidth: Int

  init(line: String, diagnostic: Diagnostic) {
    var scalars = line.unicodeScalars.map { scalar -> Unicode.Scalar in
      scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F ? "\u{FFFD}" : scalar
    }
    let start = diagnostic.range.start
    let end = diagnostic.range.end
    var column = min(max(start.codePointColumn - 1, 0), scalars.count)
    var width =
      end.line == start.line ? max(1, end.codePointColumn - start.codePointColumn) : max(1, scalars.count - column)
    var prefix = ""
    var suffix = ""
    if scalars.count > Self.maximumWidth {
      let first = max(0, min(column - 20, scalars.count - Self.maximumWidth))
      let last = min(scalars.count, first + Self.maximumWidth)
      if first > 0 { prefix = "…" }
      if last < scalars.count { suffix = "…" }
      scalars = Array(scalars[first..<last])
      column -= first
      width = min(width, max(1, scalars.count - column))
    }
    text = prefix + String(String.UnicodeScalarView(scalars)) + suffix
    lead =
      (prefix.isEmpty ? "" : " ")
      + String(String.UnicodeScalarView(scalars[0..<column].map { $0 == "\t" ? "\t" : " " }))
    underlineWidth = width
  }
}
