import KilnDiagnostics

/// `Site`: a data center, with defaults: owned, air-cooled, PUE 1.3, 42 rack units, a rack power
/// limit by cooling.
public struct SiteSpec: SpecRecord, ReferenceTarget {
  public enum Ownership: String, ChoiceValue { case owned, colocation, cloud }
  /// Air, rear-door heat exchangers, hybrid (air plus direct liquid), direct liquid (docs/models.md §3.1).
  public enum Cooling: String, ChoiceValue {
    case air
    case rearDoor = "rear-door"
    case hybrid, liquid
  }

  public static let referenceKind = SpecKind.site.rawValue

  /// The blocks whose presence the ownership decides, named as the table names them.
  public enum Block: String, CaseIterable, Sendable {
    case power, racks, colocation, cloud

    /// Where the block's key is in a site, when the site has it.
    public func keyRange(in site: SiteSpec) -> SourceRange? {
      switch self {
      case .power: site.powerBlock
      case .racks: site.racksBlock
      case .colocation: site.colocationBlock
      case .cloud: site.cloudBlock
      }
    }

    /// Whether a site of `ownership` has the block: owned sites have power and racks, colocation adds
    /// its contract, cloud sites have only their rental.
    public func isNeeded(by ownership: Ownership) -> Bool {
      switch (self, ownership) {
      case (.power, .owned), (.power, .colocation), (.racks, .owned), (.racks, .colocation): true
      case (.colocation, .colocation), (.cloud, .cloud): true
      default: false
      }
    }
  }

