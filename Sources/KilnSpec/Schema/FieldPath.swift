/// Where a value sits in a document (`spec.racks[0].powerLimit`), kept as components and turned
/// into text only when a diagnostic needs it: decoding a large project builds millions of paths
/// and prints a handful.
struct FieldPath: Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  enum Component: Sendable {
    case field(String)
    case index(Int)
    /// A key of a free-form mapping (labels, annotations): printed like a field, never a schema field.
    case mapKey(String)
  }

  private(set) var components: [Component] = []

  init() {}

  init(stringLiteral value: String) {
    if !value.isEmpty { components = [.field(value)] }
  }

  init(_ components: [Component]) {
    self.components = components
  }

  var isEmpty: Bool { components.isEmpty }

  mutating func push(_ component: Component) { components.append(component) }

  mutating func pop() { components.removeLast() }

  func field(_ name: String) -> FieldPath { FieldPath(components + [.field(name)]) }

  func index(_ position: Int) -> FieldPath { FieldPath(components + [.index(position)]) }

  /// The name of the innermost field (list positions skipped).
  var lastField: String? {
    for component in components.reversed() {
      switch component {
      case .field(let name): return name
      case .mapKey: return nil
      case .index: continue
      }
    }
    return nil
  }

  var description: String {
    var text = ""
    for component in components {
      switch component {
      case .field(let name), .mapKey(let name): text += text.isEmpty ? name : "." + name
      case .index(let position): text += "[\(position)]"
      }
    }
    return text
  }
}
