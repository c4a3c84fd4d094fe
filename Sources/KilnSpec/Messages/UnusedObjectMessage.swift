import KilnDiagnostics

/// The messages of `UnusedObjectCheck`.
enum UnusedObjectMessage: DiagnosticMessage {
  case unused(address: String, reason: String)

  enum ID {
    static let unused = MessageID(
      SpecCodes.unusedObject, "unused-object", "ADDRESS (a Model, Storage or Fabric) is not used: REASON")
  }

  static let all = [ID.unused]

  var id: MessageID {
    switch self {
    case .unused: ID.unused
    }
  }

  var text: String {
    switch self {
    case .unused(let address, let reason): "\(address) is not used: \(reason)"
    }
  }
}
