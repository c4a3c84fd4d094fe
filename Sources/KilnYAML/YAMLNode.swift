import KilnDiagnostics

/// A position as libyaml reports it: 0-based line and code-point column.
public struct YAMLMark: Hashable, Sendable {
  public var line: Int32
  public var column: Int32

  public init(line: Int32, column: Int32) {
    self.line = line
    self.column = column
  }
}

/// How a scalar was written; typing depends on it (a quoted `"8"` is text a count field may still read).
public enum ScalarStyle: Sendable, Hashable {
  case plain
  case singleQuoted
  case doubleQuoted
  case literal
  case folded
}

/// One node of a document. Nodes live in a flat array owned by `YAMLDocument` and refer to their
/// children by index, so a deep tree is freed without recursion and an alias is a shared index, not a copy.
public struct YAMLNode: Sendable {
  public enum Kind: Sendable, Hashable {
    case scalar
    case sequence
    case mapping
  }

  public var kind: Kind
  /// The text of a scalar (empty for collections).
  public var value: String
  public var style: ScalarStyle
  /// The resolved tag (`tag:yaml.org,2002:str` for `!!str`), or `nil` when none was written.
  public var tag: String?
  /// Sequence items, or mapping keys and values interleaved (key, value, key, value, …), merge keys
  /// already resolved.
  public var children: [Int32]
  public var start: YAMLMark
  public var end: YAMLMark

  public var isPlainScalar: Bool { kind == .scalar && style == .plain }

  /// A scalar that no file holds: a default as the schema writes it, typed like an author's value.
  public static func scalar(_ text: String, style: ScalarStyle = .doubleQuoted) -> YAMLNode {
    let origin = YAMLMark(line: 0, column: 0)
    return YAMLNode(kind: .scalar, value: text, style: style, tag: nil, children: [], start: origin, end: origin)
  }
}

/// One document of a file: its nodes and its root.
public struct YAMLDocument: Sendable {
  public let file: String
  public internal(set) var nodes: [YAMLNode]
  public internal(set) var root: Int32
  /// The start of the document (its `---` or first node).
  public internal(set) var start: YAMLMark

  /// Borrows the node (no copy of its text and children).
  public subscript(index: Int32) -> YAMLNode {
    _read { yield nodes[Int(index)] }
  }

  /// The key/value pairs of a mapping node.
  public func entries(of index: Int32) -> [(key: Int32, value: Int32)] {
    let children = nodes[Int(index)].children
    var pairs: [(key: Int32, value: Int32)] = []
    pairs.reserveCapacity(children.count / 2)
    var position = 0
    while position + 1 < children.count {
      pairs.append((children[position], children[position + 1]))
      position += 2
    }
    return pairs
  }

  /// Whether the document is empty (`---` followed by nothing): such documents are ignored.
  public var isEmpty: Bool {
    let node = nodes[Int(root)]
    return node.kind == .scalar && node.value.isEmpty && node.style == .plain && node.tag == nil
  }
}

/// A parsed file: its source text (for positions and snippets) and its documents.
public struct YAMLFile: Sendable {
  public let source: SourceFile
  public let documents: [YAMLDocument]

  /// The source range of a node.
  public func range(of node: YAMLNode) -> SourceRange {
    SourceRange(
      file: source.path,
      start: source.location(line: Int(node.start.line), codePointColumn: Int(node.start.column)),
      end: source.location(line: Int(node.end.line), codePointColumn: Int(node.end.column)))
  }

  public func range(of mark: YAMLMark) -> SourceRange {
    let location = source.location(line: Int(mark.line), codePointColumn: Int(mark.column))
    return SourceRange(file: source.path, start: location, end: location)
  }
}
