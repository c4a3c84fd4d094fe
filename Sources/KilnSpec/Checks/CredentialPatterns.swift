/// Values that look like credentials (`secret-literal`, LANGUAGE.md): case-sensitive and
/// length-bounded so ordinary text never matches. Checked on every scalar value as it is decoded,
/// whatever its field's type, so a token in a choice or number field is still caught.
enum CredentialPatterns {
  /// Fields whose values are names, never secrets: a Secret's name and key, an environment variable.
  static let exemptFields: Set<String> = ["name", "key", "env"]

  /// What kind of credential `text` looks like, or `nil`.
  static func match(_ text: String) -> String? {
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
