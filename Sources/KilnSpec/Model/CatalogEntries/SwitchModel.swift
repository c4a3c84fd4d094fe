import KilnDiagnostics

/// A switch model.
public struct SwitchModel: CatalogEntryRecord, Hashable {
  public static let referenceKind = HardwareCatalog.Section.switches.referenceName

  /// Split-port mode.
  public struct Breakout: SpecRecord, Hashable {
    public var ports: Int = 0
    /// Bytes per second.
    public var speed: Double = 0

    public init() {}

    public static let table = FieldTable<Breakout>(
      "Split-port mode.",
      [
        .plain("ports", .count, \.ports, required: true, "ports in breakout mode"),
        .plain("speed", FieldTypes.bandwidth, \.speed, required: true, "breakout port speed"),
      ])
  }

  public var name = ""
  public var technology: FabricSpec.Technology = .placeholder
  public var ports: Int = 0
  /// Bytes per second.
  public var speed: Double = 0
  public var breakout: Breakout?
  public var rackUnits: Int = 0
  public var power: Double?
  public var price: Double?
  public var provenance = Provenance()

  public init() {}

  public var breakoutPorts: Int? { breakout?.ports }
  public var breakoutSpeed: Double? { breakout?.speed }

  public static let table = FieldTable<SwitchModel>(
    "A switch model.",
    [
      nameEntry(),
      .plain("technology", FabricSpec.Technology.fieldType, \.technology, required: true, "link technology"),
      .plain("ports", .count, \.ports, required: true, range: .positive, "ports at full speed"),
      .plain("speed", FieldTypes.bandwidth, \.speed, required: true, range: .positive, "full port speed"),
      .record("breakout", \.breakout, "split-port mode (QM9700: 128 × 200 Gb/s). Both fields required"),
      .plain("rackUnits", .count, \.rackUnits, default: .value("1"), "height"),
      .optionalPlain("power", FieldTypes.power, \.power, "maximum power with optics"),
      .optionalPlain("price", FieldTypes.money, \.price, "unit price"),
    ] + provenanceEntries())

  public static func == (lhs: SwitchModel, rhs: SwitchModel) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// An optical module.
public struct TransceiverModel: CatalogEntryRecord, Hashable {
  public static let referenceKind = HardwareCatalog.Section.transceivers.referenceName

  public var name = ""
  /// Bytes per second.
  public var speed: Double = 0
  public var ports: Int = 0
  public var power: Double?
  public var price: Double?
  public var provenance = Provenance()

  public init() {}

  public static let table = FieldTable<TransceiverModel>(
    "An optical module.",
    [
      nameEntry(),
      .plain("speed", FieldTypes.bandwidth, \.speed, required: true, "module speed"),
      .plain("ports", .count, \.ports, default: .value("1"), "switch ports one module serves (2 for a twin-port OSFP)"),
      .optionalPlain("power", FieldTypes.power, \.power, "power per module"),
      .optionalPlain("price", FieldTypes.money, \.price, "unit price"),
    ] + provenanceEntries())

  public static func == (lhs: TransceiverModel, rhs: TransceiverModel) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
