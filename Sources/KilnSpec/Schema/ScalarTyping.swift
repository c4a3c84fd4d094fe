import KilnDiagnostics
import KilnSupport
import KilnYAML

/// Types one scalar by its field's schema type. YAML's implicit typing is never applied: the text is
/// read as the field says, and plain scalars that YAML 1.2 would read differently are flagged.
struct ScalarTyping {
  let node: YAMLNode
  let range: SourceRange
  let path: FieldPath
  var diagnostics: [Diagnostic] = []

  init(node: YAMLNode, range: SourceRange, path: FieldPath) {
    self.node = node
    self.range = range
    self.path = path
  }

  var text: String { node.value }

  static func describe(_ type: FieldType) -> String {
    switch type {
    case .text, .image: "text"
    case .name: "a name"
    case .choice(let values): "one of \(values.joined(separator: ", "))"
    case .count: "a count"
    case .factor: "a number"
    case .quantity(let dimensions):
      dimensions.map { "\($0.displayName) (e.g. \($0.example))" }.joined(separator: " or ")
    case .ratio: "a ratio such as \"2:1\""
    case .boolean: "true or false"
    case .reference(let target): "the name of a \(target.hasPrefix("catalog:") ? "catalog entry" : target)"
    case .scalar: "a value"
    case .object: "a mapping"
    case .objectMap: "a mapping of names"
    case .list: "a list"
    case .textMap: "a mapping of text"
    }
  }

  mutating func emit(_ message: ScalarMessage, help: [String] = [], fixIts: [FixIt] = []) {
    diagnostics.append(Diagnostic(message, at: range, help: help, fixIts: fixIts))
  }

  mutating func decode(as type: FieldType) -> SpecNode.Value {
    switch type {
    case .text, .image:
      return decodeText()
    case .name, .reference:
      guard case .text(let value) = decodeText(allowEmpty: false) else { return .invalid }
      if case .name = type, let problem = DNSLabel.problem(value) {
        emit(
          .invalidName(name: value, path: path, problem: problem),
          help: DNSLabel.suggestion(value).map { ["try '\($0)'"] } ?? [])
        return .invalid
      }
      return .text(value)
    case .choice(let values):
      guard values.contains(text) else {
        var fixIts: [FixIt] = []
        var help = ["expected one of: \(values.joined(separator: ", "))"]
        if let suggestion = DidYouMean.suggestion(for: text, among: values) {
          fixIts.append(
            FixIt.didYouMean(suggestion, at: range))
          help = []
        }
        emit(.invalidChoice(value: text, path: path), help: help, fixIts: fixIts)
        return .invalid
      }
      return .text(text)
    case .boolean:
      switch (text, node.style) {
      case ("true", .plain): return .bool(true)
      case ("false", .plain): return .bool(false)
      case ("true", _), ("false", _):
        emit(
          .quotedBoolean(path: path, value: text),
          fixIts: [FixIt(message: "remove the quotes: \(text)", edits: [TextEdit(range: range, replacement: text)])])
        return .invalid
      default:
        let guess: String? =
          ["yes", "Yes", "YES", "on", "On", "ON", "True", "TRUE", "y", "Y"].contains(text)
          ? "true"
          : (["no", "No", "NO", "off", "Off", "OFF", "False", "FALSE", "n", "N"].contains(text) ? "false" : nil)
        emit(
          .notBoolean(path: path, value: text),
          fixIts: guess.map { [FixIt(message: "write '\($0)'", edits: [TextEdit(range: range, replacement: $0)])] }
            ?? [])
        return .invalid
      }
    case .count:
      return decodeNumber(dimensions: [.count], integral: true)
    case .factor:
      return decodeNumber(dimensions: [.factor], integral: false)
    case .quantity(let dimensions):
      return decodeNumber(dimensions: dimensions, integral: false)
    case .ratio:
      return decodeRatio()
    case .scalar:
      return .text(text)
    case .object, .objectMap, .list, .textMap:
      return .invalid
    }
  }

  mutating func decodeText(allowEmpty: Bool = true) -> SpecNode.Value {
    if node.style == .plain && node.tag == nil, let implicit = YAMLCoreSchema.implicitType(of: text) {
      if text.isEmpty {
        emit(.noValue(path: path))
        return .invalid
      }
      let quoted = "\"\(text)\""
      emit(
        .ambiguousText(path: path, value: text, implicit: implicit),
        fixIts: [FixIt(message: "quote it: \(quoted)", edits: [TextEdit(range: range, replacement: quoted)])])
      return .invalid
    }
    if !allowEmpty && text.isEmpty {
      emit(.emptyText(path: path))
      return .invalid
    }
    return .text(text)
  }

  static func article(_ type: YAMLCoreSchema.ImplicitType) -> String {
    switch type {
    case .null: "null"
    case .bool: "a boolean"
    case .int: "an integer"
    case .float: "a number"
    }
  }

