/// The stable id of one message under its code (`K2029.field-range`), with what the message says for
/// `kiln explain`. A code may have several messages; each has its own id, so tools tell them apart
/// without reading the wording, which may improve.
public struct MessageID: Hashable, Sendable, Comparable {
  public let code: DiagnosticCode
  /// Lower-case words joined by `-`, unique under the code.
  public let name: String
  /// What the message says, its arguments in capitals (`unknown field NAME in PATH`).
  public let summary: String

  public init(_ code: DiagnosticCode, _ name: String, _ summary: String) {
    self.code = code
    self.name = name
    self.summary = summary
  }

  /// `K2029.field-range`.
  public var id: String { "\(code.id).\(name)" }

  public static func == (lhs: MessageID, rhs: MessageID) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
  public static func < (lhs: MessageID, rhs: MessageID) -> Bool { lhs.id < rhs.id }
}

/// One message, as swift-syntax's `DiagnosticMessage`: each distinct wording is its own case of a
/// family's enum, with its arguments as typed values and its words in one place (`text`).
public protocol DiagnosticMessage: Sendable {
  var id: MessageID { get }
  var text: String { get }
}
