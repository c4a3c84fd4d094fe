import KilnDiagnostics
import KilnSpec
import KilnSupport

/// One field that differs, by its path as a person would write it (`racks[gpu].count`), with the
/// values as written in each file (`40kW`, not 40000).
public struct FieldChange: Sendable, Equatable {
  public var path: String
  public var before: String?
  public var after: String?

  public init(path: String, before: String?, after: String?) {
    self.path = path
    self.before = before
    self.after = after
  }
}

/// A spec object added, changed or removed.
public struct ObjectChange: Sendable {
  public enum Action: String, Sendable { case add, change, remove }
  public var address: String
  public var kind: SpecKind
  public var action: Action
  public var fields: [FieldChange]
}

/// Compares the spec objects of two projects. Values compare by meaning (`40kW` equals `40000W`),
/// lists of named items by name, so reordering racks or serving entries is no change.
public enum SpecDiff {
  public static func diff(base: Project, head: Project) -> [ObjectChange] {
    var changes: [ObjectChange] = []
    for (address, old, new) in KeyedJoin.pairs(base.objects, head.objects, key: \.address) {
      switch (old, new) {
      case (let old?, nil):
        changes.append(ObjectChange(address: address, kind: old.kind, action: .remove, fields: []))
      case (nil, let new?):
        changes.append(ObjectChange(address: address, kind: new.kind, action: .add, fields: []))
      case (let old?, let new?):
        let fields = compare(leaves(old, base.sources), leaves(new, head.sources))
        if !fields.isEmpty {
          changes.append(ObjectChange(address: address, kind: new.kind, action: .change, fields: fields))
        }
      default: break
      }
    }
    return changes
  }

  /// A leaf: its display text (as written) and the key it compares by (its meaning).
  struct Leaf {
    var text: String
    var key: String
  }

  static func compare(_ old: [(String, Leaf)], _ new: [(String, Leaf)]) -> [FieldChange] {
    let before = Dictionary(old, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new, uniquingKeysWith: { first, _ in first })
    var order = old.map(\.0)
    var seen = Set(order)
    for (path, _) in new where !seen.contains(path) {
      order.append(path)
      seen.insert(path)
    }
    return order.compactMap { path in
      let was = before[path]
      let now = after[path]
      if was?.key == now?.key { return nil }
      return FieldChange(path: path, before: was?.text, after: now?.text)
    }
  }

  static func leaves(_ object: SpecObject, _ sources: [String: SourceFile]) -> [(String, Leaf)] {
    var out: [(String, Leaf)] = []
    for field in object.metadata.fields where field.name != FieldTypes.entryName {
      flatten(field.node, path: "metadata." + field.name, sources, into: &out)
    }
    for field in object.spec.fields { flatten(field.node, path: field.name, sources, into: &out) }
    return out
  }

  static func flatten(_ node: SpecNode, path: String, _ sources: [String: SourceFile], into out: inout [(String, Leaf)])
  {
    switch node.value {
    case .object(let fields):
      if fields.isEmpty { out.append((path, Leaf(text: "{}", key: "{}"))) }
      for field in fields { flatten(field.node, path: path + "." + field.name, sources, into: &out) }
    case .list(let items):
      if items.isEmpty { out.append((path, Leaf(text: "[]", key: "[]"))) }
      let names = items.map { $0[FieldTypes.entryName]?.text }
      let named = !items.isEmpty && names.allSatisfy { $0 != nil } && Set(names).count == items.count
      for (index, item) in items.enumerated() {
        flatten(item, path: path + "[" + (named ? names[index] ?? "" : String(index)) + "]", sources, into: &out)
      }
    default:
      out.append((path, leaf(node, sources)))
    }
  }

  static func leaf(_ node: SpecNode, _ sources: [String: SourceFile]) -> Leaf {
    switch node.value {
    case .text(let text): return Leaf(text: written(node, sources) ?? text, key: "t:" + text)
    case .number(let number):
      return Leaf(text: written(node, sources) ?? JSONValue.format(number), key: "n:\(number)")
    case .quantity(let quantity): return Leaf(text: quantity.text, key: "q:\(quantity.value):\(quantity.dimension)")
    case .bool(let value): return Leaf(text: String(value), key: "b:\(value)")
    default: return Leaf(text: "(invalid)", key: "invalid")
    }
  }

  /// The scalar's source text, when it is one plain line.
  static func written(_ node: SpecNode, _ sources: [String: SourceFile]) -> String? {
    guard let file = sources[node.range.file] else { return nil }
    let start = node.range.start.offset
    let end = node.range.end.offset
    guard start >= 0, end > start, end <= file.bytes.count else { return nil }
    let text = String(decoding: file.bytes[start..<end], as: UTF8.self)
    return text.contains("\n") ? nil : text
  }
}