  public var name = ""
  /// The range of `metadata.name`, where object-level notes point.
  public var nameRange = SourceRange.wholeFile("")
  /// The range of the `spec:` key.
  public var specKeyRange = SourceRange.wholeFile("")
  public var region: Located<String> = .placeholder
  public var location: Located<String>?
  public var jurisdiction: Located<String> = .placeholder
  public var ownership: Located<Ownership> = .placeholder
  public var cooling: Located<Cooling> = .placeholder
  /// Where the `power`, `racks`, `colocation` and `cloud` blocks' keys are, when present.
  public var powerBlock: SourceRange?
  public var racksBlock: SourceRange?
  public var colocationBlock: SourceRange?
  public var cloudBlock: SourceRange?
  /// Facility power in W; `nil` for cloud sites.
  public var powerCapacity: Located<Double>?
  public var pue: Located<Double> = .placeholder
  /// Owned sites: building, power and cooling per MW of critical IT power, and the years it serves.
  public var facilityCostPerMW: Located<Double> = .placeholder
  public var facilityLifetime: Located<Double> = .placeholder
  /// $ per kWh.
  public var energyPrice: Located<Double>?
  /// kg CO₂ per kWh.
  public var carbonIntensity: Located<Double>?
  public var rackPositions: Located<Int>?
  public var rackUnits: Located<Int> = .placeholder
  /// W per rack; a default points at `cooling`, the field that chose it.
  public var rackPowerLimit: Located<Double> = .placeholder
  /// $ per kW of contracted IT power per month.
  public var colocationPrice: Located<Double>?
  /// Energy the colocation contract passes through, $/kWh; nil when the fee covers it.
  public var colocationEnergyPrice: Located<Double>?
  /// $ per GPU-hour.
  public var gpuHourPrice: Located<Double>?

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
    nameRange = object.nameRange
    specKeyRange = object.specKeyRange
  }

  /// The rack power limit a cooling type allows by default, with its source in docs/models.md §3.1 (air:
  /// Kiln's planning figure; rear-door: the top of HPE's 35–55 kW liquid-cooled door band; liquid: the
  /// ~120 kW quoted for a GB200 NVL72 rack).
  public static func defaultRackPowerLimit(_ cooling: Cooling) -> Double {
    switch cooling {
    case .air: 20_000
    case .rearDoor: 55_000
    case .hybrid: 45_000
    case .liquid: 120_000
    }
  }

  public mutating func decoded(from node: SpecNode) {
    if rackPowerLimit.isDefault {
      rackPowerLimit = Located(Self.defaultRackPowerLimit(cooling.value), at: cooling.range, isDefault: true)
    }
  }

  public static let table = FieldTable<SiteSpec>(
    "A data center.",
    [
      .field(
        "region", .text, \.region, required: true,
        "a cloud-style region name. *(backend)* It becomes the `topology.kubernetes.io/region` node label"),
      .field("location", .text, \.location, "free text, for people"),
      .field(
        "jurisdiction", .text, \.jurisdiction, required: true,
        "ISO 3166-1 alpha-2 country code in upper case (`CN`, `DE`, `SG`, `GB`, not `UK`), or `EU` / `EEA` for a site known only to be inside that group. Anything else is [K2021](diagnostics.md#k2021), with a fix-it for lower case (`de` → `DE`) and for `UK` → `GB`"
      ),
      .field(
        "ownership", Ownership.fieldType, \.ownership, default: .value("owned"),
        "who owns the facility; decides which blocks the site has (below)"),
      .field("cooling", Cooling.fieldType, \.cooling, default: .value("air"), "decides the default rack power limit"),
      .group(
        Block.power.rawValue, requiredWhen: "owned and colocation", keyRange: \SiteSpec.powerBlock, "facility power",
        [
          .field(
            "capacity", FieldTypes.power, \.powerCapacity, required: true,
            "facility power available. *(analyzer)* IT load at maximum power × PUE must fit, with headroom"),
          .field("pue", .factor, \.pue, default: .value("1.3"), "power usage effectiveness: facility power ÷ IT power"),
          .field(
            "facilityCost", FieldTypes.money, \.facilityCostPerMW, default: .value("$11.7M"),
            "*(analyzer)* owned sites: what building the facility cost per MW of critical IT power (`capacity` ÷ `pue`): shell, power and cooling. The default is Cushman & Wakefield's US average for 2025, which leaves out land, design and owner-furnished equipment ([models.md §5.1](models.md#51-capex))"
          ),
          .field(
            "facilityLifetime", FieldTypes.duration, \.facilityLifetime, default: .value("20y"),
            "*(analyzer)* owned sites: the years the facility serves, over which its cost is spread (an estimate by default)"
          ),
          .field(
            "price", .quantity([.energyPrice]), \.energyPrice, requiredWhen: "owned; error for colocation",
            "energy price"),
          .field(
            "carbonIntensity", .quantity([.emissionFactor]), \.carbonIntensity,
            "grid emission factor. *(analyzer)* The report's CO₂ per year is the site's yearly energy × this factor; without it, a site with load leaves that total unknown"
          ),
        ]),
      .group(
        Block.racks.rawValue, requiredWhen: "owned and colocation", keyRange: \SiteSpec.racksBlock, "rack positions",
        [
          .field(
            "positions", .count, \.rackPositions, required: true,
            "rack slots on the floor, for GPU, network and storage racks together"),
          .field("units", .count, \.rackUnits, default: .value("42"), "rack units per rack"),
          .field(
            "powerLimit", FieldTypes.power, \.rackPowerLimit,
            default: .rule(
              "`20kW` air, `55kW` rear-door, `45kW` hybrid, `120kW` liquid ([models.md §3.1](models.md#31-rack-power))"),
            "power limit per rack"),
        ]),
      .group(
        Block.colocation.rawValue, requiredWhen: "colocation", keyRange: \SiteSpec.colocationBlock,
        "colocation contract",
        [
          .field(
            "price", .quantity([.powerPrice]), \.colocationPrice, required: true,
            "fee per kW of the contracted power, `power.capacity`, billed whether it is drawn or not"),
          .field(
            "energyPrice", .quantity([.energyPrice]), \.colocationEnergyPrice,
            default: .rule("none: the fee covers energy"),
            "energy the contract passes through, billed on top for what the site draws (the average IT draw at the load factors × PUE)"
          ),
        ]),
      .group(
        Block.cloud.rawValue, requiredWhen: "cloud", keyRange: \SiteSpec.cloudBlock, "cloud rental",
        [
          .field(
            "gpuHourPrice", .quantity([.hourlyPrice]), \.gpuHourPrice, required: true, "rental price per GPU-hour")
        ]),
    ])
}
