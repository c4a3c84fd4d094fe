internal import CLibYAML
import KilnDiagnostics

/// Reads YAML text into `YAMLDocument`s with libyaml's event parser, enforcing Kiln's bounds while
/// the events stream: nesting depth, alias expansion, duplicate keys. Merge keys are resolved here;
/// typing of scalars is left to the schema.
public struct YAMLParser: Sendable {
  public var maxDepth: Int
  public var maxAliasExpansion: Int

  public init(maxDepth: Int = 256, maxAliasExpansion: Int = 100_000) {
    self.maxDepth = maxDepth
    self.maxAliasExpansion = maxAliasExpansion
  }

  /// Parses a whole file. When the file has a K1 problem its documents are dropped: a half-read
  /// file would only cause confusing follow-on errors.
  public func parse(_ source: SourceFile) -> (file: YAMLFile, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let documents: [YAMLDocument] = source.bytes.withUnsafeBufferPointer { buffer in
      if let problem = TextEncodingCheck.firstProblem(in: buffer) {
        switch problem {
        case .nul(let offset):
          diagnostics.append(
            Diagnostic(
              YAMLParserMessage.nulByte,
              at: source.range(fromByte: offset, toByte: offset + 1),
              help: ["if this is not a spec, exclude it with spec.exclude in kiln.yaml"]))
        case .invalidUTF8(let offset):
          diagnostics.append(
            Diagnostic(
              YAMLParserMessage.invalidUTF8(byte: buffer[offset]),
              at: source.range(fromByte: offset, toByte: offset + 1), help: ["save the file as UTF-8"]))
        }
        return []
      }
      guard let base = buffer.baseAddress, buffer.count > 0 else { return [] }
      var builder = TreeBuilder(source: source, maxDepth: maxDepth, maxAliasExpansion: maxAliasExpansion)
      let ok = builder.run(input: base, count: buffer.count)
      diagnostics += builder.diagnostics
      return ok ? builder.documents : []
    }
    return (YAMLFile(source: source, documents: documents), diagnostics)
  }
}

private let mergeTag = "tag:yaml.org,2002:merge"

/// The state of one parse: a stack of open collections over a flat node array.
private struct TreeBuilder {
  struct Frame {
    var isMapping: Bool
    var start: YAMLMark
    var tag: String?
    var anchor: String?
    var children: [Int32] = []
    /// First occurrence of each scalar key, for duplicate detection: a list while the mapping is
    /// small (most are), a dictionary once it grows.
    var keyList: [(String, Int32)] = []
    var keyIndex: [String: Int32]?
    var hasMerge = false

    func firstKey(_ text: String) -> Int32? {
      if let keyIndex { return keyIndex[text] }
      for (key, index) in keyList where key == text { return index }
      return nil
    }

    mutating func insertKey(_ text: String, _ index: Int32) {
      if keyIndex != nil {
        keyIndex?[text] = index
      } else if keyList.count < 16 {
        keyList.append((text, index))
      } else {
        var dictionary = Dictionary(keyList, uniquingKeysWith: { first, _ in first })
        dictionary[text] = index
        keyIndex = dictionary
        keyList = []
      }
    }

    var allKeys: Set<String> { keyIndex.map { Set($0.keys) } ?? Set(keyList.map(\.0)) }
  }

  let source: SourceFile
  let maxDepth: Int
  let maxAliasExpansion: Int
  var documents: [YAMLDocument] = []
  var diagnostics: [Diagnostic] = []

  var nodes: [YAMLNode] = []
  /// Nodes each node stands for when aliases are expanded (saturating).
  var weights: [Int] = []
  var anchors: [String: Int32] = [:]
  var stack: [Frame] = []
  var root: Int32 = -1
  var documentStart = YAMLMark(line: 0, column: 0)
  var aliasExpansion = 0

  init(source: SourceFile, maxDepth: Int, maxAliasExpansion: Int) {
    self.source = source
    self.maxDepth = maxDepth
    self.maxAliasExpansion = maxAliasExpansion
  }

