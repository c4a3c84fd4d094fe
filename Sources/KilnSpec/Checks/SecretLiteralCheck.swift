import KilnDiagnostics

/// No scalar value may look like a credential (`secret-literal`). Keys, names and environment
/// variable names are never checked: only values can leak a secret.
struct SecretLiteralCheck: SpecCheck {
  static let skippedFields: Set<String> = ["name", "key", "env"]

  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for object in project.objects {
      scan(object.spec, field: "spec", engine: engine)
      scan(object.metadata, field: "metadata", engine: engine)
    }
  }

  private func scan(_ node: SpecNode, field: String, engine: DiagnosticEngine) {
    switch node.value {
    case .text(let text):
      guard !Self.skippedFields.contains(field), let kind = Self.credentialKind(text) else { return }
      engine.emit(
        Diagnostic(
          SpecCodes.secretLiteral, "'\(field)' holds what looks like \(kind); specs must not contain secrets",
          at: node.range,
          help: [
            "store it in a Kubernetes Secret and reference it (secrets: [{name, key, env}])",
            "treat the credential as leaked and rotate it",
          ]))
    case .list(let items):
      for item in items { scan(item, field: field, engine: engine) }
    case .object(let fields):
      for child in fields { scan(child.node, field: child.name, engine: engine) }
    default:
      break
    }
  }

  /// The credential patterns of LANGUAGE.md, case-sensitive and length-bounded.
  static func credentialKind(_ text: String) -> String? {
    func alphanumeric(_ scalar: Unicode.Scalar) -> Bool {
      scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
    }
    if text.hasPrefix("hf_") {
      let rest = text.unicodeScalars.dropFirst(3)
      if rest.count >= 30 && rest.allSatisfy(alphanumeric) { return "a Hugging Face token" }
    }
    if text.hasPrefix("sk-") {
      let rest = text.unicodeScalars.dropFirst(3)
      if rest.count >= 20 && rest.allSatisfy({ alphanumeric($0) || $0 == "_" || $0 == "-" }) { return "an API key" }
    }
    if text.hasPrefix("ghp_") {
      let rest = text.unicodeScalars.dropFirst(4)
      if rest.count == 36 && rest.allSatisfy(alphanumeric) { return "a GitHub token" }
    }
    if text.contains("-----BEGIN ") && text.contains("PRIVATE KEY-----") { return "a private key" }
    return nil
  }
}
