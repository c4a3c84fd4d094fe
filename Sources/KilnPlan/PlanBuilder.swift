import KilnAnalysis
import KilnDiagnostics
import KilnSpec

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
        .peakPFLOPSbf16: report.clusters.reduce(0) { $0 + (($1.peakPFLOPS["bf16"] ?? nil) ?? 0) },
        .itPowerKW: totals.itPowerKW, .facilityPowerKW: totals.facilityPowerKW, .capexUSD: totals.capexUSD,
        .monthlyOpexUSD: totals.monthlyOpexUSD, .tcoUSD: totals.tcoUSD,
      ]
    }
    let before = values(base)
    let after = values(head)
    return Delta.Key.allCases.map { Delta(key: $0, before: before[$0] ?? 0, after: after[$0] ?? 0) }
  }

  static func serving(_ base: ProjectReport, _ head: ProjectReport) -> [ServingDelta] {
    let before = Dictionary(base.serving.map { ("\($0.region)/\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(head.serving.map { ("\($0.region)/\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
    return Set(before.keys).union(after.keys).sorted().compactMap { name in
      let delta = ServingDelta(
        name: name, capacityBefore: before[name]?.capacityTokensPerSecond,
        capacityAfter: after[name]?.capacityTokensPerSecond, demandBefore: before[name]?.demandTokensPerSecond,
        demandAfter: after[name]?.demandTokensPerSecond)
      let same =
        before[name] != nil && after[name] != nil && delta.capacityBefore == delta.capacityAfter
        && delta.demandBefore == delta.demandAfter
      return same ? nil : delta
    }
  }

  static func training(_ base: ProjectReport, _ head: ProjectReport) -> [TrainingDelta] {
    let before = Dictionary(base.training.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(head.training.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    return Set(before.keys).union(after.keys).sorted().compactMap { name in
      let delta = TrainingDelta(
        name: name, daysBefore: before[name]?.days, daysAfter: after[name]?.days, costBefore: before[name]?.costUSD,
        costAfter: after[name]?.costUSD)
      let same =
        before[name] != nil && after[name] != nil && delta.daysBefore == delta.daysAfter
        && delta.costBefore == delta.costAfter
      return same ? nil : delta
    }
  }
}
