import KilnDiagnostics
import KilnSupport
import KilnYAML

/// Validates one YAML document against a schema and produces `SpecNode`s. Every problem is a
/// diagnostic; decoding goes on past it so one run reports everything.
struct SchemaDecoder {
  let file: YAMLFile
  let document: YAMLDocument
  /// Whether required fields are enforced at the current depth. Overlays and Catalog entries set
  /// only what they change, so required fields are relaxed there — but a list in an overlay
  /// replaces the base list whole, so its items must be complete.
  var relaxed: Bool
  /// Whether list items stay relaxed (Catalog entries may override built-in ones field by field).
  let relaxListItems: Bool
  var diagnostics: [Diagnostic] = []
  /// Where decoding is: pushed and popped around each child, so no path is built per node.
  var path = FieldPath()
  /// Inside a secret reference, whose values name a Secret, a key and a variable, never a secret.
  var inSecretReference = false

  static let strTag = "tag:yaml.org,2002:str"
  static let collectionTags: Set<String> = ["tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]

  init(file: YAMLFile, document: YAMLDocument, isOverlay: Bool, relaxListItems: Bool = false) {
    self.file = file
    self.document = document
    self.relaxed = isOverlay
    self.relaxListItems = relaxListItems
  }

  func range(_ index: Int32) -> SourceRange { file.range(of: document[index]) }

  mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  // MARK: Entry point for a field value

  /// Decodes `index` as `type`. `keyRange` is the range of the key that holds the value (for
  /// "missing field" diagnostics inside it); `path` names the field in messages.
  /// Decodes a top-level field (`apiVersion`, `spec`, …).
  mutating func decode(_ index: Int32, as type: FieldType, at field: String, keyRange: SourceRange) -> SpecNode {
    path = FieldPath(stringLiteral: field)
    return decode(index, as: type, keyRange: keyRange)
  }

  mutating func decode(_ index: Int32, as type: FieldType, keyRange: SourceRange) -> SpecNode {
    let node = document[index]
    let nodeRange = range(index)
    if let tag = node.tag, !(tag == Self.strTag && node.kind == .scalar), !Self.collectionTags.contains(tag) {
      emit(
        Diagnostic(
          SchemaDecoderMessage.unsupportedTag(tag: tag, path: path), at: nodeRange,
          help: ["Kiln types values from its schema; remove the tag (only !!str is accepted)"]))
      return SpecNode(.invalid, range: nodeRange)
    }
    switch type {
    case .object(let schema):
      return decodeObject(index, schema: schema, keyRange: keyRange)
    case .objectMap(let schema):
      guard expect(.mapping, index, what: "a mapping of names") else {
        return SpecNode(.invalid, range: nodeRange)
      }
      var fields: [SpecField] = []
      for (key, value) in document.entries(of: index) {
        guard let name = scalarKey(key) else { continue }
        checkName(name, at: range(key), what: "name")
        fields.append(
          SpecField(
            name: name, keyRange: range(key),
            node: child(.field(name)) { [keyRange = range(key)] in
              $0.decode(value, as: .object(schema), keyRange: keyRange)
            }))
      }
      return SpecNode(.object(fields), range: nodeRange)
    case .list(let itemType):
      guard expect(.sequence, index, what: "a list") else { return SpecNode(.invalid, range: nodeRange) }
      var items: [SpecNode] = []
      let wasRelaxed = relaxed
      relaxed = relaxed && relaxListItems
      for (position, item) in node.children.enumerated() {
        let itemRange = range(item)
        items.append(child(.index(position)) { $0.decode(item, as: itemType, keyRange: itemRange) })
      }
      relaxed = wasRelaxed
      return SpecNode(.list(items), range: nodeRange)
    case .textMap:
      guard expect(.mapping, index, what: "a mapping of text") else {
        return SpecNode(.invalid, range: nodeRange)
      }
      var fields: [SpecField] = []
      for (key, value) in document.entries(of: index) {
        guard let name = scalarKey(key) else { continue }
        fields.append(
          SpecField(
            name: name, keyRange: range(key),
            node: child(.mapKey(name)) { [keyRange = range(key)] in $0.decode(value, as: .text, keyRange: keyRange) }))
      }
      return SpecNode(.object(fields), range: nodeRange)
    default:
      guard expect(.scalar, index, what: ScalarTyping.describe(type)) else {
        return SpecNode(.invalid, range: nodeRange)
      }
      // Names (DNS labels) and a secret reference's fields are never secrets themselves.
      if !inSecretReference, !type.isName, let kind = CredentialPatterns.match(node.value) {
        emit(
          Diagnostic(
            SchemaDecoderMessage.secretValue(path: path, kind: kind), at: nodeRange,
            help: [
              "store it in a Kubernetes Secret and reference it (secrets: [{name, key, env}])",
              "treat the credential as leaked and rotate it",
            ]))
        return SpecNode(.invalid, range: nodeRange)
      }
      var typing = ScalarTyping(node: node, range: nodeRange, path: path)
      let value = typing.decode(as: type)
      diagnostics += typing.diagnostics
      return SpecNode(value, range: nodeRange)
    }
  }

  static func shortTag(_ tag: String) -> String {
    tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
  }

  // MARK: Objects

  /// Decodes with `component` pushed on the path.
  mutating func child(_ component: FieldPath.Component, _ body: (inout SchemaDecoder) -> SpecNode) -> SpecNode {
    path.push(component)
    defer { path.pop() }
    return body(&self)
  }

  mutating func decodeObject(_ index: Int32, schema: ObjectSchema, keyRange: SourceRange) -> SpecNode {
    let nodeRange = range(index)
    guard expect(.mapping, index, what: "a mapping") else { return SpecNode(.invalid, range: nodeRange) }
    var fields: [SpecField] = []
    let wasInSecretReference = inSecretReference
    inSecretReference = inSecretReference || schema.isSecretReference
    defer { inSecretReference = wasInSecretReference }
    // Fields present, by position in the schema (schemas have far fewer than 64 fields).
    var seen: UInt64 = 0
    for (key, value) in document.entries(of: index) {
      guard let name = scalarKey(key) else { continue }
      guard let position = schema.fields.firstIndex(where: { $0.name == name }) else {
        if schema.isSecretReference && (name == "value" || name == "data" || name == "stringData") {
          emit(
            Diagnostic(
              SchemaDecoderMessage.secretEntryField(field: name), at: range(key),
              help: [
                "store the value in a Kubernetes Secret and reference it with {name, key, env} or {name, key, mountPath}"
              ]))
          continue
        }
        unknownField(name, at: range(key), schema: schema)
        continue
      }
      let field = schema.fields[position]
      seen |= 1 << UInt64(position & 63)
      var node = child(.field(name)) { [keyRange = range(key)] in $0.decode(value, as: field.type, keyRange: keyRange) }
      if let bounds = field.range, let number = node.number, !bounds.contains(number) {
        emit(
          Diagnostic(
            SchemaDecoderMessage.fieldRange(
              path: path, field: name, written: node.quantity?.text, value: number, range: bounds),
            at: node.range,
            help: ["\(field.summary): \(bounds.description)"]))
        node = SpecNode(.invalid, range: node.range)
      }
      fields.append(SpecField(name: name, keyRange: range(key), node: node))
    }
    if !relaxed {
      for (position, field) in schema.fields.enumerated()
      where field.required && seen & (1 << UInt64(position & 63)) == 0 {
        emit(
          Diagnostic(
            SchemaDecoderMessage.missingField(field: field.name, path: path), at: keyRange,
            help: ["add '\(field.name)' (\(field.summary))"]))
      }
    }
    return SpecNode(.object(fields), range: nodeRange)
  }

  mutating func unknownField(_ name: String, at keyRange: SourceRange, schema: ObjectSchema) {
    let known = schema.fields.map(\.name)
    var help: [String] = []
    var fixIts: [FixIt] = []
    if let suggestion = DidYouMean.suggestion(for: name, among: known) {
      help.append("did you mean '\(suggestion)'?")
      fixIts.append(
        FixIt.didYouMean(suggestion, at: keyRange))
    } else if !known.isEmpty {
      help.append("known fields\(path.isEmpty ? "" : " of '\(path)'"): \(known.joined(separator: ", "))")
    }
    emit(
      Diagnostic(
        SchemaDecoderMessage.unknownField(field: name, path: path), at: keyRange,
        help: help.filter { _ in fixIts.isEmpty }, fixIts: fixIts))
  }

  // MARK: Helpers

  mutating func scalarKey(_ key: Int32) -> String? {
    let node = document[key]
    guard node.kind == .scalar else {
      emit(Diagnostic(SchemaDecoderMessage.keyNotText(path: path), at: range(key)))
      return nil
    }
    return node.value
  }

  /// How to write a value of the shape a field expects.
  static func shapeHelp(_ kind: YAMLNode.Kind) -> String {
    switch kind {
    case .mapping: "write its fields as 'name: value' lines indented under the key, or as {name: value, …}"
    case .sequence: "write a list: '- item' lines indented under the key, or [item, …]"
    case .scalar: "write one value on the key's own line"
    }
  }

  mutating func expect(_ kind: YAMLNode.Kind, _ index: Int32, what: @autoclosure () -> String) -> Bool {
    let node = document[index]
    guard node.kind != kind else { return true }
    emit(
      Diagnostic(
        SchemaDecoderMessage.wrongShape(path: path, expected: what(), found: node), at: range(index),
        help: [Self.shapeHelp(kind)]))
    return false
  }

  mutating func checkName(_ name: String, at range: SourceRange, what: String) {
    if let problem = DNSLabel.problem(name) {
      emit(
        Diagnostic(
          SchemaDecoderMessage.invalidName(what: what, name: name, problem: problem), at: range,
          help: DNSLabel.suggestion(name).map { ["try '\($0)'"] } ?? []))
    }
  }
}
