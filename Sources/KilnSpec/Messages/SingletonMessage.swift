import KilnDiagnostics

/// The messages of `SingletonCheck`.
enum SingletonMessage: DiagnosticMessage {
  case secondPolicy(policy: String)

  enum ID {
    static let secondPolicy = MessageID(
      SpecCodes.misplacedSingleton, "singleton-second-policy", "Policy/NAME is a second Policy in the project")
  }

  static let all = [ID.secondPolicy]

  var id: MessageID {
    switch self {
    case .secondPolicy: ID.secondPolicy
    }
  }

  var text: String {
    switch self {
    case .secondPolicy(let policy): "a project has at most one Policy; Policy/\(policy) is a second one"
    }
  }
}
