import KilnDiagnostics
import KilnSupport

/// Exports Kiln's schema as a JSON Schema for editors (yaml-language-server) and other tools, using
/// only draft-07 keywords (older yaml-language-server releases read nothing newer; current validators
/// read draft-07 too). Documents are read as YAML 1.2 by those tools, so counts accept integers or
/// strings with suffixes, and quantities are strings with units. Two schemas: one for documents, one
/// for overlay documents (under an environment's `overlays`), whose objects are partial: an overlay
/// holds only what it changes, so nothing is required beyond its envelope — except inside list items,
/// which an overlay restates whole.
public enum JSONSchemaExport {
  public static let id = "https://kiln.dev/schema/v1/kiln.schema.json"
  public static let overlayID = "https://kiln.dev/schema/v1/kiln-overlay.schema.json"
  /// The keywords of JSON Schema draft-07 (json-schema.org, draft-handrews-json-schema-01 and
  /// -validation-01); the exported schemas use no others (a test checks).
  public static let draft07Keywords: Set<String> = [
    "$schema", "$id", "$ref", "$comment", "title", "description", "default", "readOnly", "writeOnly", "examples",
    "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
    "additionalItems", "items", "maxItems", "minItems", "uniqueItems", "contains", "maxProperties", "minProperties",
    "required", "additionalProperties", "definitions", "properties", "patternProperties", "dependencies",
    "propertyNames", "const", "enum", "type", "format", "contentMediaType", "contentEncoding", "if", "then", "else",
    "allOf", "anyOf", "oneOf", "not",
  ]

  static let number = #"([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"#

  public static func document(overlay: Bool = false) -> JSONValue {
    var defs: [(String, JSONValue)] = [("metadata", object(EnvelopeSchema.metadata))]
    var branches: [JSONValue] = []
    for kind in SpecKind.allCases {
      // Catalog entries may override built-in ones field by field: only `name` is required there.
      defs.append(
        (
          kind.rawValue,
          object(
            kind.schema, doc: "\(kind.rawValue): \(kind.summary)", relaxEntries: kind == .catalog, partial: overlay)
        ))
      branches.append(
        .object([
          (
            "if",
            .object([
              ("properties", .object([("kind", .object([("const", .string(kind.rawValue))]))])),
              ("required", .array([.string("kind")])),
            ])
          ),
          (
            "then",
            .object([
              ("properties", .object([("spec", .object([("$ref", .string("#/definitions/\(kind.rawValue)"))]))]))
            ])
          ),
        ]))
    }
    let envelope = overlay ? ["apiVersion", "kind", "metadata"] : ["apiVersion", "kind", "metadata", "spec"]
    var patch: [(String, JSONValue)] = []
    if overlay {
      patch.append(
        (
          "$patch",
          .object([
            ("enum", .array([.string("delete"), .string("merge")])),
            ("description", .string("delete removes the target object in this environment; merge is the default.")),
          ])
        ))
    }
    return .object([
      ("$schema", .string("http://json-schema.org/draft-07/schema#")),
      ("$id", .string(overlay ? overlayID : id)),
      ("title", .string(overlay ? "Kiln overlay document (kiln/v1)" : "Kiln spec document (kiln/v1)")),
      (
        "description",
        .string(
          overlay
            ? "One overlay document of a Kiln environment: the fields it changes. See docs/language.md, section 6."
            : "One document of a Kiln project. See docs/language.md.")
      ),
      ("type", .string("object")),
      ("required", .array(envelope.map { .string($0) })),
      (
        "properties",
        .object(
          patch + [
            (
              "apiVersion",
              .object([("const", .string(EnvelopeSchema.apiVersion)), ("description", .string("Always kiln/v1."))])
            ),
            (
              "kind",
              .object([
                ("enum", .array(SpecKind.allCases.map { .string($0.rawValue) })),
                ("description", .string("The kind of object.")),
              ])
            ),
            ("metadata", .object([("$ref", .string("#/definitions/metadata"))])),
            ("spec", .object([("type", .string("object"))])),
          ])
      ),
      ("additionalProperties", .bool(false)),
      ("allOf", .array(branches)),
      ("definitions", .object(defs)),
    ])
  }

  /// `partial`: an overlay's object, with no required fields (nested objects too; list items stay whole).
  static func object(
    _ schema: ObjectSchema, doc: String? = nil, relaxEntries: Bool = false, isEntry: Bool = false, partial: Bool = false
  ) -> JSONValue {
    var properties: [(String, JSONValue)] = []
    for field in schema.fields {
      var description = MarkdownText.plain(field.doc)
      if let defaultText = field.defaultText { description += " [default: \(MarkdownText.plain(defaultText))]" }
      if let range = field.range { description += " [range: \(range.description)]" }
      properties.append(
        (
          field.name,
          withDescription(
            bounded(type(field.type, relaxEntries: relaxEntries, partial: partial), field.range), description)
        ))
    }
    var members: [(String, JSONValue)] = [("type", .string("object"))]
    if let doc = doc ?? (schema.doc.isEmpty ? nil : schema.doc) { members.append(("description", .string(doc))) }
    members.append(("properties", .object(properties)))
    let required = schema.fields.filter { $0.required && (!isEntry || $0.name == CatalogFieldNames.name) }.map {
      JSONValue.string($0.name)
    }
    if !required.isEmpty && !partial { members.append(("required", .array(required))) }
    members.append(("additionalProperties", .bool(false)))
    return .object(members)
  }

