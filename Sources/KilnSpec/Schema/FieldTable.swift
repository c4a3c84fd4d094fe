import KilnDiagnostics
import KilnSupport
import KilnYAML

/// A typed spec decoded by a field table: a kind (`SiteSpec`), or an entry of one (`ClusterSpec.RackGroup`).
public protocol SpecRecord: Sendable {
  /// Placeholders only: the table assigns every field it declares.
  init()
  /// The fields, declared once: names, types, defaults, requirement, ranges, docs and where each value lands.
  static var table: FieldTable<Self> { get }
  /// Called after the table has decoded `node`, for defaults that are rules over other fields
  /// (`replicas.max` defaults to `replicas.min`).
  mutating func decoded(from node: SpecNode)
}

extension SpecRecord {
  public mutating func decoded(from node: SpecNode) {}

  /// A record that sets nothing: every field at its default.
  public static var defaults: Self {
    let range = SourceRange.wholeFile("")
    return decode(SpecNode(.object([]), range: range), fallback: range)
  }

  /// Decodes a validated node with the record's table.
  public static func decode(_ node: SpecNode, fallback: SourceRange) -> Self {
    var record = table.decode(node, fallback: fallback)
    record.decoded(from: node)
    return record
  }
}

/// The fields of one object as data. From it come decoding into typed values, defaults, range
/// checks (through `schema`, which the decoder reads), reference resolution, the JSON Schema and the
/// field reference in docs/language.md.
public struct FieldTable<Root: SpecRecord>: Sendable {
  public let schema: ObjectSchema
  let entries: [FieldEntry<Root>]

  public init(_ doc: String, isSecretReference: Bool = false, _ entries: [FieldEntry<Root>]) {
    self.entries = entries
    schema = ObjectSchema(doc, isSecretReference: isSecretReference, entries.map(\.schema))
  }

  func decode(_ node: SpecNode?, fallback: SourceRange) -> Root {
    var root = Root()
    for entry in entries { entry.decode(&root, node, fallback) }
    return root
  }

  /// Links every reference of `root` to its target.
  func resolve(_ root: inout Root, _ resolver: inout ReferenceResolver) {
    for entry in entries { entry.resolve(&root, &resolver) }
  }
}

/// One row of a field table: the field's schema, how its value lands in the typed record, and how
/// its references are resolved.
public struct FieldEntry<Root: Sendable>: Sendable {
  public let schema: FieldSchema
  let decode: @Sendable (inout Root, _ object: SpecNode?, _ fallback: SourceRange) -> Void
  let resolve: @Sendable (inout Root, inout ReferenceResolver) -> Void

  init(
    _ schema: FieldSchema, decode: @escaping @Sendable (inout Root, SpecNode?, SourceRange) -> Void,
    resolve: @escaping @Sendable (inout Root, inout ReferenceResolver) -> Void = { _, _ in }
  ) {
    self.schema = schema
    self.decode = decode
    self.resolve = resolve
  }

  // MARK: Scalars

  /// A scalar field, with a default when it has one (defaults written as an author writes values).
  public static func field<Value: FieldValue>(
    _ name: String, _ type: FieldType, _ keyPath: WritableKeyPath<Root, Located<Value>> & Sendable,
    required: Bool = false, requiredWhen: String? = nil, default defaultValue: FieldDefault? = nil,
    range: FieldRange? = nil, _ doc: String, read: (@Sendable (SpecNode) -> Value?)? = nil
  ) -> FieldEntry {
    let read = read ?? { Value(node: $0) }
    var parsed: Value?
    if case .value(let text) = defaultValue { parsed = DefaultValue.decode(text, as: type).flatMap(read) }
    let fallbackValue = parsed ?? Value.placeholder
    return FieldEntry(
      FieldSchema(
        name, type, required: required, requiredWhen: requiredWhen, default: defaultValue, range: range, doc)
    ) { root, object, fallback in
      if let child = object?[name], let value = read(child) {
        root[keyPath: keyPath] = Located(value, at: child.range)
      } else {
        root[keyPath: keyPath] = Located(fallbackValue, at: fallback, isDefault: true)
      }
    }
  }

