import KilnSupport

/// `--format sarif`: SARIF 2.1.0, as GitHub code scanning reads it. Columns count Unicode code
/// points (libyaml's unit); URIs are relative to `%SRCROOT%`, the directory Kiln was run from.
public struct SARIFRenderer: Sendable {
  public var toolVersion: String
  /// `file:///…/` of the current directory, or `nil` to leave the base unresolved.
  public var sourceRootURI: String?

  public init(toolVersion: String, sourceRootURI: String?) {
    self.toolVersion = toolVersion
    self.sourceRootURI = sourceRootURI
  }

  public func render(_ diagnostics: [Diagnostic]) -> String {
    var codes: [DiagnosticCode] = []
    var seen = Set<String>()
    for diagnostic in diagnostics where seen.insert(diagnostic.code.id).inserted { codes.append(diagnostic.code) }
    codes.sort()
    let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($0.element.id, $0.offset) })
    let rules = codes.map { code -> JSONValue in
      .object([
        ("id", .string(code.id)),
        ("name", .string(Self.ruleName(code.title))),
        ("shortDescription", .object([("text", .string(code.title))])),
        ("fullDescription", .object([("text", .string(code.explanation))])),
        ("help", .object([("text", .string(code.fix))])),
        ("defaultConfiguration", .object([("level", .string(Self.level(code.defaultSeverity)))])),
      ])
    }
    let results = diagnostics.map { diagnostic -> JSONValue in
      var members: [(String, JSONValue)] = [
        ("ruleId", .string(diagnostic.code.id)),
        ("ruleIndex", .int(ruleIndex[diagnostic.code.id] ?? 0)),
        ("level", .string(Self.level(diagnostic.severity))),
        ("message", .object([("text", .string(Self.messageText(diagnostic)))])),
        ("locations", .array([Self.location(diagnostic.range)])),
      ]
      let related = diagnostic.notes.compactMap { note -> JSONValue? in
        guard let range = note.range else { return nil }
        return Self.location(range, message: note.message)
      }
      if !related.isEmpty {
        members.append(
          ("relatedLocations", .array(related.enumerated().map { Self.withId($0.element, $0.offset + 1) })))
      }
      if !diagnostic.fixIts.isEmpty {
        members.append(("fixes", .array(diagnostic.fixIts.map(Self.fix))))
      }
      // Which of the rule's messages this is, and what it is about: stable across rewordings.
      var properties: [(String, JSONValue)] = [("messageId", .string(diagnostic.messageID.id))]
      if !diagnostic.subjects.isEmpty {
        properties.append(("subjects", .array(diagnostic.subjects.map { .string($0) })))
      }
      members.append(("properties", .object(properties)))
      return .object(members)
    }
    var base: [(String, JSONValue)] = []
    if let sourceRootURI { base.append(("uri", .string(sourceRootURI))) }
    base.append(("description", .object([("text", .string("The directory kiln was run from."))])))
    let run = JSONValue.object([
      (
        "tool",
        .object([
          (
            "driver",
            .object([
              ("name", .string("kiln")),
              ("version", .string(toolVersion)),
              ("semanticVersion", .string(toolVersion)),
              ("informationUri", .string("https://kiln.dev/docs/diagnostics")),
              ("rules", .array(rules)),
            ])
          )
        ])
      ),
      ("originalUriBaseIds", .object([("%SRCROOT%", .object(base))])),
      ("columnKind", .string("unicodeCodePoints")),
      ("results", .array(results)),
    ])
    let document = JSONValue.object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      ("runs", .array([run])),
    ])
    return document.serialized() + "\n"
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  /// `unknown field` → `UnknownField`, the PascalCase rule name SARIF viewers show.
  static func ruleName(_ title: String) -> String {
    title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  static func messageText(_ diagnostic: Diagnostic) -> String {
    var text = diagnostic.message
    for note in diagnostic.notes where note.range == nil { text += "\nnote: " + note.message }
    for help in diagnostic.help { text += "\nhelp: " + help }
    for fixIt in diagnostic.fixIts { text += "\nhelp: " + fixIt.message }
    return text
  }

  static func uri(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      let char = Character(UnicodeScalar(byte))
      if char.isASCII && (char.isLetter || char.isNumber || "-._~/".contains(char)) {
        out.append(char)
      } else {
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return out
  }

  static func region(_ range: SourceRange) -> JSONValue {
    .object([
      ("startLine", .int(range.start.line)),
      ("startColumn", .int(range.start.codePointColumn)),
      ("endLine", .int(range.end.line)),
      ("endColumn", .int(range.end.codePointColumn)),
    ])
  }

  static func location(_ range: SourceRange, message: String? = nil) -> JSONValue {
    var members: [(String, JSONValue)] = [
      (
        "physicalLocation",
        .object([
          ("artifactLocation", .object([("uri", .string(uri(range.file))), ("uriBaseId", .string("%SRCROOT%"))])),
          ("region", region(range)),
        ])
      )
    ]
    if let message { members.append(("message", .object([("text", .string(message))]))) }
    return .object(members)
  }

  static func withId(_ location: JSONValue, _ id: Int) -> JSONValue {
    guard case .object(let members) = location else { return location }
    return .object([("id", .int(id))] + members)
  }

  static func fix(_ fix: FixIt) -> JSONValue {
    var byFile: [String: [TextEdit]] = [:]
    for edit in fix.edits { byFile[edit.range.file, default: []].append(edit) }
    let changes = byFile.keys.sorted().map { file -> JSONValue in
      .object([
        ("artifactLocation", .object([("uri", .string(uri(file))), ("uriBaseId", .string("%SRCROOT%"))])),
        (
          "replacements",
          .array(
            (byFile[file] ?? []).map { edit in
              .object([
                ("deletedRegion", region(edit.range)),
                ("insertedContent", .object([("text", .string(edit.replacement))])),
              ])
            })
        ),
      ])
    }
    return .object([("description", .object([("text", .string(fix.message))])), ("artifactChanges", .array(changes))])
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
