import KilnDiagnostics

/// Where a catalog entry's figures come from, and which are estimates.
public struct Provenance: Sendable {
  public var source: Located<String>?
  public var estimate: Located<Bool> = .placeholder
  public var estimatedFieldList: [Located<String>] = []
  public var basis: Located<String>?

  public init() {}

  /// Fields whose figures are estimates (`estimatedFields`, when `estimate` is true).
  public var estimatedFields: Set<String> { estimate.value ? Set(estimatedFieldList.map(\.value)) : [] }
}

/// A catalog entry: a name other entries and specs refer to, and its provenance.
public protocol CatalogEntryRecord: SpecRecord, ReferenceTarget {
  var name: String { get set }
  var provenance: Provenance { get set }
}

extension CatalogEntryRecord {
  public var estimatedFields: Set<String> { provenance.estimatedFields }

  /// `name`, the first field of every entry.
  static func nameEntry() -> FieldEntry<Self> {
    .custom(FieldSchema(CatalogFieldNames.name, .text, required: true, "catalog name")) { root, node in
      root.name = node?.text ?? ""
    }
  }

  /// The provenance fields every entry ends with.
  static func provenanceEntries() -> [FieldEntry<Self>] {
    [
      .field("source", .text, \.provenance.source, "where the figures come from"),
      .field(
        CatalogFieldNames.estimate, .boolean, \.provenance.estimate, default: .value("false"),
        "`true` when some figure is an estimate rather than a sourced value"),
      .list(
        CatalogFieldNames.estimatedFields, .text, \.provenance.estimatedFieldList,
        "exactly which fields are estimates"),
      .field("basis", .text, \.provenance.basis, "how the estimates were made"),
    ]
  }
}

/// The field names the catalog's merge reads by name: an entry's key, and its estimate markers.
public enum CatalogFieldNames {
  public static let name = FieldTypes.entryName
  /// The price of an entry, which reports flag when it is an estimate.
  public static let price = "price"
  /// The maximum power of a server or switch, which reports flag when it is an estimate.
  public static let power = "power"
  public static let estimate = "estimate"
  public static let estimatedFields = "estimatedFields"
}
