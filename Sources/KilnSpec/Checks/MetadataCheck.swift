import Foundation
import KilnDiagnostics

/// Labels, annotations and name prefixes end up in Kubernetes objects, so they follow Kubernetes'
/// rules: label keys `[prefix/]name`, label values of at most 63 characters, a namespace prefix
/// that keeps namespace names DNS labels.
struct MetadataCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for object in project.objects {
      let metadata = ObjectMetadata(object)
      checkLabels(metadata.labelEntries, engine)
      for entry in metadata.annotations { checkKey(entry.key, engine) }
    }
    let kubernetes = project.typed.project.kubernetes
    checkLabels(kubernetes.monitoringLabelEntries, engine)
    let prefix = kubernetes.namespacePrefix
    if !prefix.value.isEmpty {
      let allowed = prefix.value.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
      }
      if !allowed || prefix.value.hasPrefix("-") || prefix.value.utf8.count > 30 {
        engine.emit(
          Diagnostic(
            MetadataMessage.namespacePrefix(prefix: prefix.value),
            at: prefix.range, help: DNSLabel.suggestion(prefix.value).map { ["try '\($0)-'"] } ?? []))
      }
    }
  }

  private func checkLabels(_ entries: [TextEntry], _ engine: DiagnosticEngine) {
    for entry in entries {
      checkKey(entry.key, engine)
      if let problem = Self.labelValueProblem(entry.value.value) {
        engine.emit(
          Diagnostic(
            MetadataMessage.labelValue(value: entry.value.value, problem: problem),
            at: entry.value.range))
      }
    }
  }

  private func checkKey(_ key: Located<String>, _ engine: DiagnosticEngine) {
    if let problem = Self.labelKeyProblem(key.value) {
      engine.emit(
        Diagnostic(MetadataMessage.key(key: key.value, problem: problem), at: key.range))
    }
  }

  static func isNameCharacter(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
  }

  /// A qualified name's name part: at most 63 of `[A-Za-z0-9._-]`, alphanumeric at both ends.
  static func namePartProblem(_ name: Substring) -> String? {
    if name.isEmpty { return "the name part is empty" }
    if name.utf8.count > 63 { return "the name part is longer than 63 characters" }
    guard let first = name.utf8.first, let last = name.utf8.last, isNameCharacter(first), isNameCharacter(last) else {
      return "it must start and end with a letter or digit"
    }
    if !name.utf8.allSatisfy({ isNameCharacter($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) {
      return "only letters, digits, '-', '_' and '.' are allowed"
    }
    return nil
  }

  static func labelKeyProblem(_ key: String) -> String? {
    // Fast path for the common case: a plain name of letters, digits, '-', '_', '.'.
    var count = 0
    var plain = true
    for byte in key.utf8 {
      count += 1
      if !(isNameCharacter(byte) || byte == 0x2D || byte == 0x5F || byte == 0x2E) {
        plain = false
        break
      }
    }
    if plain, count > 0, count <= 63, let first = key.utf8.first, let last = key.utf8.last, isNameCharacter(first),
      isNameCharacter(last)
    {
      return nil
    }
    let parts = key.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    if parts.count == 2 {
      let prefix = parts[0]
      let validPrefix =
        !prefix.isEmpty && prefix.utf8.count <= 253
        && prefix.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
          DNSLabel.problem(String($0)) == nil
        }
      if !validPrefix { return "the prefix before '/' must be a lower-case DNS subdomain" }
      return namePartProblem(parts[1])
    }
    return namePartProblem(Substring(key))
  }

  static func labelValueProblem(_ value: String) -> String? {
    value.isEmpty
      ? nil : namePartProblem(Substring(value)).map { $0.replacingOccurrences(of: "the name part", with: "it") }
  }
}