  mutating func run(input: UnsafePointer<UInt8>, count: Int) -> Bool {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return false }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, input, count)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else {
        reportParserError(&parser)
        return false
      }
      let keepGoing = handle(&event)
      let finished = event.type == YAML_STREAM_END_EVENT
      yaml_event_delete(&event)
      if !keepGoing { return false }
      if finished { return true }
    }
  }

  private static func mark(_ mark: yaml_mark_t) -> YAMLMark {
    YAMLMark(line: Int32(clamping: mark.line), column: Int32(clamping: mark.column))
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private func range(_ start: YAMLMark, _ end: YAMLMark) -> SourceRange {
    SourceRange(
      file: source.path, start: source.location(line: Int(start.line), codePointColumn: Int(start.column)),
      end: source.location(line: Int(end.line), codePointColumn: Int(end.column)))
  }

  /// Returns false to stop the event loop.
  private mutating func handle(_ event: inout yaml_event_t) -> Bool {
    let start = Self.mark(event.start_mark)
    let end = Self.mark(event.end_mark)
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      nodes = []
      weights = []
      // About one node per 12 bytes of typical specs; a file often holds many small documents, so
      // the first reservation is modest and the arena grows by doubling from there.
      let estimate = min(source.bytes.count / 12, 1024)
      nodes.reserveCapacity(estimate)
      weights.reserveCapacity(estimate)
      anchors = [:]
      stack = []
      root = -1
      aliasExpansion = 0
      documentStart = start
    case YAML_DOCUMENT_END_EVENT:
      if root >= 0 {
        documents.append(YAMLDocument(file: source.path, nodes: nodes, root: root, start: documentStart))
      }
      nodes = []
      weights = []
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let value: String
      if let pointer = scalar.value, scalar.length > 0 {
        value = String(decoding: UnsafeBufferPointer(start: pointer, count: Int(scalar.length)), as: UTF8.self)
      } else {
        value = ""
      }
      let style: ScalarStyle
      switch scalar.style {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
      case YAML_LITERAL_SCALAR_STYLE: style = .literal
      case YAML_FOLDED_SCALAR_STYLE: style = .folded
      default: style = .plain
      }
      let node = YAMLNode(
        kind: .scalar, value: value, style: style, tag: Self.string(scalar.tag), children: [], start: start, end: end)
      let index = append(node, weight: 1)
      if let anchor = Self.string(scalar.anchor) { anchors[anchor] = index }
      return attach(index)
    case YAML_ALIAS_EVENT:
      let name = Self.string(event.data.alias.anchor) ?? ""
      guard let target = anchors[name] else {
        diagnostics.append(
          Diagnostic(
            YAMLParserMessage.undefinedAlias(name: name),
            at: range(start, end),
            help: ["define '&\(name)' on a complete node earlier in the same document; anchors never cross documents"]))
        return false
      }
      aliasExpansion = Self.add(aliasExpansion, weights[Int(target)])
      if aliasExpansion > maxAliasExpansion {
        diagnostics.append(
          Diagnostic(
            YAMLParserMessage.aliasBomb(limit: maxAliasExpansion),
            at: range(start, end),
            notes: [Note("Kiln stops reading the file here; an expanding alias chain is a denial-of-service pattern")],
            help: ["write the data out, or nest fewer aliases"]))
        return false
      }
      return attach(target, reference: range(start, end))
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      if stack.count >= maxDepth {
        diagnostics.append(
          Diagnostic(
            YAMLParserMessage.nestingTooDeep(limit: maxDepth), at: range(start, end),
            notes: [Note("Kiln stops reading the file here")],
            help: [
              "specs never nest this deep: if the file is generated or not a spec, leave it out with spec.exclude in kiln.yaml"
            ]))
        return false
      }
      let tag = Self.string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
      let anchor = Self.string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
      stack.append(Frame(isMapping: isMapping, start: start, tag: tag, anchor: anchor))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard var frame = stack.popLast() else { return true }
      if frame.isMapping && frame.hasMerge {
        guard resolveMerges(&frame) else { return false }
      }
      var weight = 1
      for child in frame.children { weight = Self.add(weight, weights[Int(child)]) }
      let node = YAMLNode(
        kind: frame.isMapping ? .mapping : .sequence, value: "", style: .plain, tag: frame.tag,
        children: frame.children, start: frame.start, end: end)
      let index = append(node, weight: weight)
      if let anchor = frame.anchor { anchors[anchor] = index }
      return attach(index)
    default:
      break
    }
    return true
  }

  private static func add(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max / 2 : min(sum, Int.max / 2)
  }

  private mutating func append(_ node: YAMLNode, weight: Int) -> Int32 {
    nodes.append(node)
    weights.append(weight)
    return Int32(nodes.count - 1)
  }

  /// Adds a finished node to the open collection (or makes it the root).
  /// `reference` is the alias's own range when the node was reached through an alias.
  private mutating func attach(_ index: Int32, reference: SourceRange? = nil) -> Bool {
    guard !stack.isEmpty else {
      root = index
      return true
    }
    let top = stack.count - 1
    if stack[top].isMapping && stack[top].children.count % 2 == 1, let keyIndex = stack[top].children.last,
      Self.isMergeKey(nodes[Int(keyIndex)])
    {
      let value = nodes[Int(index)]
      let valid =
        value.kind == .mapping
        || (value.kind == .sequence && value.children.allSatisfy { nodes[Int($0)].kind == .mapping })
      if !valid {
        diagnostics.append(
          Diagnostic(
            YAMLParserMessage.invalidMerge,
            at: reference ?? range(value.start, value.end),
            help: ["anchor a mapping (&defaults {…}) and merge that: <<: *defaults"]))
      }
    }
    if stack[top].isMapping && stack[top].children.count % 2 == 0 && nodes[Int(index)].kind == .scalar {
      if Self.isMergeKey(nodes[Int(index)]) {
        stack[top].hasMerge = true
      } else {
        let text = nodes[Int(index)].value
        if let first = stack[top].firstKey(text) {
          let key = nodes[Int(index)]
          let firstNode = nodes[Int(first)]
          diagnostics.append(
            Diagnostic(
              YAMLParserMessage.duplicateKey(key: key.value), at: range(key.start, key.end),
              notes: [Note("first defined here", at: range(firstNode.start, firstNode.end))],
              help: ["remove one of the two entries"]))
        } else {
          stack[top].insertKey(text, index)
        }
      }
    }
    stack[top].children.append(index)
    return true
  }

  static func isMergeKey(_ node: YAMLNode) -> Bool {
    node.kind == .scalar && node.style == .plain && node.value == "<<" && (node.tag == nil || node.tag == mergeTag)
  }

  /// Replaces `<<` entries by the entries of the merged mappings that the mapping does not set itself.
  private mutating func resolveMerges(_ frame: inout Frame) -> Bool {
    var explicit: [Int32] = []
    var merged: [Int32] = []
    var present = frame.allKeys
    var position = 0
    var mergeValues: [Int32] = []
    while position + 1 < frame.children.count {
      let key = nodes[Int(frame.children[position])]
      if Self.isMergeKey(key) {
        mergeValues.append(frame.children[position + 1])
      } else {
        explicit += [frame.children[position], frame.children[position + 1]]
      }
      position += 2
    }
    for value in mergeValues {
      let node = nodes[Int(value)]
      let sources: [Int32]
      switch node.kind {
      case .mapping: sources = [value]
      case .sequence: sources = node.children
      case .scalar: sources = [value]
      }
      for sourceIndex in sources {
        let sourceNode = nodes[Int(sourceIndex)]
        // Invalid merge values were reported when they were attached.
        guard sourceNode.kind == .mapping else { continue }
        var pair = 0
        while pair + 1 < sourceNode.children.count {
          let keyIndex = sourceNode.children[pair]
          let key = nodes[Int(keyIndex)]
          if key.kind != .scalar || present.insert(key.value).inserted {
            merged += [keyIndex, sourceNode.children[pair + 1]]
          }
          pair += 2
        }
      }
    }
    frame.children = explicit + merged
    return true
  }

  private mutating func reportParserError(_ parser: inout yaml_parser_t) {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    if parser.error == YAML_READER_ERROR {
      let offset = Int(parser.problem_offset)
      diagnostics.append(
        Diagnostic(
          YAMLParserMessage.readerError(problem: problem),
          at: source.range(fromByte: offset, toByte: offset + 1), help: ["save the file as UTF-8 text"]))
      return
    }
    let mark = Self.mark(parser.problem_mark)
    var notes: [Note] = []
    if let context = parser.context.map({ String(cString: $0) }) {
      let contextMark = Self.mark(parser.context_mark)
      let contextRange = range(contextMark, contextMark)
      notes.append(
        Note("\(context) at line \(contextRange.start.line), column \(contextRange.start.column)", at: contextRange))
    }
    diagnostics.append(
      Diagnostic(
        YAMLParserMessage.syntaxError(problem: problem), at: range(mark, mark), notes: notes,
        help: [SyntaxErrorHint.help(for: problem)]))
  }
}
