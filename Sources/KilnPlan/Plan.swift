import KilnDiagnostics

/// What changes between a base and a head version of a project (`kiln plan`, docs/plan-format.md).
public struct Plan: Sendable {
  /// How each side was read: `HEAD~1 (git)`, a folder path.
  public var base: String
  public var head: String
  public var objects: [ObjectChange]
  public var totals: [Delta]
  public var serving: [ServingDelta]
  public var training: [TrainingDelta]
  public var kubernetes: [ManifestChange]
  public var risks: [Risk]

  /// "N to add" counts spec objects (the rule), like Terraform's resources.
  public var toAdd: Int { objects.filter { $0.action == .add }.count }
  public var toChange: Int { objects.filter { $0.action == .change }.count }
  public var toDestroy: Int { objects.filter { $0.action == .remove }.count }
  public var hasChanges: Bool { !objects.isEmpty || !kubernetes.isEmpty }

  public func delta(_ key: Delta.Key) -> Delta? { totals.first { $0.key == key } }
  /// The totals that move, for the before/after tables.
  public var changedTotals: [Delta] { totals.filter { $0.change != 0 } }
  public var capexChange: Double { delta(.capexUSD)?.change ?? 0 }
  public var monthlyOpexChange: Double { delta(.monthlyOpexUSD)?.change ?? 0 }
}

/// A project total before and after.
public struct Delta: Sendable {
  public enum Key: String, Sendable, CaseIterable {
    case gpus, servers, racks
    case peakPFLOPSbf16 = "peakPflops_bf16"
    case itPowerKW = "itPower_kW"
    case facilityPowerKW = "facilityPower_kW"
    case capexUSD = "capex_usd"
    case monthlyOpexUSD = "monthlyOpex_usd"
    case tcoUSD = "tco_usd"

    public var label: String {
      switch self {
      case .gpus: "GPUs"
      case .servers: "Servers"
      case .racks: "Racks"
      case .peakPFLOPSbf16: "Peak PFLOPS (BF16)"
      case .itPowerKW: "IT power"
      case .facilityPowerKW: "Facility power"
      case .capexUSD: "Capex"
      case .monthlyOpexUSD: "Opex per month"
      case .tcoUSD: "TCO"
      }
    }
  }
  public var key: Key
  public var before: Double
  public var after: Double
  public var change: Double { after - before }
}

/// A serving entry's capacity against its demand, before and after (nil: absent on that side).
public struct ServingDelta: Sendable {
  public var name: String
  public var capacityBefore: Double?
  public var capacityAfter: Double?
  public var demandBefore: Double?
  public var demandAfter: Double?
}

/// A training run's duration and cost, before and after.
public struct TrainingDelta: Sendable {
  public var name: String
  public var daysBefore: Double?
  public var daysAfter: Double?
  public var costBefore: Double?
  public var costAfter: Double?
}

/// A change a reviewer should look at twice; `--fail-on` turns flags into exit 3.
public struct Risk: Sendable {
  public enum Flag: String, Sendable, CaseIterable { case destructive, capacity, budget, residency }
  public var flag: Flag
  public var message: String
}
