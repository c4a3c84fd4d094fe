import KilnDiagnostics
import KilnIR
import KilnSpec

/// One analysis of a project: the diagnostics of every check and the figures that the checks, the
/// report, the Kubernetes backend and the plan read — each computed once, here. No consumer builds a
/// serving model, a cost model or a site load of its own.
public struct Analysis: Sendable {
  public var diagnostics: [Diagnostic]
  /// The serving roofline of each entry of `ir.serving`, by index; nil where it cannot be computed.
  public var servingModels: [ServingModel?]
  /// Checkpoints, failures and goodput of each run of `ir.trainingRuns`, by index.
  public var trainingGoodput: [TrainingGoodput?]
  public var costs: CostModel
  /// What draws power at each site.
  public var siteLoads: [String: SiteLoad]
  public var billOfMaterials: BillOfMaterials

  /// The capacity and cost report of the analysed IR, with the final diagnostics (the Policy's
  /// severities applied, the backend's name checks included).
  public func report(_ ir: IRProject, diagnostics: [Diagnostic]) -> ProjectReport {
    ProjectReport(ir, analysis: self, diagnostics: diagnostics)
  }
}
