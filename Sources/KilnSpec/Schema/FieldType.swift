/// The type of a field in Kiln's schema. The schema is data: the decoder, the JSON Schema export and
/// the language reference are all driven by it.
public indirect enum FieldType: Sendable {
  /// Free text; a plain scalar that YAML 1.2 reads as a number, boolean or null is an error.
  case text
  /// A DNS-1123 label.
  case name
  /// One of a fixed set of words.
  case choice([String])
  /// A non-negative whole number, optionally with a suffix (`14.8T`, `128Ki`).
  case count
  /// A plain non-negative number (`pue: 1.2`).
  case factor
  /// A quantity of one of these dimensions.
  case quantity([Dimension])
  /// `"2:1"`, or a percentage.
  case ratio
  case boolean
  /// The name of another object (`Site`, `Cluster`, …) or of a catalog entry (`catalog:gpus`).
  case reference(String)
  /// A container image reference.
  case image
  case object(ObjectSchema)
  case list(FieldType)
  /// A mapping of text to text (labels, annotations).
  case textMap
  /// A mapping from names (DNS-1123) to objects of one schema (environments).
  case objectMap(ObjectSchema)
  /// Any scalar, typed later by the field that owns it (a Policy rule's `min`/`max`).
  case scalar
}

/// One field of an object.
public struct FieldSchema: Sendable {
  public var name: String
  public var type: FieldType
  public var required: Bool
  /// The default as an author would write it, for documentation.
  public var defaultText: String?
  public var doc: String
  /// Bounds narrower than the dimension's own (`FieldRange`): a GPU's bandwidth above 0, a parallel
  /// degree up to 65,536. nil: the dimension's range.
  public var range: FieldRange?

  public init(
    _ name: String, _ type: FieldType, required: Bool = false, default defaultText: String? = nil,
    range: FieldRange? = nil, _ doc: String
  ) {
    self.name = name
    self.type = type
    self.required = required
    self.defaultText = defaultText
    self.range = range
    self.doc = doc
  }
}

/// A field's own bounds, checked after decoding (K2029) and shown in the field reference.
public struct FieldRange: Sendable {
  /// The value must be above 0 (a divisor: bandwidth, peak compute, ports).
  public var positive: Bool
  /// The largest value, and how it is written.
  public var maximum: (value: Double, text: String)?

  public static let positive = FieldRange(positive: true, maximum: nil)

  public static func atMost(_ value: Double, _ text: String, positive: Bool = false) -> FieldRange {
    FieldRange(positive: positive, maximum: (value, text))
  }

  /// "above 0", "at most 65,536", "from 1 to 65,536".
  public var description: String {
    switch (positive, maximum) {
    case (true, let maximum?): "above 0 and at most \(maximum.text)"
    case (true, nil): "above 0"
    case (false, let maximum?): "at most \(maximum.text)"
    case (false, nil): "any"
    }
  }
}

/// A mapping with known fields; any other key is an error.
public struct ObjectSchema: Sendable {
  public var fields: [FieldSchema]
  public var doc: String
  /// Entries that must never hold a literal secret (`value` is rejected as a secret, not as an unknown field).
  public var isSecretReference: Bool

  public init(_ doc: String = "", isSecretReference: Bool = false, _ fields: [FieldSchema]) {
    self.fields = fields
    self.doc = doc
    self.isSecretReference = isSecretReference
  }

  public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }
}
