import KilnDiagnostics
import KilnSupport

/// A value a field table can decode from a validated node.
public protocol FieldValue: Sendable {
  /// The node's value, or nil when it holds something else (an invalid value already reported).
  init?(node: SpecNode)
  /// What a record holds before its table assigns the field.
  static var placeholder: Self { get }
}

extension String: FieldValue {
  public init?(node: SpecNode) {
    guard let text = node.text else { return nil }
    self = text
  }
  public static var placeholder: String { "" }
}

extension Double: FieldValue {
  public init?(node: SpecNode) {
    guard let number = node.number else { return nil }
    self = number
  }
  public static var placeholder: Double { 0 }
}

extension Int: FieldValue {
  public init?(node: SpecNode) {
    guard let number = node.number else { return nil }
    self.init(saturating: number)
  }
  public static var placeholder: Int { 0 }
}

extension Bool: FieldValue {
  public init?(node: SpecNode) {
    guard let flag = node.bool else { return nil }
    self = flag
  }
  public static var placeholder: Bool { false }
}

extension Quantity: FieldValue {
  public init?(node: SpecNode) {
    guard let quantity = node.quantity else { return nil }
    self = quantity
  }
  public static var placeholder: Quantity { Quantity(value: 0, dimension: .factor, text: "0") }
}

extension Optional: FieldValue where Wrapped: FieldValue {
  /// A value that may be absent by design (`tiers: auto` is nil); the node itself must be valid.
  public init?(node: SpecNode) {
    guard !node.isInvalid else { return nil }
    self = Wrapped(node: node)
  }
  public static var placeholder: Self { nil }
}

/// A choice field read into an enum: the first case is the placeholder.
/// Choices print as they are written (`fat-tree`), in messages and outputs alike.
public protocol ChoiceValue: FieldValue, RawRepresentable, CaseIterable, CustomStringConvertible
where RawValue == String {}

extension ChoiceValue {
  public init?(node: SpecNode) {
    guard let text = node.text, let value = Self(rawValue: text) else { return nil }
    self = value
  }
  public static var placeholder: Self { allCases[allCases.startIndex] }

  public var description: String { rawValue }

  /// The field type of the choice: its raw values, in declaration order.
  public static var fieldType: FieldType { .choice(allCases.map(\.rawValue)) }
}

extension Located where Value: FieldValue {
  /// A value no table has assigned yet.
  public static var placeholder: Located<Value> { Located(Value.placeholder, at: .wholeFile(""), isDefault: true) }
}

/// One entry of a text map (a label): key and value with their locations.
public struct TextEntry: Sendable {
  public var key: Located<String>
  public var value: Located<String>
}

extension [TextEntry] {
  /// The entries as a dictionary; a repeated key keeps its last value.
  public var dictionary: [String: String] {
    var map: [String: String] = [:]
    for entry in self { map[entry.key.value] = entry.value.value }
    return map
  }
}
