/// Values that look like credentials (`secret-literal`, docs/language.md §7): case-sensitive and
/// length-bounded so ordinary text never matches. Checked on every scalar value as it is decoded,
/// whatever its field's type, so a token in a choice or number field is still caught.
enum CredentialPatterns {
  /// What kind of credential `text` looks like, or `nil`.
  static func match(_ text: String) -> String? {
    // Every pattern needs at least 23 bytes; most values are shorter and are rejected here.
    guard text.utf8.count >= 23 else { return nil }
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
    if containsBytes(text, "-----BEGIN ") && containsBytes(text, "PRIVATE KEY-----") { return "a private key" }
    return nil
  }

  /// Byte-wise substring search (Foundation's `contains` is far slower on this hot path).
  static func containsBytes(_ text: String, _ needle: StaticString) -> Bool {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    guard let first = pattern.first else { return true }
    let bytes = Array(text.utf8)
    guard bytes.count >= pattern.count else { return false }
    var start = 0
    while start <= bytes.count - pattern.count {
      if bytes[start] == first {
        var offset = 1
        while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
        if offset == pattern.count { return true }
      }
      start += 1
    }
    return false
  }
}
