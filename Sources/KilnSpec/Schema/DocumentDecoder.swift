import KilnDiagnostics
import KilnYAML

/// Decodes a document's envelope (`apiVersion`, `kind`, `metadata`, `spec`) and its spec.
struct DocumentDecoder {
  static let envelopeKeys = ["apiVersion", "kind", "metadata", "spec"]

  /// Returns the object, or `nil` when the envelope is too broken to say what it is.
  static func decode(_ document: YAMLDocument, in file: YAMLFile, isOverlay: Bool) -> (SpecObject?, [Diagnostic]) {
    var decoder = SchemaDecoder(file: file, document: document, isOverlay: false)
    let root = document.root
    let documentStart = file.range(of: document.start)
    decoder.path = "document"
    guard decoder.expect(.mapping, root, what: "a mapping with apiVersion, kind, metadata and spec")
    else {
      return (nil, decoder.diagnostics)
    }
    var values: [String: (key: Int32, value: Int32)] = [:]
    for (key, value) in document.entries(of: root) {
      guard let name = decoder.scalarKey(key) else { continue }
      if envelopeKeys.contains(name) || (isOverlay && name == "$patch") {
        values[name] = (key, value)
      } else {
        var keys = envelopeKeys
        if isOverlay { keys.append("$patch") }
        decoder.unknownField(
          name, at: decoder.range(key), schema: ObjectSchema("", keys.map { FieldSchema($0, .text, "") }))
      }
    }
    // apiVersion
    if let entry = values["apiVersion"] {
      let node = decoder.decode(entry.value, as: .text, at: "apiVersion", keyRange: decoder.range(entry.key))
      if let text = node.text, text != EnvelopeSchema.apiVersion {
        decoder.emit(
          Diagnostic(
            DocumentMessage.unknownAPIVersion(version: text), at: node.range,
            fixIts: [
              FixIt(
                message: "Kiln v1 documents use '\(EnvelopeSchema.apiVersion)'",
                edits: [TextEdit(range: node.range, replacement: EnvelopeSchema.apiVersion)])
            ]))
      }
    } else {
      decoder.emit(Diagnostic(DocumentMessage.missingEnvelopeField(field: "apiVersion"), at: documentStart))
    }
    // kind
    var kind: SpecKind?
    if let entry = values["kind"] {
      let node = decoder.decode(entry.value, as: .text, at: "kind", keyRange: decoder.range(entry.key))
      if let text = node.text {
        kind = SpecKind(rawValue: text)
        if kind == nil {
          let names = SpecKind.allCases.map(\.rawValue)
          let suggestion = DidYouMean.suggestion(for: text, among: names)
          decoder.emit(
            Diagnostic(
              DocumentMessage.unknownKind(kind: text), at: node.range,
              help: suggestion == nil ? ["kinds: \(names.joined(separator: ", "))"] : [],
              fixIts: suggestion.map {
                [FixIt.didYouMean($0, at: node.range)]
              }
                ?? []))
        }
      }
    } else {
      decoder.emit(Diagnostic(DocumentMessage.missingEnvelopeField(field: "kind"), at: documentStart))
    }
    // metadata
    var name: String?
    var nameRange = documentStart
    var metadata = SpecNode(.object([]), range: documentStart)
    if let entry = values["metadata"] {
      metadata = decoder.decode(
        entry.value, as: .object(EnvelopeSchema.metadata), at: "metadata", keyRange: decoder.range(entry.key))
      if let nameNode = metadata[FieldTypes.entryName] {
        name = nameNode.text
        nameRange = nameNode.range
      }
    } else {
      decoder.emit(Diagnostic(DocumentMessage.missingEnvelopeField(field: "metadata"), at: documentStart))
    }
    // $patch
    var deletes = false
    if let entry = values["$patch"] {
      let node = decoder.decode(
        entry.value, as: .choice(["delete", "merge"]), at: "$patch", keyRange: decoder.range(entry.key))
      deletes = node.text == "delete"
    }
    // spec
    guard let kind else { return (nil, decoder.diagnostics) }
    var spec = SpecNode(.object([]), range: documentStart)
    var specKeyRange = documentStart
    if let entry = values["spec"] {
      specKeyRange = decoder.range(entry.key)
      // A Catalog entry may override a built-in one field by field: required fields are checked
      // for new entries only, once the built-in names are known (HardwareCatalog.apply).
      var specDecoder = SchemaDecoder(
        file: file, document: document, isOverlay: isOverlay || kind == .catalog, relaxListItems: kind == .catalog)
      spec = specDecoder.decode(entry.value, as: .object(kind.schema), at: "spec", keyRange: specKeyRange)
      decoder.diagnostics += specDecoder.diagnostics
    } else if !deletes && !isOverlay {
      decoder.emit(Diagnostic(DocumentMessage.missingEnvelopeField(field: "spec"), at: documentStart))
    }
    guard let name else { return (nil, decoder.diagnostics) }
    let object = SpecObject(
      kind: kind, name: name, file: file.source.path, nameRange: nameRange, specKeyRange: specKeyRange,
      metadata: metadata, spec: spec, deletes: deletes)
    return (object, decoder.diagnostics)
  }
}