  /// A count field's integer alternative with the field's bounds (`maximum`, `exclusiveMinimum`); values
  /// written with units stay strings, which JSON Schema cannot compare.
  static func bounded(_ value: JSONValue, _ range: FieldRange?) -> JSONValue {
    guard let range, case .object(let members) = value else { return value }
    return .object(
      members.map { key, member in
        guard key == "anyOf", case .array(let options) = member else { return (key, member) }
        return (
          key,
          .array(
            options.map { option in
              guard case .object(let fields) = option,
                fields.contains(where: { $0.0 == "type" && $0.1 == .string("integer") })
              else { return option }
              var bounded = fields.filter { !(range.positive && $0.0 == "minimum") }
              if range.positive { bounded.append(("exclusiveMinimum", .int(0))) }
              if let maximum = range.maximum {
                bounded.append(
                  (range.excludesMaximum ? "exclusiveMaximum" : "maximum", .int(Int(saturating: maximum.value))))
              }
              return .object(bounded)
            })
        )
      })
  }

  static func withDescription(_ value: JSONValue, _ description: String) -> JSONValue {
    guard case .object(let members) = value else { return value }
    if members.contains(where: { $0.0 == "description" }) { return value }
    return .object(members + [("description", .string(description))])
  }

  static func pattern(_ regex: String) -> JSONValue {
    .object([("type", .string("string")), ("pattern", .string(regex))])
  }

  static func type(_ type: FieldType, relaxEntries: Bool = false, partial: Bool = false) -> JSONValue {
    switch type {
    case .text, .image, .reference:
      return .object([("type", .string("string"))])
    case .name:
      return .object([
        ("type", .string("string")), ("pattern", .string("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")), ("maxLength", .int(63)),
      ])
    case .choice(let values):
      var options: [JSONValue] = values.map { .string($0) }
      options += values.compactMap { Int($0) }.map { .int($0) }
      return .object([("enum", .array(options))])
    case .count:
      return .object([
        (
          "anyOf",
          .array([
            .object([("type", .string("integer")), ("minimum", .int(0))]),
            pattern("^\(number) ?(k|M|B|T|Ki|Mi|Gi)?$"),
          ])
        )
      ])
    case .factor:
      return .object([
        ("anyOf", .array([.object([("type", .string("number")), ("minimum", .int(0))]), pattern("^\(number)$")]))
      ])
    case .quantity(let dimensions):
      let alternatives = dimensions.map { "(\(unitPattern($0)))" }.joined(separator: "|")
      var members: [(String, JSONValue)] = [
        ("type", .string("string")), ("pattern", .string("^(\(alternatives))$")),
      ]
      members.append(("examples", .array(dimensions.map { .string($0.example) })))
      return .object(members)
    case .ratio:
      return pattern("^(\(number) ?: ?\(number)|\(number)%)$")
    case .boolean:
      return .object([("type", .string("boolean"))])
    case .object(let schema):
      return object(schema, partial: partial)
    case .objectMap(let schema):
      return .object([
        ("type", .string("object")),
        ("propertyNames", .object([("pattern", .string("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"))])),
        ("additionalProperties", object(schema, partial: partial)),
      ])
    case .list(let item):
      if relaxEntries, case .object(let schema) = item {
        return .object([("type", .string("array")), ("items", object(schema, isEntry: true))])
      }
      return .object([("type", .string("array")), ("items", Self.type(item))])
    case .textMap:
      return .object([("type", .string("object")), ("additionalProperties", .object([("type", .string("string"))]))])
    case .scalar:
      return .object([("type", .array([.string("string"), .string("number"), .string("boolean")]))])
    }
  }

  static func escape(_ unit: String) -> String {
    var out = ""
    for character in unit {
      if "$/.+*?()[]{}|^\\".contains(character) { out += "\\" }
      out.append(character)
    }
    return out
  }

  /// The accepted spellings of one dimension, from the parser's own unit tables.
  static func unitPattern(_ dimension: Dimension) -> String {
    switch dimension {
    case .money, .hourlyPrice, .monthlyPrice, .energyPrice, .powerPrice, .storagePrice:
      let units = QuantityParser.moneyUnits.filter { $0.value.1 == dimension }.keys.sorted().map(escape)
      return "\\$\(number)(k|M|B|T)?(\(units.joined(separator: "|")))"
    case .throughput:
      return "\(number) ?(k|M|B|T)? ?tokens/s"
    case .count:
      return "\(number) ?(k|M|B|T|Ki|Mi|Gi)?"
    case .factor:
      return number
    default:
      var units = QuantityParser.units.filter { $0.value.1 == dimension }.keys.sorted().map(escape)
      if dimension == .dataSize { units.append("B") }
      return "\(number) ?(\(Array(Set(units)).sorted().joined(separator: "|")))"
    }
  }
}
