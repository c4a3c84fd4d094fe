/// One edit of a fix-it: replace the text of `range` with `replacement`.
public struct TextEdit: Hashable, Sendable {
  public var range: SourceRange
  public var replacement: String

  public init(range: SourceRange, replacement: String) {
    self.range = range
    self.replacement = replacement
  }
}

/// A suggested change that resolves a diagnostic.
public struct FixIt: Hashable, Sendable {
  public var message: String
  public var edits: [TextEdit]

  public init(message: String, edits: [TextEdit]) {
    self.message = message
    self.edits = edits
  }

  /// "did you mean 'X'?": `range` becomes `suggestion` (or `replacement`, when the suggestion is part of
  /// the text, as a unit inside a quantity).
  public static func didYouMean(_ suggestion: String, at range: SourceRange, replacement: String? = nil) -> FixIt {
    FixIt(
      message: "did you mean '\(suggestion)'?", edits: [TextEdit(range: range, replacement: replacement ?? suggestion)])
  }
}

/// Additional context, optionally at another location ("the limit comes from ...").
public struct Note: Hashable, Sendable {
  public var message: String
  public var range: SourceRange?

  public init(_ message: String, at range: SourceRange? = nil) {
    self.message = message
    self.range = range
  }
}

/// A problem found in the user's input: data, not text. Renderers turn it into text.
public struct Diagnostic: Hashable, Sendable {
  public var code: DiagnosticCode
  /// Which of the code's messages this is (`K2029.field-range`).
  public var messageID: MessageID
  public var severity: Severity
  public var message: String
  public var range: SourceRange
  /// A short label printed under the caret in the human form.
  public var label: String?
  public var notes: [Note]
  public var help: [String]
  public var fixIts: [FixIt]
  /// The ids of the objects the finding is about (`Region/eu/serving/chat-2`, `Cluster/infer-eu`), so
  /// consumers such as the plan match findings by (code, subjects), never by message text.
  public var subjects: [String]

  public init(
    _ message: some DiagnosticMessage, at range: SourceRange, severity: Severity? = nil, label: String? = nil,
    notes: [Note] = [], help: [String] = [], fixIts: [FixIt] = [], subjects: [String] = []
  ) {
    self.init(
      message.id, message.text, at: range, severity: severity, label: label, notes: notes, help: help, fixIts: fixIts,
      subjects: subjects)
  }

  private init(
    _ id: MessageID, _ message: String, at range: SourceRange, severity: Severity?, label: String?, notes: [Note],
    help: [String], fixIts: [FixIt], subjects: [String]
  ) {
    self.code = id.code
    self.messageID = id
    self.severity = severity ?? id.code.defaultSeverity
    self.message = message
    self.range = range
    self.label = label
    self.notes = notes
    self.help = help
    self.fixIts = fixIts
    self.subjects = subjects
  }

  /// The order diagnostics are rendered in: file, offset, severity, code.
  public static func renderingOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if lhs.range.file != rhs.range.file { return lhs.range.file < rhs.range.file }
    if lhs.range.start.offset != rhs.range.start.offset { return lhs.range.start.offset < rhs.range.start.offset }
    if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
    if lhs.code.id != rhs.code.id { return lhs.code.id < rhs.code.id }
    return lhs.message < rhs.message
  }
}
