import KilnDiagnostics

/// The messages of `JurisdictionCheck`.
enum JurisdictionMessage: DiagnosticMessage {
  case unknown(code: String)

  enum ID {
    static let unknown = MessageID(SpecCodes.unknownJurisdiction, "jurisdiction-unknown", "unknown jurisdiction 'CODE'")
  }

  static let all = [ID.unknown]

  var id: MessageID {
    switch self {
    case .unknown: ID.unknown
    }
  }

  var text: String {
    switch self {
    case .unknown(let code): "unknown jurisdiction '\(code)'"
    }
  }
}
