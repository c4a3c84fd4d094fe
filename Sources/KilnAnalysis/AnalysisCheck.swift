import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// One check of the analyzer, in a file of its own; each reports located diagnostics with the
/// numbers that led to them.
protocol AnalysisCheck: Sendable {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic]
}

/// What checks share: the Policy's thresholds and the figures of the analysis, computed once.
public struct AnalysisContext: Sendable {
  public var policy: PolicySpec?
  /// The serving roofline of each entry of `ir.serving`, computed once for every check.
  public var servingModels: [ServingModel?] = []
  /// Checkpoints, failures and goodput of each run of `ir.trainingRuns`, computed once.
  public var trainingGoodput: [TrainingGoodput?] = []
  public var costs: CostModel
  public var siteLoads: [String: SiteLoad] = [:]

  /// A rule's `min`/`max` parsed as a quantity of the given dimensions, or the default.
  func threshold(_ check: String, _ bound: PolicySpec.Rule.Bound, default value: Double) -> Double {
    guard let rule = policy?.rule(check) else { return value }
    let text = bound == .minimum ? rule.min?.value : rule.max?.value
    guard let text else { return value }
    if text.contains(":") {
      let parts = text.split(separator: ":")
      if parts.count == 2, let down = Double(parts[0]), let up = Double(parts[1]), up > 0 { return down / up }
      return value
    }
    if case .success(let quantity) = QuantityParser.parse(text, expecting: [.percent, .bandwidth, .power]) {
      return quantity.value
    }
    return value
  }
}

/// Runs every analyzer check.
public enum Analyzer {
  static let checks: [any AnalysisCheck] = [
    ExpansionBoundCheck(), RackPowerCheck(), RackUnitsCheck(), SitePowerCheck(), SitePositionsCheck(),
    FabricCapacityCheck(),
    FabricPortSpeedCheck(), FabricOversubscriptionCheck(), FabricFieldEffectCheck(), StorageBandwidthCheck(),
    CheckpointTimeCheck(),
    TrainingGoodputCheck(),
    BudgetCheck(), MemoryFitCheck(), ServingCapacityCheck(), ServingSLOCheck(), ServingPlacementCheck(),
    ServingProfileCheck(),
    DataResidencyCheck(), TrainingCapacityCheck(),
  ]

  /// The figures first, once; then the checks, which are independent: they run in parallel and their
  /// diagnostics are joined in check order.
  public static func analyze(_ ir: IRProject) -> Analysis {
    let siteLoads = SiteLoad.bySite(ir)
    let context = AnalysisContext(
      policy: ir.policy, servingModels: ir.serving.map { ServingModel($0) },
      trainingGoodput: ir.trainingRuns.map { TrainingGoodput($0, storage: ir.storage) },
      costs: CostModel(ir, siteLoads: siteLoads), siteLoads: siteLoads)
    let diagnostics = ParallelMap.map(Array(checks.indices)) { checks[$0].run(ir, context) }.flatMap { $0 }
    return Analysis(
      diagnostics: diagnostics, servingModels: context.servingModels, trainingGoodput: context.trainingGoodput,
      costs: context.costs,
      siteLoads: context.siteLoads, billOfMaterials: BillOfMaterials(ir, siteLoads: context.siteLoads))
  }
}

/// Number formatting for messages: `51.0kW`, `1.27MW`.
enum Figures {
  static func power(_ watts: Double) -> String {
    if watts >= 1e6 { return String(format1(watts / 1e6)) + "MW" }
    return String(format1(watts / 1e3)) + "kW"
  }

  static func format1(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? "\(Int(saturating: rounded)).0" : "\(rounded)"
  }

  static func count(_ value: Int) -> String {
    var digits = String(value)
    var out = ""
    while digits.count > 3 {
      out = "," + digits.suffix(3) + out
      digits = String(digits.dropLast(3))
    }
    return digits + out
  }

  static func percent(_ fraction: Double) -> String { format1(fraction * 100) + "%" }

  /// `2:1`, `1.5:1`.
  static func ratio(_ value: Double) -> String {
    let text = format1(value)
    return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + ":1"
  }

  static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

  static func bytes(_ value: Double) -> String {
    if value >= 1e12 { return format1(value / 1e12) + " TB" }
    return format1(value / 1e9) + " GB"
  }

  static func rate(_ value: Double) -> String {
    if value >= 1e6 { return format1(value / 1e6) + "M" }
    if value >= 1e3 { return format1(value / 1e3) + "k" }
    return format1(value)
  }

  static func milliseconds(_ seconds: Double) -> String { format1(seconds * 1_000) + "ms" }

  static func duration(_ seconds: Double) -> String {
    if seconds >= 3_600 { return format1(seconds / 3_600) + " h" }
    if seconds >= 60 { return format1(seconds / 60) + " min" }
    return format1(seconds) + " s"
  }

  static func money(_ dollars: Double) -> String {
    if dollars >= 1e9 { return "$" + format1(dollars / 1e9) + "B" }
    if dollars >= 1e6 { return "$" + format1(dollars / 1e6) + "M" }
    if dollars >= 1e3 { return "$" + format1(dollars / 1e3) + "k" }
    return "$" + format1(dollars)
  }

  static func bandwidth(_ bytesPerSecond: Double) -> String {
    let bits = bytesPerSecond * 8
    return bits >= 1e12 ? format1(bits / 1e12) + "Tb/s" : "\(Int(saturating: (bits / 1e9).rounded()))Gb/s"
  }
}