  mutating func decodeNumber(dimensions: [Dimension], integral: Bool) -> SpecNode.Value {
    if node.style == .plain && YAMLCoreSchema.implicitType(of: text) == .null {
      emit(.noValue(path: path))
      return .invalid
    }
    let expected = dimensions.map { "\($0.displayName) (e.g. \($0.example))" }.joined(separator: " or ")
    switch QuantityParser.parse(text, expecting: dimensions) {
    case .failure(let failure):
      switch failure {
      case .empty, .malformedNumber:
        emit(.malformedNumber(value: text, path: path, expected: expected))
      case .numberTooLong(let digits):
        emit(
          .numberTooLong(path: path, digits: digits),
          help: ["use a unit suffix for large values (e.g. 671B, 14.8T)"])
      case .notFinite:
        emit(.notFinite(path: path, value: text))
      case .negative:
        emit(.negative(path: path), help: ["write 0 or a positive value"])
      case .missingUnit:
        emit(.missingUnit(path: path, expected: expected))
      case .unknownUnit(let unit, let suggestion):
        var fixIts: [FixIt] = []
        if let suggestion {
          let replacement = Self.replacingLast(unit, in: text, with: suggestion)
          fixIts.append(
            FixIt.didYouMean(suggestion, at: range, replacement: replacement))
        }
        emit(
          .unknownUnit(unit: unit, value: text, path: path),
          help: fixIts.isEmpty ? ["expected \(expected); units are case-sensitive"] : [], fixIts: fixIts)
      }
      return .invalid
    case .success(let quantity):
      if dimensions.contains(quantity.dimension) || (quantity.dimension == .factor && dimensions.contains(.count)) {
        if dimensions == [.count] || (quantity.dimension == .factor && dimensions.contains(.count)) {
          guard quantity.value == quantity.value.rounded() else {
            let lower = quantity.value.rounded(.down)
            emit(
              .notInteger(path: path, value: text),
              help: [
                "counts are whole: write \(JSONValue.format(lower)) or \(JSONValue.format(lower + 1))"
              ])
            return .invalid
          }
          guard withinRange(quantity.value, .count) else { return .invalid }
          return .quantity(Quantity(value: quantity.value, dimension: .count, text: text))
        }
        guard withinRange(quantity.value, quantity.dimension) else { return .invalid }
        if quantity.dimension == .factor {
          return .quantity(Quantity(value: quantity.value, dimension: .factor, text: text))
        }
        if quantity.dimension == .percent && quantity.value > 1 {
          emit(.percentAbove100(path: path, value: text))
          return .invalid
        }
        return .quantity(quantity)
      }
      if quantity.dimension == .factor {
        if dimensions.contains(.percent) {
          // 0.8 means 80 %; 80 means 80 % too (8000 % would never fit).
          let percent = JSONValue.format(quantity.value > 1 ? quantity.value : quantity.value * 100) + "%"
          emit(
            .percentWithoutSign(path: path),
            fixIts: [
              FixIt(
                message: "if you meant \(percent), write '\(percent)'",
                edits: [TextEdit(range: range, replacement: percent)])
            ])
        } else {
          emit(
            .missingUnit(path: path, expected: expected),
            help: ["write the number with its unit, as in '\(dimensions[0].example)'"])
        }
        return .invalid
      }
      emit(
        .wrongDimension(path: path, expected: expected, value: text, found: quantity.dimension),
        help: dimensions.compactMap(Self.unitHelp), fixIts: Self.perSecondFix(text, dimensions: dimensions, at: range))
      return .invalid
    }
  }

  /// Whether a value is within its dimension's documented range (K2029 naming the range when not).
  mutating func withinRange(_ value: Double, _ dimension: Dimension) -> Bool {
    let maximum = dimension.maximum
    guard value > maximum.value else { return true }
    emit(
      .aboveDimensionMaximum(path: path, value: text, dimension: dimension),
      help: ["values run from 0 to \(maximum.text); check for extra zeros or a wrong unit prefix"])
    return false
  }

  /// "power is written in W, kW, MW or GW, as in '10.2kW'": the units of the field's dimension.
  static func unitHelp(_ dimension: Dimension) -> String? {
    let spellings = QuantityParser.spellings(of: dimension)
    guard !spellings.isEmpty else { return nil }
    let list =
      spellings.count == 1
      ? spellings[0] : spellings.dropLast().joined(separator: ", ") + " or " + (spellings.last ?? "")
    return "\(dimension.displayName) is written in \(list), as in '\(dimension.example)'"
  }

  /// The one confusion a fix-it can undo: a size where a bandwidth is expected (`400GB` for `400GB/s`)
  /// or the other way round.
  static func perSecondFix(_ text: String, dimensions: [Dimension], at range: SourceRange) -> [FixIt] {
    let candidate = text.hasSuffix("/s") ? String(text.dropLast(2)) : text + "/s"
    guard case .success(let quantity) = QuantityParser.parse(candidate, expecting: dimensions),
      dimensions.contains(quantity.dimension)
    else { return [] }
    return [FixIt.didYouMean(candidate, at: range)]
  }

  /// `text` with the last occurrence of `unit` replaced (`1.5m tokens/s` → `1.5M tokens/s`).
  static func replacingLast(_ unit: String, in text: String, with replacement: String) -> String {
    guard !unit.isEmpty, let found = text.ranges(of: unit).last else { return text }
    return text.replacingCharacters(in: found, with: replacement)
  }

  static func clip(_ text: String) -> String {
    text.count > 24 ? String(text.prefix(20)) + "…" : text
  }

  mutating func decodeRatio() -> SpecNode.Value {
    if text.hasSuffix("%") {
      // A ratio as a percentage: 200% is 2:1, so no 100% cap here.
      guard case .success(let quantity) = QuantityParser.parse(text), quantity.dimension == .percent, quantity.value > 0
      else {
        emit(
          .invalidPercentRatio(path: path, value: text))
        return .invalid
      }
      return .quantity(Quantity(value: quantity.value, dimension: .factor, text: text))
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let down = Double(parts[0].trimmingSpaces()), let up = Double(parts[1].trimmingSpaces()),
      down.isFinite, up.isFinite, down > 0, up > 0, parts[0].count <= 20, parts[1].count <= 20
    else {
      emit(
        .invalidRatio(path: path, value: text),
        help: ["quote ratios: YAML 1.1 reads an unquoted 2:1 as a base-60 number"])
      return .invalid
    }
    return .quantity(Quantity(value: down / up, dimension: .factor, text: text))
  }
}

extension Substring {
  func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
