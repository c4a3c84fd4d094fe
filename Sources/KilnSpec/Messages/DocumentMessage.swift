import KilnDiagnostics

/// The messages of `DocumentDecoder`: a document's envelope (apiVersion, kind, metadata, spec).
enum DocumentMessage: DiagnosticMessage {
  case unknownAPIVersion(version: String)
  case missingEnvelopeField(field: String)
  case unknownKind(kind: String)

  enum ID {
    static let unknownAPIVersion = MessageID(
      SpecCodes.unknownAPIVersion, "document-api-version", "unknown apiVersion VERSION")
    static let missingEnvelopeField = MessageID(
      SpecCodes.missingField, "document-envelope-field", "a document has no FIELD (apiVersion, kind, metadata or spec)")
    static let unknownKind = MessageID(SpecCodes.unknownKind, "document-kind", "unknown kind KIND")
  }

  static let all = [ID.unknownAPIVersion, ID.missingEnvelopeField, ID.unknownKind]

  var id: MessageID {
    switch self {
    case .unknownAPIVersion: ID.unknownAPIVersion
    case .missingEnvelopeField: ID.missingEnvelopeField
    case .unknownKind: ID.unknownKind
    }
  }

  var text: String {
    switch self {
    case .unknownAPIVersion(let text): "unknown apiVersion '\(text)'"
    case .missingEnvelopeField(let field): "missing required field '\(field)'"
    case .unknownKind(let text): "unknown kind '\(text)'"
    }
  }
}
