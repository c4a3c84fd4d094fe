import KilnDiagnostics
import KilnSupport

/// A value with the range it came from; for a default, the range of the field that chose it (or of
/// `metadata.name`), so later stages can always point somewhere useful.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var range: SourceRange
  /// Whether the value is a default rather than written by the author.
  public var isDefault: Bool

  public init(_ value: Value, at range: SourceRange, isDefault: Bool = false) {
    self.value = value
    self.range = range
    self.isDefault = isDefault
  }
}

/// Reads typed values out of validated nodes, with defaults. Only used after validation, so a
/// missing or invalid value simply yields the default.
struct TypedReader {
  /// Where defaults point when no better field exists: the object's `metadata.name`.
  let fallback: SourceRange

  func text(_ node: SpecNode?, _ field: String, default value: String) -> Located<String> {
    if let child = node?[field], let text = child.text { return Located(text, at: child.range) }
    return Located(value, at: fallback, isDefault: true)
  }

  func optionalText(_ node: SpecNode?, _ field: String) -> Located<String>? {
    guard let child = node?[field], let text = child.text else { return nil }
    return Located(text, at: child.range)
  }

  func number(_ node: SpecNode?, _ field: String, default value: Double) -> Located<Double> {
    if let child = node?[field], let number = child.number { return Located(number, at: child.range) }
    return Located(value, at: fallback, isDefault: true)
  }

  func optionalNumber(_ node: SpecNode?, _ field: String) -> Located<Double>? {
    guard let child = node?[field], let number = child.number else { return nil }
    return Located(number, at: child.range)
  }

  func count(_ node: SpecNode?, _ field: String, default value: Int) -> Located<Int> {
    let located = number(node, field, default: Double(value))
    return Located(Int(saturating: located.value), at: located.range, isDefault: located.isDefault)
  }

  func optionalCount(_ node: SpecNode?, _ field: String) -> Located<Int>? {
    optionalNumber(node, field).map { Located(Int(saturating: $0.value), at: $0.range) }
  }

  func bool(_ node: SpecNode?, _ field: String, default value: Bool) -> Located<Bool> {
    if let child = node?[field], let flag = child.bool { return Located(flag, at: child.range) }
    return Located(value, at: fallback, isDefault: true)
  }

  func texts(_ node: SpecNode?, _ field: String) -> [Located<String>] {
    (node?[field]?.items ?? []).compactMap { item in item.text.map { Located($0, at: item.range) } }
  }

  func textMap(_ node: SpecNode?, _ field: String) -> [String: String] {
    var map: [String: String] = [:]
    for entry in node?[field]?.fields ?? [] { if let text = entry.node.text { map[entry.name] = text } }
    return map
  }
}
