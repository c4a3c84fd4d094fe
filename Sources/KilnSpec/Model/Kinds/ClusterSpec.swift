import KilnDiagnostics

/// `Cluster`: GPU racks at one site, with defaults: no reserve, one `default` queue at 100 %.
public struct ClusterSpec: SpecRecord, ReferenceTarget {
  public enum Purpose: String, ChoiceValue { case training, inference, mixed }

  public static let referenceKind = SpecKind.cluster.rawValue

  /// The one queue of a cluster that declares none, with the whole share.
  public static let defaultQueueName = "default"

  public struct RackGroup: SpecRecord {
    public var name: Located<String> = .placeholder
    public var count: Located<Int> = .placeholder
    public var server: Reference<ServerModel> = .placeholder
    public var perRack: Located<Int> = .placeholder
    /// W per rack; `nil` means the site's limit.
    public var powerLimit: Located<Double>?
    /// W per server: a power cap set in the servers' BMC or GPUs; `nil` means none.
    public var powerCap: Located<Double>?
    public var nodeLabel: NodeLabel?
    /// Backup hosts: on the fabric's spare leaf ports, neither endpoints nor schedulable.
    public var spare: Located<Bool> = .placeholder

    public init() {}

    public static let table = FieldTable<RackGroup>(
      "A group of identical racks.",
      [
        .field("name", .name, \.name, required: true, "rack group name, unique in the cluster (K2027)"),
        .field(
          "count", .count, \.count, required: true, range: .atMost(1_000_000, "1,000,000", positive: true),
          "number of racks"),
        .group(
          "servers", required: true, "servers in each rack",
          [
            .reference("model", \.server, required: true, "the server in each rack (K3002 if unknown)"),
            .field(
              "perRack", .count, \.perRack, required: true, range: .atMost(1_000, "1,000", positive: true),
              "servers per rack"),
          ]),
        .field(
          "powerLimit", FieldTypes.power, \.powerLimit, default: .rule("the site's `racks.powerLimit`"),
          "power limit per rack. *(analyzer)* Above the site's limit is a warning"),
        .field(
          "powerCap", FieldTypes.power, \.powerCap, default: .rule("none"), range: .positive,
          "*(analyzer)* power cap of each server (set in its BMC or with `nvidia-smi -pl`): below the catalog's maximum it bounds the rack check, the site's IT load and the average draw ([models.md §3.5](models.md#35-average-draw-load-factors-and-power-caps)). Its effect on throughput is not modelled"
        ),
        .field(
          "spare", .boolean, \.spare, default: .value("false"),
          "backup hosts (Alibaba HPN's 8 per 1,024-GPU segment): bought, powered and cabled into their fabric's spare leaf ports (`sparePorts`), but not fabric endpoints and not schedulable: their GPUs count as reserved"
        ),
        .record(
          "nodeLabel", \.nodeLabel, default: .rule("the GPU's catalog `nodeLabel`"),
          "*(backend)* node label that selects these servers in Kubernetes (for example a cloud's own GPU label)"),
      ])
  }

  public struct Queue: SpecRecord {
    public var name: Located<String> = .placeholder
    public var share: Located<Double> = .placeholder

    public init() {}

    public static let table = FieldTable<Queue>(
      "A Kueue queue.",
      [
        .field("name", .name, \.name, required: true, "queue name, unique in the cluster (K2027)"),
        .field(
          "share", FieldTypes.percent, \.share, required: true, range: .positive,
          "share of the queueable GPUs, above 0 % and at most 100 %. The shares together must be at most 100 % (`queue-shares`, [K2028](diagnostics.md#k2028))"
        ),
      ])
  }

  public var name = ""
  public var nameRange = SourceRange.wholeFile("")
  public var specKeyRange = SourceRange.wholeFile("")
  /// `metadata.labels`, copied into the generated Kubernetes objects.
  public var labels: [String: String] = [:]
  public var site: Reference<SiteSpec> = .placeholder
  public var purpose: Located<Purpose> = .placeholder
  public var rackGroups: [RackGroup] = []
  public var fabric: Reference<FabricSpec>?
  public var storage: [Reference<StorageSpec>] = []
  public var reserve: Located<Double> = .placeholder
  /// Average draw ÷ maximum power of the cluster's servers; nil: the project's figure for its purpose.
  public var loadFactor: Located<Double>?
  /// The declared queues, or the one default queue.
  public var queues: [Queue] = []
  /// Where the `queues` key is, when the cluster declares queues.
  public var queuesKey: SourceRange?

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
    nameRange = object.nameRange
    specKeyRange = object.specKeyRange
    labels = ObjectMetadata(object).labels
    if queues.isEmpty {
      var queue = Queue()
      queue.name = Located(Self.defaultQueueName, at: nameRange, isDefault: true)
      queue.share = Located(1, at: nameRange, isDefault: true)
      queues = [queue]
    }
  }

  public static let table = FieldTable<ClusterSpec>(
    "GPU racks at one site.",
    [
      .reference("site", \.site, required: true, "where the racks are"),
      .field(
        "purpose", Purpose.fieldType, \.purpose, required: true,
        "what runs on it. Serving entries need `inference` or `mixed`"),
      .records("racks", \.rackGroups, required: true, "groups of identical racks"),
      .reference(
        "fabric", \.fabric, requiredWhen: "`training` and `mixed`",
        "the compute fabric. Missing for a training or mixed cluster is K2003; a fabric with `purpose: storage` is K3004"
      ),
      .references(
        "storage", \.storage, default: .value("[]"),
        "storage tiers the cluster reads from. A Storage with a `fabric` attaches the cluster's storage NICs to that fabric"
      ),
      .field(
        "reserve", FieldTypes.percent, \.reserve, default: .value("0%"),
        "hot spares, rounded up to whole servers in each rack group. Spares are not schedulable. Must be below 100 % (K2029)"
      ),
      .field(
        "loadFactor", FieldTypes.percent, \.loadFactor, default: .rule("the Project's `loadFactors` for the purpose"),
        range: .positive,
        "*(analyzer)* average draw ÷ maximum power of this cluster's servers, for energy and opex ([models.md §3.5](models.md#35-average-draw-load-factors-and-power-caps))"
      ),
      .records(
        "queues", \.queues, default: .rule("one queue `default` at `100%`"), keyRange: \ClusterSpec.queuesKey,
        "Kueue quota split"),
    ])
}
