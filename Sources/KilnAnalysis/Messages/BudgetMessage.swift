import KilnDiagnostics

/// The messages of `BudgetCheck`.
enum BudgetMessage: DiagnosticMessage {
  case overBudget(figure: String, actual: Double, limit: Double)

  enum ID {
    static let overBudget = MessageID(
      AnalysisCodes.budget, "budget-over-limit", "the project's FIGURE (capex, monthly opex or TCO) is above its budget"
    )
  }

  static let all = [ID.overBudget]

  var id: MessageID {
    switch self {
    case .overBudget: ID.overBudget
    }
  }

  var text: String {
    switch self {
    case .overBudget(let figure, let actual, let limit):
      "\(figure) is \(Figures.money(actual)), above the budget of \(Figures.money(limit))"
    }
  }
}