  /// A scalar field that may be absent (`nil`), or whose default is a rule applied by the record.
  public static func field<Value: FieldValue>(
    _ name: String, _ type: FieldType, _ keyPath: WritableKeyPath<Root, Located<Value>?> & Sendable,
    required: Bool = false, requiredWhen: String? = nil, default rule: FieldDefault? = nil, range: FieldRange? = nil,
    _ doc: String
  ) -> FieldEntry {
    FieldEntry(
      FieldSchema(name, type, required: required, requiredWhen: requiredWhen, default: rule, range: range, doc)
    ) { root, object, _ in
      if let child = object?[name], let value = Value(node: child) {
        root[keyPath: keyPath] = Located(value, at: child.range)
      }
    }
  }

  /// A scalar kept without its location (catalog figures), with a default when it has one.
  public static func plain<Value: FieldValue>(
    _ name: String, _ type: FieldType, _ keyPath: WritableKeyPath<Root, Value> & Sendable, required: Bool = false,
    default defaultValue: FieldDefault? = nil, range: FieldRange? = nil, _ doc: String
  ) -> FieldEntry {
    var parsed: Value?
    if case .value(let text) = defaultValue { parsed = DefaultValue.decode(text, as: type).flatMap(Value.init(node:)) }
    let fallbackValue = parsed ?? Value.placeholder
    return FieldEntry(FieldSchema(name, type, required: required, default: defaultValue, range: range, doc)) {
      root, object, _ in
      root[keyPath: keyPath] = object?[name].flatMap(Value.init(node:)) ?? fallbackValue
    }
  }

  /// An optional scalar kept without its location.
  public static func optionalPlain<Value: FieldValue>(
    _ name: String, _ type: FieldType, _ keyPath: WritableKeyPath<Root, Value?> & Sendable,
    default rule: FieldDefault? = nil, range: FieldRange? = nil, _ doc: String
  ) -> FieldEntry {
    FieldEntry(FieldSchema(name, type, default: rule, range: range, doc)) { root, object, _ in
      root[keyPath: keyPath] = object?[name].flatMap(Value.init(node:))
    }
  }

  /// A list of scalars; a default is written as a flow list (`["**/*.yaml", "**/*.yml"]`).
  public static func list<Value: FieldValue>(
    _ name: String, _ itemType: FieldType, _ keyPath: WritableKeyPath<Root, [Located<Value>]> & Sendable,
    required: Bool = false, default defaultValue: FieldDefault? = nil, _ doc: String
  ) -> FieldEntry {
    var defaults: [Value] = []
    if case .value(let text) = defaultValue {
      defaults = DefaultValue.items(text).compactMap {
        DefaultValue.decode($0, as: itemType).flatMap(Value.init(node:))
      }
    }
    return FieldEntry(FieldSchema(name, .list(itemType), required: required, default: defaultValue, doc)) {
      [defaults] root, object, fallback in
      if let list = object?[name], !list.isInvalid {
        root[keyPath: keyPath] = list.items.compactMap { item in Value(node: item).map { Located($0, at: item.range) } }
      } else {
        root[keyPath: keyPath] = defaults.map { Located($0, at: fallback, isDefault: true) }
      }
    }
  }

  /// A mapping of text to text (labels), keeping where each key and value is.
  public static func textMap(
    _ name: String, _ keyPath: WritableKeyPath<Root, [TextEntry]> & Sendable, default defaultValue: FieldDefault?,
    _ doc: String
  ) -> FieldEntry {
    FieldEntry(FieldSchema(name, .textMap, default: defaultValue, doc)) { root, object, _ in
      root[keyPath: keyPath] = (object?[name]?.fields ?? []).compactMap { entry in
        entry.node.text.map {
          TextEntry(key: Located(entry.name, at: entry.keyRange), value: Located($0, at: entry.node.range))
        }
      }
    }
  }

  // MARK: References

