import KilnDiagnostics

/// `Storage`: a storage tier.
public struct StorageSpec: SpecRecord, ReferenceTarget {
  public enum StorageClass: String, ChoiceValue {
    case parallelFS = "parallel-fs"
    case object
    case block
  }

  public static let referenceKind = SpecKind.storage.rawValue

  public var name = ""
  public var nameRange = SourceRange.wholeFile("")
  public var site: Reference<SiteSpec> = .placeholder
  public var storageClass: Located<StorageClass> = .placeholder
  public var system: Located<String>?
  /// Bytes.
  public var capacity: Located<Double> = .placeholder
  /// Bytes per second.
  public var readBandwidth: Located<Double> = .placeholder
  public var writeBandwidth: Located<Double>?
  public var fabric: Reference<FabricSpec>?
  /// The storage servers (or appliances) behind it: how many, and the NIC ports and port speed (bytes/s) of
  /// each. Their ports are endpoints of `fabric`; nil when the spec does not declare them.
  public var nodeCount: Located<Int>?
  public var nodeNICs: Located<Int>?
  public var nodeNICSpeed: Located<Double>?
  public var racks: Located<Int> = .placeholder
  /// W.
  public var power: Located<Double> = .placeholder
  public var price: Located<Double>?
  public var monthlyPrice: Located<Quantity>?

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
    nameRange = object.nameRange
  }

  public static let table = FieldTable<StorageSpec>(
    "A storage tier.",
    [
      .reference("site", \.site, required: true, "where it is"),
      .field("class", StorageClass.fieldType, \.storageClass, required: true, "storage class"),
      .field("system", .text, \.system, "free text: `lustre`, `weka`, `3fs`, `ceph`, `vast`, …"),
      .field("capacity", FieldTypes.dataSize, \.capacity, required: true, "usable capacity"),
      .field("readBandwidth", FieldTypes.bandwidth, \.readBandwidth, required: true, "aggregate read bandwidth"),
      .field(
        "writeBandwidth", FieldTypes.bandwidth, \.writeBandwidth,
        "aggregate write bandwidth. *(analyzer)* Checkpoint times use it; without it they use `readBandwidth`, which is usually optimistic"
      ),
      .reference(
        "fabric", \.fabric,
        "the storage fabric that reaches it. It must be at the same site (K3007) and must have `purpose: storage` ([K3004](diagnostics.md#k3004))"
      ),
      .group(
        "nodes",
        "the storage servers or appliances. Their NIC ports are endpoints of `fabric`, on leaves of their own that are non-blocking ([models.md §4.1](models.md#41-endpoints))",
        [
          .field(
            "count", .count, \.nodeCount, required: true, range: .atMost(1_000_000, "1,000,000", positive: true),
            "storage nodes"),
          .field(
            "nics", .count, \.nodeNICs, required: true, range: .atMost(64, "64"),
            "storage-fabric ports per node (0 with a `fabric` is [K2029](diagnostics.md#k2029))"),
          .field("speed", FieldTypes.bandwidth, \.nodeNICSpeed, required: true, "speed of each port: `200Gb/s`"),
        ]),
      .field("racks", .count, \.racks, default: .value("0"), "rack positions it takes at the site"),
      .field("power", FieldTypes.power, \.power, default: .value("0W"), "power draw, added to the site's IT load"),
      .field("price", FieldTypes.money, \.price, "capex"),
      .field(
        "monthlyPrice", .quantity([.storagePrice, .monthlyPrice]), \.monthlyPrice,
        "opex instead of capex: `$40k/month`, or per capacity `$20/TB/month`"),
    ])
}
