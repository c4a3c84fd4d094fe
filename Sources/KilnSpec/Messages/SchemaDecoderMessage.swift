import KilnDiagnostics
import KilnSupport
import KilnYAML

/// The messages of `SchemaDecoder`: a document's shape against its kind's schema.
enum SchemaDecoderMessage: DiagnosticMessage {
  case unsupportedTag(tag: String, path: FieldPath)
  case secretValue(path: FieldPath, kind: String)
  case secretEntryField(field: String)
  case fieldRange(path: FieldPath, field: String, written: String?, value: Double, range: FieldRange)
  case missingField(field: String, path: FieldPath)
  case unknownField(field: String, path: FieldPath)
  case keyNotText(path: FieldPath)
  case wrongShape(path: FieldPath, expected: String, found: YAMLNode)
  case invalidName(what: String, name: String, problem: String)

  enum ID {
    static let unsupportedTag = MessageID(
      SpecCodes.unsupportedTag, "schema-tag", "unsupported tag TAG on PATH (only !!str is accepted)")
    static let secretValue = MessageID(
      SpecCodes.secretLiteral, "schema-credential-value", "PATH holds what looks like a credential of KIND")
    static let secretEntryField = MessageID(
      SpecCodes.secretLiteral, "schema-secret-entry-value",
      "a secret entry sets FIELD (value, data or stringData), which would put the secret in the spec")
    static let fieldRange = MessageID(
      SpecCodes.invalidValue, "field-range", "PATH is VALUE; it must be RANGE (the field's own bounds)")
    static let missingField = MessageID(
      SpecCodes.missingField, "schema-required-field", "missing required field FIELD in PATH")
    static let unknownField = MessageID(SpecCodes.unknownField, "schema-unknown-field", "unknown field FIELD in PATH")
    static let keyNotText = MessageID(SpecCodes.wrongNodeType, "schema-key-not-text", "keys of PATH must be plain text")
    static let wrongShape = MessageID(
      SpecCodes.wrongNodeType, "schema-shape", "PATH must be EXPECTED (a mapping, a list or a value), found FOUND")
    static let invalidName = MessageID(
      SpecCodes.invalidName, "schema-map-key-name", "invalid WHAT NAME, a key of a mapping of names: PROBLEM")
  }

  static let all = [
    ID.unsupportedTag, ID.secretValue, ID.secretEntryField, ID.fieldRange, ID.missingField, ID.unknownField,
    ID.keyNotText, ID.wrongShape, ID.invalidName,
  ]

  var id: MessageID {
    switch self {
    case .unsupportedTag: ID.unsupportedTag
    case .secretValue: ID.secretValue
    case .secretEntryField: ID.secretEntryField
    case .fieldRange: ID.fieldRange
    case .missingField: ID.missingField
    case .unknownField: ID.unknownField
    case .keyNotText: ID.keyNotText
    case .wrongShape: ID.wrongShape
    case .invalidName: ID.invalidName
    }
  }

  var text: String {
    switch self {
    case .unsupportedTag(let tag, let path): "unsupported tag '\(SchemaDecoder.shortTag(tag))' on '\(path)'"
    case .secretValue(let path, let kind): "'\(path)' holds what looks like \(kind); specs must not contain secrets"
    case .secretEntryField(let name): "secret entries are references; '\(name)' would put the secret in the spec"
    case .fieldRange(let path, let name, let written, let number, let bounds):
      "'\(path.isEmpty ? name : "\(path).\(name)")' is \(written ?? JSONValue.format(number)); it must be \(bounds.description)"
    case .missingField(let field, let path): "missing required field '\(field)'\(path.isEmpty ? "" : " in '\(path)'")"
    case .unknownField(let name, let path): "unknown field '\(name)'\(path.isEmpty ? "" : " in '\(path)'")"
    case .keyNotText(let path): "keys of '\(path)' must be plain text"
    case .wrongShape(let path, let what, let node):
      "'\(path)' must be \(what), found \(Self.found(node))"
    case .invalidName(let what, let name, let problem): "invalid \(what) '\(name)': \(problem)"
    }
  }

  /// What a value of the wrong shape is, as the message says it.
  static func found(_ node: YAMLNode) -> String {
    switch node.kind {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar: node.value.isEmpty && node.style == .plain ? "nothing" : "'\(node.value)'"
    }
  }
}
