import KilnDiagnostics

/// A group of identical NIC ports of a server.
public struct NICGroup: SpecRecord, Hashable {
  public enum Role: String, ChoiceValue { case compute, storage }

  public var role: Role = .placeholder
  public var count: Int = 0
  /// Bytes per second.
  public var speed: Double = 0
  public var transceiver: Reference<TransceiverModel>?

  public init() {}

  public static let table = FieldTable<NICGroup>(
    "A group of identical NICs.",
    [
      .plain("role", Role.fieldType, \.role, required: true, "which fabric the ports join"),
      .plain("count", .count, \.count, required: true, "ports in the group"),
      .plain("speed", FieldTypes.bandwidth, \.speed, required: true, "port speed"),
      .reference(
        "transceiver", \.transceiver, default: .rule("none (copper)"), "server-side optic of each port"),
    ])

  public static func == (lhs: NICGroup, rhs: NICGroup) -> Bool {
    lhs.role == rhs.role && lhs.count == rhs.count && lhs.speed == rhs.speed
      && lhs.transceiver?.name.value == rhs.transceiver?.name.value
  }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(role)
    hasher.combine(count)
  }
}

/// A server model.
public struct ServerModel: CatalogEntryRecord, Hashable {
  public static let referenceKind = HardwareCatalog.Section.servers.referenceName

  public var name = ""
  public var gpuReference: Reference<GPUModel>?
  /// The GPU model, linked when the catalog is built.
  public var gpu: GPUModel?
  public var gpuCount: Int = 0
  public var rackUnits: Int = 0
  /// Maximum system power, W.
  public var power: Double = 0
  /// Host CPU cores and memory (bytes), for Kueue's cpu and memory quotas.
  public var cpuCores: Int?
  public var hostMemory: Double?
  public var localStorage: Double?
  public var scaleUpDomain: Int?
  public var nics: [NICGroup] = []
  public var price: Double?
  /// Average system power measured in training, W; nil where none is published.
  public var trainingPower: Double?
  public var provenance = Provenance()

  public init() {}

  public func ports(role: NICGroup.Role) -> Int { nics.filter { $0.role == role }.reduce(0) { $0 + $1.count } }
  public func portSpeed(role: NICGroup.Role) -> Double? { nics.first { $0.role == role }?.speed }

  public static let table = FieldTable<ServerModel>(
    "A server model.",
    [
      nameEntry(),
      .reference(
        "gpu", \.gpuReference, requiredWhen: "unless `gpuCount` is 0",
        "the GPU model; a new server with GPUs and no `gpu` is K2003"),
      .plain("gpuCount", .count, \.gpuCount, required: true, "GPUs per server. `0` for a CPU-only node"),
      .plain("rackUnits", .count, \.rackUnits, required: true, "height in rack units"),
      .plain("power", FieldTypes.power, \.power, required: true, "maximum system power"),
      .optionalPlain("cpuCores", .count, \.cpuCores, "CPU cores"),
      .optionalPlain("memory", FieldTypes.dataSize, \.hostMemory, "host memory"),
      .optionalPlain("localStorage", FieldTypes.dataSize, \.localStorage, "local NVMe"),
      .optionalPlain(
        "scaleUpDomain", .count, \.scaleUpDomain, default: .rule("`gpuCount`"),
        "GPUs sharing one NVLink domain (2 for bridged PCIe pairs, 72 for an NVL72 rack)"),
      .records("nics", \.nics, default: .value("[]"), "NIC groups"),
      .optionalPlain("price", FieldTypes.money, \.price, "the whole system, GPUs included"),
      .optionalPlain(
        "trainingPower", FieldTypes.power, \.trainingPower,
        "*(analyzer)* average system power measured in training; the default training load factor is it ÷ `power`"),
    ] + provenanceEntries())

  public static func == (lhs: ServerModel, rhs: ServerModel) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
