import KilnDiagnostics
import KilnYAML

/// What the documents Kiln could not read whole may define: a file with a syntax error (K1) is dropped
/// entirely, and a document whose envelope is broken (an unknown kind, no name) is dropped by the
/// decoder. Their own diagnostics say what is wrong; this record keeps the spec checks from adding a
/// "not defined" error for every reference to an object they define, or an "unused" warning for every
/// object only they refer to — noise that would hide the one real error.
public struct UnreadableDefinitions: Sendable {
  /// One dropped document (or one document of a dropped file).
  public struct Entry: Sendable, Equatable {
    /// The file, as diagnostics print it.
    public var file: String
    /// Its kind as far as it can be read; nil when the kind is unknown (it may be any).
    public var kind: SpecKind?
    /// Its `metadata.name` as far as it can be read; nil when unknown.
    public var name: String?
    /// Why it was dropped, for a note: "has syntax errors".
    public var reason: String
    /// Every name-like word in the document: the names it may refer to.
    var words: Set<String>
  }

  public private(set) var entries: [Entry] = []

  public init() {}

  public var isEmpty: Bool { entries.isEmpty }

  /// The entry that defines `kind`/`name` as far as its text can be read.
  public func definition(of kind: SpecKind, named name: String) -> Entry? {
    entries.first { $0.name == name && ($0.kind == nil || $0.kind == kind) }
  }

  /// Entries whose name could not be read and that may be of `kind`: any reference to a missing
  /// object of that kind may be to one of them.
  public func unnamed(_ kind: SpecKind) -> [Entry] {
    entries.filter { $0.name == nil && ($0.kind == nil || $0.kind == kind) }
  }

  /// Whether a dropped document mentions `name` (and may refer to the object of that name).
  public func mentions(_ name: String) -> Bool {
    entries.contains { $0.words.contains(name) }
  }

  /// A file after parsing: nothing when it parsed; its documents when a syntax error dropped them; an
  /// entry of unknown kind and name when it could not be read at all.
  mutating func record(_ path: String, source: SourceFile?, file: YAMLFile?, diagnostics: [Diagnostic]) {
    guard let source else {
      entries.append(Entry(file: path, kind: nil, name: nil, reason: "could not be read", words: []))
      return
    }
    let dropped = diagnostics.contains { $0.code.id.hasPrefix("K1") && $0.severity == .error }
    if dropped && (file?.documents.isEmpty ?? true) { addUnparsedFile(source) }
  }

  mutating func append(_ other: UnreadableDefinitions) { entries += other.entries }

  /// A file dropped for a syntax error: its text is scanned line by line for each document's `kind:`
  /// and `metadata.name`, the way a person skimming it would find them.
  mutating func addUnparsedFile(_ source: SourceFile) {
    let text = String(decoding: source.bytes, as: UTF8.self)
    var chunk: [Substring] = []
    func flush() {
      defer { chunk.removeAll() }
      let meaningful = chunk.contains { line in
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && !trimmed.hasPrefix("#")
      }
      guard meaningful else { return }
      var kindText: String?
      var name: String?
      var inMetadata = false
      for line in chunk {
        let isTopLevel = !(line.first?.isWhitespace ?? true)
        if isTopLevel { inMetadata = false }
        if isTopLevel, let value = Self.value(of: "kind", in: line) {
          kindText = value
        } else if isTopLevel, line.hasPrefix("metadata:") {
          inMetadata = true
          if let value = Self.value(of: FieldTypes.entryName, in: line.dropFirst("metadata:".count)) { name = value }
        } else if inMetadata, name == nil, let value = Self.value(of: FieldTypes.entryName, in: line) {
          name = value
        }
      }
      let words = Self.words(in: chunk.joined(separator: "\n"))
      entries.append(
        Entry(
          file: source.path, kind: kindText.flatMap(Self.kind), name: name, reason: "has syntax errors",
          words: words))
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("---") || line.hasPrefix("...") {
        flush()
      } else {
        chunk.append(line)
      }
    }
    flush()
  }

  /// A document the decoder dropped because its envelope is broken.
  mutating func addDroppedDocument(_ document: YAMLDocument, in file: String) {
    var kind: SpecKind?
    var name: String?
    let root = document[document.root]
    if root.kind == .mapping {
      for (key, value) in document.entries(of: document.root) {
        switch document[key].value {
        case "kind" where document[value].kind == .scalar:
          kind = Self.kind(document[value].value)
        case "metadata" where document[value].kind == .mapping:
          for (metadataKey, metadataValue) in document.entries(of: value)
          where document[metadataKey].value == FieldTypes.entryName && document[metadataValue].kind == .scalar {
            name = document[metadataValue].value
          }
        default: break
        }
      }
    }
    var words: Set<String> = []
    for node in document.nodes where node.kind == .scalar { words.formUnion(Self.words(in: node.value)) }
    entries.append(Entry(file: file, kind: kind, name: name, reason: "has errors in its envelope", words: words))
  }

  /// A kind as written, or the one a misspelling means (`Clustr` is a Cluster).
  static func kind(_ text: String) -> SpecKind? {
    SpecKind(rawValue: text)
      ?? DidYouMean.suggestion(for: text, among: SpecKind.allCases.map(\.rawValue)).flatMap(SpecKind.init(rawValue:))
  }

  /// The value of `key: value` or of `key: value` inside a flow mapping on one line, unquoted.
  static func value(of key: String, in line: Substring) -> String? {
    guard let range = line.range(of: key + ":") else { return nil }
    let before = line[..<range.lowerBound].last
    guard before == nil || before == " " || before == "{" || before == "," else { return nil }
    let rest = line[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
    let value = rest.prefix { !" \"',}#".contains($0) }
    return value.isEmpty ? nil : String(value)
  }

  /// Words that could be object names: letters, digits, '-', '.' and '_'.
  static func words(in text: some StringProtocol) -> Set<String> {
    var result: Set<String> = []
    var word = ""
    for character in text {
      if character.isLetter || character.isNumber || character == "-" || character == "." || character == "_" {
        word.append(character)
      } else if !word.isEmpty {
        result.insert(word)
        word = ""
      }
    }
    if !word.isEmpty { result.insert(word) }
    return result
  }
}
