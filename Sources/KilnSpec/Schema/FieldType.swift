import Foundation

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

/// A field's default: a value written as an author would write it (decoded by the field's own type,
/// so the docs show exactly what applies), or a rule that depends on other values, applied once by
/// the typed spec that owns the field.
public enum FieldDefault: Sendable {
  case value(String)
  case rule(String)
}

extension FieldType {
  var isName: Bool {
    if case .name = self { return true }
    return false
  }
}

/// One field of an object: the untyped view of a field table row, which the decoder, the JSON Schema
/// export and the field reference read.
public struct FieldSchema: Sendable {
  public var name: String
  public var type: FieldType
  public var required: Bool
  /// When a field is required only in some cases ("owned sites"), said in the field reference; the
  /// check that enforces it is named in `doc`.
  public var requiredWhen: String?
  public var defaultValue: FieldDefault?
  /// One line for editors and the field reference; Markdown links are flattened for editors.
  public var doc: String
  /// Bounds narrower than the dimension's own (`FieldRange`): a GPU's bandwidth above 0, a parallel
  /// degree up to 65,536. nil: the dimension's range.
  public var range: FieldRange?

  public init(
    _ name: String, _ type: FieldType, required: Bool = false, requiredWhen: String? = nil,
    default defaultValue: FieldDefault? = nil, range: FieldRange? = nil, _ doc: String
  ) {
    self.name = name
    self.type = type
    self.required = required
    self.requiredWhen = requiredWhen
    self.defaultValue = defaultValue
    self.range = range
    self.doc = doc
  }

  /// The doc's first sentence without its asides, for help lines: "ISO 3166-1 alpha-2 country code in
  /// upper case, or EU / EEA for a site known only to be inside that group".
  public var summary: String {
    var text = ""
    var depth = 0
    for character in MarkdownText.plain(doc) {
      if character == "(" { depth += 1 }
      if depth == 0 { text.append(character) }
      if character == ")" { depth = max(0, depth - 1) }
    }
    text = text.replacingOccurrences(of: " ,", with: ",").replacingOccurrences(of: "  ", with: " ")
    if let end = text.range(of: ". ") { text = String(text[..<end.lowerBound]) }
    if let end = text.range(of: "; ") { text = String(text[..<end.lowerBound]) }
    return text.replacingOccurrences(of: "`", with: "").trimmingCharacters(in: .whitespaces)
  }

  /// The default as the field reference shows it.
  public var defaultText: String? {
    switch defaultValue {
    case .value(let text):
      // As an author must write it: quoted when YAML would read it as something else.
      text.isEmpty || (DefaultValue.decodes(text, as: type) == false) ? "\"\(text)\"" : text
    case .rule(let text): text
    case nil: nil
    }
  }
}

/// A field's own bounds, checked after decoding (K2029) and shown in the field reference.
public struct FieldRange: Sendable {
  /// The value must be above 0 (a divisor: bandwidth, peak compute, ports).
  public var positive: Bool
  /// The largest value, and how it is written.
  public var maximum: (value: Double, text: String)?
  /// Whether the value must stay below `maximum` rather than reach it (a cache hit rate below 100 %).
  public var excludesMaximum = false

  public static let positive = FieldRange(positive: true, maximum: nil)

  public static func atMost(_ value: Double, _ text: String, positive: Bool = false) -> FieldRange {
    FieldRange(positive: positive, maximum: (value, text))
  }

  public static func below(_ value: Double, _ text: String) -> FieldRange {
    FieldRange(positive: false, maximum: (value, text), excludesMaximum: true)
  }

  /// "above 0", "at most 65,536", "above 0 and at most 65,536", "below 100%".
  public var description: String {
    let bound = excludesMaximum ? "below" : "at most"
    switch (positive, maximum) {
    case (true, let maximum?): return "above 0 and \(bound) \(maximum.text)"
    case (true, nil): return "above 0"
    case (false, let maximum?): return "\(bound) \(maximum.text)"
    case (false, nil): return "any"
    }
  }

  /// Whether `value` is inside the range.
  public func contains(_ value: Double) -> Bool {
    if positive && !(value > 0) { return false }
    if let maximum, excludesMaximum ? !(value < maximum.value) : value > maximum.value { return false }
    return true
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

/// Field docs are Markdown for the field reference; editors and messages get them as plain text.
public enum MarkdownText {
  /// Links become their text (`[K2021](diagnostics.md#k2021)` → `K2021`); emphasis marks go.
  public static func plain(_ markdown: String) -> String {
    var out = ""
    var rest = Substring(markdown)
    while let open = rest.firstIndex(of: "[") {
      out += rest[..<open]
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "]"), rest.index(after: close) < rest.endIndex,
        rest[rest.index(after: close)] == "(", let end = rest[close...].firstIndex(of: ")")
      else {
        out += "["
        rest = rest[afterOpen...]
        continue
      }
      out += rest[afterOpen..<close]
      rest = rest[rest.index(after: end)...]
    }
    out += rest
    return out.replacingOccurrences(of: "*(", with: "(").replacingOccurrences(of: ")*", with: ")")
  }
}
