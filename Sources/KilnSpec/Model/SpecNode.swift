import KilnDiagnostics

/// A validated value of a spec with the range it came from. After an overlay the range is the
/// overlay's, so diagnostics about merged values point at the line that set them.
public struct SpecNode: Sendable {
  /// Not `indirect`: lists and objects already live in arrays, and boxing every scalar would cost
  /// an allocation per node.
  public enum Value: Sendable {
    case text(String)
    case number(Double)
    case quantity(Quantity)
    case bool(Bool)
    case list([SpecNode])
    case object([SpecField])
    /// A value that failed validation (a diagnostic was emitted); checks skip it.
    case invalid
  }

  public var value: Value
  public var range: SourceRange

  public init(_ value: Value, range: SourceRange) {
    self.value = value
    self.range = range
  }

  public subscript(field: String) -> SpecNode? {
    guard case .object(let fields) = value else { return nil }
    return fields.first { $0.name == field }?.node
  }

  /// The key's range of a field, for "missing field" style diagnostics.
  public func keyRange(of field: String) -> SourceRange? {
    guard case .object(let fields) = value else { return nil }
    return fields.first { $0.name == field }?.keyRange
  }

  public var fields: [SpecField] {
    if case .object(let fields) = value { return fields }
    return []
  }

  public var items: [SpecNode] {
    if case .list(let items) = value { return items }
    return []
  }

  public var text: String? {
    if case .text(let text) = value { return text }
    return nil
  }

  public var quantity: Quantity? {
    if case .quantity(let quantity) = value { return quantity }
    return nil
  }

  /// A count, factor or quantity as a number in canonical units.
  public var number: Double? {
    switch value {
    case .number(let number): number
    case .quantity(let quantity): quantity.value
    default: nil
    }
  }

  public var bool: Bool? {
    if case .bool(let value) = value { return value }
    return nil
  }

  public var isInvalid: Bool {
    if case .invalid = value { return true }
    return false
  }
}

/// One field of an object node.
public struct SpecField: Sendable {
  public var name: String
  public var keyRange: SourceRange
  public var node: SpecNode

  public init(name: String, keyRange: SourceRange, node: SpecNode) {
    self.name = name
    self.keyRange = keyRange
    self.node = node
  }
}
