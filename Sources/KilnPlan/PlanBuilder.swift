import KilnAnalysis
import KilnDiagnostics
import KilnSpec
import KilnSupport

/// One side of a plan: the loaded project, its report and diagnostics, and its generated objects.
public struct PlanSide: Sendable {
  public var label: String
  public var project: Project
  public var report: ProjectReport
  public var diagnostics: [Diagnostic]
  public var manifests: [JSONValue]

  public init(
    label: String, project: Project, report: ProjectReport, diagnostics: [Diagnostic], manifests: [JSONValue]
  ) {
    self.label = label
    self.project = project
    self.report = report
    self.diagnostics = diagnostics
    self.manifests = manifests
  }
}

public enum PlanBuilder {
  public static func make(base: PlanSide, head: PlanSide, render: (JSONValue) -> String) -> Plan {
    let objects = SpecDiff.diff(base: base.project, head: head.project)
    return Plan(
      base: base.label, head: head.label, objects: objects, totals: totals(base.report, head.report),
      serving: serving(base.report, head.report), training: training(base.report, head.report),
      kubernetes: ManifestDiff.diff(base: base.manifests, head: head.manifests, render: render),
      risks: RiskFlags.flags(objects: objects, base: base, head: head))
  }

  static func totals(_ base: ProjectReport, _ head: ProjectReport) -> [Delta] {
    func values(_ report: ProjectReport) -> [Delta.Key: Double] {
      let totals = report.totals
      return [
        .gpus: Double(totals.gpus), .servers: Double(totals.servers), .racks: Double(totals.racks),
        .peakPFLOPSbf16: report.clusters.reduce(0) {
          $0 + (($1.peakPFLOPS[GPUModel.Precision.bf16.rawValue] ?? nil) ?? 0)
        },
        .itPowerKW: totals.itPowerKW, .facilityPowerKW: totals.facilityPowerKW, .capexUSD: totals.capexUSD,
        .monthlyOpexUSD: totals.monthlyOpexUSD, .tcoUSD: totals.tcoUSD,
      ]
    }
    let before = values(base)
    let after = values(head)
    return Delta.Key.allCases.map { Delta(key: $0, before: before[$0] ?? 0, after: after[$0] ?? 0) }
  }

  /// A serving entry's name in a plan: `<region>/<serving>`, with ` (prefill)` or ` (decode)` for the pools of
  /// a disaggregated entry.
  static func servingName(_ entry: ProjectReport.Serving) -> String {
    entry.role == "combined" ? "\(entry.region)/\(entry.name)" : "\(entry.region)/\(entry.name) (\(entry.role))"
  }

  static func serving(_ base: ProjectReport, _ head: ProjectReport) -> [ServingDelta] {
    KeyedJoin.pairs(base.serving, head.serving, key: servingName).compactMap { name, before, after in
      let delta = ServingDelta(
        name: name, capacityBefore: before?.capacityTokensPerSecond, capacityAfter: after?.capacityTokensPerSecond,
        demandBefore: before?.demandTokensPerSecond, demandAfter: after?.demandTokensPerSecond)
      let same =
        before != nil && after != nil && delta.capacityBefore == delta.capacityAfter
        && delta.demandBefore == delta.demandAfter
      return same ? nil : delta
    }
  }

  static func training(_ base: ProjectReport, _ head: ProjectReport) -> [TrainingDelta] {
    KeyedJoin.pairs(base.training, head.training, key: \.name).compactMap { name, before, after in
      let delta = TrainingDelta(
        name: name, daysBefore: before?.days, daysAfter: after?.days, costBefore: before?.costUSD,
        costAfter: after?.costUSD)
      let same =
        before != nil && after != nil && delta.daysBefore == delta.daysAfter && delta.costBefore == delta.costAfter
      return same ? nil : delta
    }
  }
}
