import KilnDiagnostics

/// The messages of `SpecValidator.removingDuplicates(_:_:)`: a second object of one Kind/name.
enum DuplicateObjectMessage: DiagnosticMessage {
  case definedTwice(address: String)

  enum ID {
    static let definedTwice = MessageID(
      SpecCodes.duplicateObject, "spec-object-twice", "KIND/NAME is defined twice in the project")
  }

  static let all = [ID.definedTwice]

  var id: MessageID {
    switch self {
    case .definedTwice: ID.definedTwice
    }
  }

  var text: String {
    switch self {
    case .definedTwice(let address): "\(address) is defined twice"
    }
  }
}
