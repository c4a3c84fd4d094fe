/// The terminal plan: Terraform's `+ ~ -` symbols, colour only when asked (a TTY).
public enum HumanPlan {
  public static func render(_ plan: Plan, useColor: Bool = false) -> String {
    func paint(_ text: String, _ code: String) -> String { useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func symbol(_ action: ObjectChange.Action) -> String {
      switch action {
      case .add: paint("+", "32")
      case .change: paint("~", "33")
      case .remove: paint("-", "31")
      }
    }
    var out = "Kiln plan: \(plan.base) → \(plan.head)\n"
    if !plan.risks.isEmpty {
      out += "\nRisks:\n"
      for risk in plan.risks { out += "  " + paint("[\(risk.flag.rawValue)]", "1;31") + " \(risk.message)\n" }
    }
    if !plan.objects.isEmpty {
      out += "\nSpec objects:\n"
      for change in plan.objects {
        out += "  \(symbol(change.action)) \(change.address)\n"
        for field in change.fields {
          out += "      \(field.path): \(field.before ?? "(none)") → \(field.after ?? "(none)")\n"
        }
      }
    }
    let totals = plan.changedTotals
    if !totals.isEmpty {
      out += "\nCapacity and cost:\n"
      let width = totals.map(\.key.label.count).max() ?? 0
      for delta in totals {
        let label = delta.key.label.padding(toLength: width, withPad: " ", startingAt: 0)
        out +=
          "  \(label)  \(PlanFigures.value(delta.before, delta.key)) → \(PlanFigures.value(delta.after, delta.key))  (\(PlanFigures.change(delta)))\n"
      }
    }
    if !plan.serving.isEmpty {
      out += "\nServing capacity vs peak demand:\n"
      for entry in plan.serving {
        out +=
          "  \(entry.name): \(PlanFigures.rate(entry.capacityBefore)) for \(PlanFigures.rate(entry.demandBefore)) → \(PlanFigures.rate(entry.capacityAfter)) for \(PlanFigures.rate(entry.demandAfter))\n"
      }
    }
    if !plan.training.isEmpty {
      out += "\nTraining runs:\n"
      for run in plan.training {
        out +=
          "  \(run.name): \(PlanFigures.days(run.daysBefore)), \(PlanFigures.optionalMoney(run.costBefore)) → \(PlanFigures.days(run.daysAfter)), \(PlanFigures.optionalMoney(run.costAfter))\n"
      }
    }
    if !plan.kubernetes.isEmpty {
      out += "\nKubernetes objects:\n"
      for change in plan.kubernetes {
        let mark: ObjectChange.Action =
          switch change.action {
          case .create: .add
          case .update: .change
          case .delete: .remove
          }
        out += "  \(symbol(mark)) \(change.object)\n"
        for line in change.diff {
          let painted =
            line.hasPrefix("+ ") ? paint(line, "32") : line.hasPrefix("- ") ? paint(line, "31") : line
          out += "      \(painted)\n"
        }
      }
    }
    out += "\n" + PlanFigures.summary(plan) + "\n"
    return out
  }
}
