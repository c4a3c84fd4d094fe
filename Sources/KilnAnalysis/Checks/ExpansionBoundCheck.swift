import KilnDiagnostics
import KilnIR

/// The link-level expansion has a bound (Expansion.objectBound); a project beyond it is reported
/// from the counts alone, before anything is allocated.
struct ExpansionBoundCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let count = Expansion.objectCount(ir)
    guard count > Expansion.objectBound, let largest = ir.clusters.max(by: { $0.gpus < $1.gpus }) else { return [] }
    return [
      Diagnostic(
        AnalysisCodes.expansionTooLarge,
        "the project expands to \(Figures.count(count)) objects, more than Kiln's bound of \(Figures.count(Expansion.objectBound))",
        at: largest.spec.nameRange,
        notes: [Note("the largest cluster, \(largest.id), has \(Figures.count(largest.gpus)) GPUs")],
        help: ["split the project, or check the rack counts"])
    ]
  }
}
