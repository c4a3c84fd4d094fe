import KilnDiagnostics

/// The messages of `MetadataCheck`.
enum MetadataMessage: DiagnosticMessage {
  case namespacePrefix(prefix: String)
  case labelValue(value: String, problem: String)
  case key(key: String, problem: String)

  enum ID {
    static let namespacePrefix = MessageID(
      SpecCodes.invalidName, "metadata-namespace-prefix", "namespacePrefix PREFIX would make invalid namespace names")
    static let labelValue = MessageID(
      SpecCodes.invalidName, "metadata-label-value", "label value VALUE is not valid in Kubernetes: PROBLEM")
    static let key = MessageID(
      SpecCodes.invalidName, "metadata-key", "label or annotation key KEY is not valid in Kubernetes: PROBLEM")
  }

  static let all = [ID.namespacePrefix, ID.labelValue, ID.key]

  var id: MessageID {
    switch self {
    case .namespacePrefix: ID.namespacePrefix
    case .labelValue: ID.labelValue
    case .key: ID.key
    }
  }

  var text: String {
    switch self {
    case .namespacePrefix(let prefix):
      "namespacePrefix '\(prefix)' would make invalid namespace names: use lower-case letters, digits and '-', start with a letter or digit, at most 30 characters"
    case .labelValue(let value, let problem): "label value '\(value)' is not valid in Kubernetes: \(problem)"
    case .key(let key, let problem): "key '\(key)' is not valid in Kubernetes: \(problem)"
    }
  }
}