  /// The name of another object or catalog entry, linked to it once by `ReferenceResolver`.
  public static func reference<Target: ReferenceTarget>(
    _ name: String, _ keyPath: WritableKeyPath<Root, Reference<Target>> & Sendable, required: Bool = false,
    requiredWhen: String? = nil, default defaultValue: FieldDefault? = nil, _ doc: String
  ) -> FieldEntry {
    FieldEntry(
      FieldSchema(
        name, .reference(Target.referenceKind), required: required, requiredWhen: requiredWhen,
        default: defaultValue, doc)
    ) { root, object, fallback in
      if let child = object?[name], let text = child.text {
        root[keyPath: keyPath] = Reference(Located(text, at: child.range))
      } else {
        root[keyPath: keyPath] = Reference(Located("", at: fallback, isDefault: true))
      }
    } resolve: { root, resolver in
      resolver.resolve(&root[keyPath: keyPath], field: name)
    }
  }

  /// An optional reference.
  public static func reference<Target: ReferenceTarget>(
    _ name: String, _ keyPath: WritableKeyPath<Root, Reference<Target>?> & Sendable, required: Bool = false,
    requiredWhen: String? = nil, default rule: FieldDefault? = nil, _ doc: String
  ) -> FieldEntry {
    FieldEntry(
      FieldSchema(
        name, .reference(Target.referenceKind), required: required, requiredWhen: requiredWhen, default: rule, doc)
    ) { root, object, _ in
      if let child = object?[name], let text = child.text {
        root[keyPath: keyPath] = Reference(Located(text, at: child.range))
      }
    } resolve: { root, resolver in
      guard var reference = root[keyPath: keyPath] else { return }
      resolver.resolve(&reference, field: name)
      root[keyPath: keyPath] = reference
    }
  }

  /// A list of references.
  public static func references<Target: ReferenceTarget>(
    _ name: String, _ keyPath: WritableKeyPath<Root, [Reference<Target>]> & Sendable,
    default defaultValue: FieldDefault? = nil, _ doc: String
  ) -> FieldEntry {
    FieldEntry(FieldSchema(name, .list(.reference(Target.referenceKind)), default: defaultValue, doc)) {
      root, object, _ in
      root[keyPath: keyPath] = (object?[name]?.items ?? []).compactMap { item in
        item.text.map { Reference(Located($0, at: item.range)) }
      }
    } resolve: { root, resolver in
      resolver.path.push(.field(name))
      for position in root[keyPath: keyPath].indices {
        resolver.path.push(.index(position))
        resolver.resolve(&root[keyPath: keyPath][position], field: nil)
        resolver.path.pop()
      }
      resolver.path.pop()
    }
  }

  // MARK: Nested objects

  /// A nested object whose fields land in the same record (`power.capacity` → `powerCapacity`).
  /// `keyRange` keeps where the block's key is, for checks about the block as a whole.
  public static func group(
    _ name: String, required: Bool = false, requiredWhen: String? = nil, default defaultValue: FieldDefault? = nil,
    keyRange: (WritableKeyPath<Root, SourceRange?> & Sendable)? = nil, _ doc: String, _ entries: [FieldEntry<Root>]
  ) -> FieldEntry {
    FieldEntry(
      FieldSchema(
        name, .object(ObjectSchema(doc, entries.map(\.schema))), required: required, requiredWhen: requiredWhen,
        default: defaultValue, doc)
    ) { root, object, fallback in
      let child = object?[name].flatMap { $0.isInvalid ? nil : $0 }
      if let keyRange, let range = object?.keyRange(of: name) { root[keyPath: keyRange] = range }
      for entry in entries { entry.decode(&root, child, fallback) }
    } resolve: { root, resolver in
      resolver.path.push(.field(name))
      for entry in entries { entry.resolve(&root, &resolver) }
      resolver.path.pop()
    }
  }

  /// A list of records, each decoded by its own table.
  public static func records<Item: SpecRecord>(
    _ name: String, _ keyPath: WritableKeyPath<Root, [Item]> & Sendable, required: Bool = false,
    default defaultValue: FieldDefault? = nil, keyRange: (WritableKeyPath<Root, SourceRange?> & Sendable)? = nil,
    _ doc: String
  ) -> FieldEntry {
    FieldEntry(
      FieldSchema(name, .list(.object(Item.table.schema)), required: required, default: defaultValue, doc)
    ) { root, object, _ in
      if let keyRange, let range = object?.keyRange(of: name) { root[keyPath: keyRange] = range }
      root[keyPath: keyPath] = (object?[name]?.items ?? []).filter { !$0.isInvalid }.map { item in
        Item.decode(item, fallback: item.range)
      }
    } resolve: { root, resolver in
      resolver.path.push(.field(name))
      for position in root[keyPath: keyPath].indices {
        resolver.path.push(.index(position))
        Item.table.resolve(&root[keyPath: keyPath][position], &resolver)
        resolver.path.pop()
      }
      resolver.path.pop()
    }
  }

