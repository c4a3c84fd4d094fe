import KilnSupport

/// `--format json`: one object with every diagnostic and a summary; positions are 1-based, columns
/// in UTF-8 bytes (as in the human form).
public struct JSONRenderer: Sendable {
  public init() {}

  public func render(_ diagnostics: [Diagnostic], summary: DiagnosticSummary) -> String {
    let list = diagnostics.map { diagnostic -> JSONValue in
      .object([
        ("code", .string(diagnostic.code.id)),
        ("messageId", .string(diagnostic.messageID.id)),
        ("severity", .string(diagnostic.severity.rawValue)),
        ("message", .string(diagnostic.message)),
        ("file", .string(diagnostic.range.file)),
        ("line", .int(diagnostic.range.start.line)),
        ("column", .int(diagnostic.range.start.column)),
        ("endLine", .int(diagnostic.range.end.line)),
        ("endColumn", .int(diagnostic.range.end.column)),
        (
          "notes",
          .array(
            diagnostic.notes.map(Self.note) + diagnostic.help.map { .object([("message", .string("help: " + $0))]) })
        ),
        ("fixes", .array(diagnostic.fixIts.map(Self.fix))),
        ("subjects", .array(diagnostic.subjects.map { .string($0) })),
      ])
    }
    let document = JSONValue.object([
      ("diagnostics", .array(list)),
      (
        "summary",
        .object([
          ("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)), ("notes", .int(summary.notes)),
          ("files", .int(summary.files)),
        ])
      ),
    ])
    return document.serialized() + "\n"
  }

  private static func note(_ note: Note) -> JSONValue {
    var members: [(String, JSONValue)] = [("message", .string(note.message))]
    if let range = note.range {
      members += [
        ("file", .string(range.file)), ("line", .int(range.start.line)), ("column", .int(range.start.column)),
      ]
    }
    return .object(members)
  }

  private static func fix(_ fix: FixIt) -> JSONValue {
    .object([
      ("message", .string(fix.message)),
      (
        "edits",
        .array(
          fix.edits.map { edit in
            .object([
              ("file", .string(edit.range.file)), ("line", .int(edit.range.start.line)),
              ("column", .int(edit.range.start.column)), ("endLine", .int(edit.range.end.line)),
              ("endColumn", .int(edit.range.end.column)), ("replacement", .string(edit.replacement)),
            ])
          })
      ),
    ])
  }
}
