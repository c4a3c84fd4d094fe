import KilnDiagnostics
import KilnIR
import KilnSpec

/// `budget`: capex, monthly opex and TCO within the Policy's limits (none unless set).
struct BudgetCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    guard let rule = context.policy?.rule("budget") else { return [] }
    let costs = context.costs
    let lifetime = ir.project.lifetime.value
    let limits: [(String, Located<Double>?, Double)] = [
      ("capex", rule.capex, costs.capex.total), ("monthly opex", rule.monthlyOpex, costs.monthlyOpex),
      ("TCO", rule.tco, costs.tco(lifetimeSeconds: lifetime)),
    ]
    return limits.compactMap { name, limit, actual -> Diagnostic? in
      guard let limit, actual > limit.value else { return nil }
      return Diagnostic(
        BudgetMessage.overBudget(figure: name, actual: actual, limit: limit.value), at: limit.range,
        help: ["reduce the fleet, or raise the budget (docs/models.md explains the figure)"],
        subjects: ["Project/budget/\(name)"])
    }
  }
}