  /// An optional nested record (`nodeLabel: {key, value}`).
  public static func record<Item: SpecRecord>(
    _ name: String, _ keyPath: WritableKeyPath<Root, Item?> & Sendable, required: Bool = false,
    default rule: FieldDefault? = nil, keyRange: (WritableKeyPath<Root, SourceRange?> & Sendable)? = nil,
    _ doc: String
  ) -> FieldEntry {
    FieldEntry(FieldSchema(name, .object(Item.table.schema), required: required, default: rule, doc)) {
      root, object, _ in
      if let keyRange, let range = object?.keyRange(of: name) { root[keyPath: keyRange] = range }
      if let child = object?[name], !child.isInvalid {
        root[keyPath: keyPath] = Item.decode(child, fallback: child.range)
      }
    } resolve: { root, resolver in
      guard var item = root[keyPath: keyPath] else { return }
      resolver.path.push(.field(name))
      Item.table.resolve(&item, &resolver)
      resolver.path.pop()
      root[keyPath: keyPath] = item
    }
  }

  /// A mapping from names to records (environments).
  public static func namedRecords<Item: SpecRecord>(
    _ name: String, _ keyPath: WritableKeyPath<Root, [(name: String, value: Item)]> & Sendable,
    keyRange: (WritableKeyPath<Root, SourceRange?> & Sendable)? = nil, _ doc: String
  ) -> FieldEntry {
    FieldEntry(FieldSchema(name, .objectMap(Item.table.schema), doc)) { root, object, _ in
      if let keyRange, let range = object?.keyRange(of: name) { root[keyPath: keyRange] = range }
      root[keyPath: keyPath] = (object?[name]?.fields ?? []).filter { !$0.node.isInvalid }.map { field in
        (field.name, Item.decode(field.node, fallback: field.keyRange))
      }
    }
  }

  /// A field decoded by its own closure (a map of precisions to peaks).
  public static func custom(_ schema: FieldSchema, decode: @escaping @Sendable (inout Root, SpecNode?) -> Void)
    -> FieldEntry
  {
    FieldEntry(schema) { root, object, _ in decode(&root, object?[schema.name]) }
  }
}

/// Decodes a default written in a table exactly as an author's value would be.
enum DefaultValue {
  static func decode(_ text: String, as type: FieldType) -> SpecNode? {
    let range = SourceRange.wholeFile("<default>")
    // Plain first (booleans must be plain), then quoted (text that YAML would read as a number).
    for style in [ScalarStyle.plain, .doubleQuoted] {
      var typing = ScalarTyping(node: .scalar(text, style: style), range: range, path: "default")
      let node = SpecNode(typing.decode(as: type), range: range)
      if typing.diagnostics.isEmpty, !node.isInvalid { return node }
    }
    return nil
  }

  /// Whether a scalar default reads as intended without quotes; nil for lists and objects.
  static func decodes(_ text: String, as type: FieldType) -> Bool? {
    switch type {
    case .list, .object, .objectMap, .textMap: return nil
    default:
      var typing = ScalarTyping(
        node: .scalar(text, style: .plain), range: .wholeFile("<default>"), path: "default")
      let node = SpecNode(typing.decode(as: type), range: .wholeFile("<default>"))
      return typing.diagnostics.isEmpty && !node.isInvalid
    }
  }

  /// The items of a flow list written in a table (`[]`, `["a", "b"]`); items are plain or double-quoted.
  static func items(_ text: String) -> [String] {
    let inner = text.trimmingSpaces().dropFirst().dropLast()
    return inner.split(separator: ",").map { item in
      var value = item.trimmingSpaces()
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
      return value
    }
  }
}
