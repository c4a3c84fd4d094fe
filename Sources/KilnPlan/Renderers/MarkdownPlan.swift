/// `kiln plan --format markdown`: a pull-request comment. Risks first, then a summary table and a
/// cost table (like Infracost's), details folded in `<details>`.
public enum MarkdownPlan {
  public static func render(_ plan: Plan) -> String {
    func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
    var out = "## Kiln plan\n\n`\(plan.base)` → `\(plan.head)`\n\n**\(PlanFigures.summary(plan))**\n"
    if !plan.risks.isEmpty {
      out += "\n### ⚠️ Risks\n\n"
      for risk in plan.risks { out += "- **\(risk.flag.rawValue)**: \(risk.message)\n" }
    }
    out += "\n| | spec objects |\n|---|---:|\n"
    out += "| to add | \(plan.toAdd) |\n| to change | \(plan.toChange) |\n| to destroy | \(plan.toDestroy) |\n"
    let totals = plan.changedTotals
    if !totals.isEmpty {
      out += "\n| | before | after | change |\n|---|---:|---:|---:|\n"
      for delta in totals {
        out +=
          "| \(delta.key.label) | \(PlanFigures.value(delta.before, delta.key)) | \(PlanFigures.value(delta.after, delta.key)) | \(PlanFigures.change(delta)) |\n"
      }
    }
    if !plan.serving.isEmpty {
      out += "\n| serving entry | capacity before | demand before | capacity after | demand after |\n"
      out += "|---|---:|---:|---:|---:|\n"
      for entry in plan.serving {
        out +=
          "| \(cell(entry.name)) | \(PlanFigures.rate(entry.capacityBefore)) | \(PlanFigures.rate(entry.demandBefore)) | \(PlanFigures.rate(entry.capacityAfter)) | \(PlanFigures.rate(entry.demandAfter)) |\n"
      }
    }
    if !plan.training.isEmpty {
      out += "\n| training run | days before | cost before | days after | cost after |\n|---|---:|---:|---:|---:|\n"
      for run in plan.training {
        out +=
          "| \(cell(run.name)) | \(PlanFigures.days(run.daysBefore)) | \(PlanFigures.optionalMoney(run.costBefore)) | \(PlanFigures.days(run.daysAfter)) | \(PlanFigures.optionalMoney(run.costAfter)) |\n"
      }
    }
    if !plan.objects.isEmpty {
      out += "\n<details><summary>Spec changes (\(plan.objects.count))</summary>\n\n```diff\n"
      for change in plan.objects {
        let symbol = change.action == .add ? "+" : change.action == .remove ? "-" : "!"
        out += "\(symbol) \(change.address)\n"
        for field in change.fields {
          out += "    \(field.path): \(field.before ?? "(none)") → \(field.after ?? "(none)")\n"
        }
      }
      out += "```\n\n</details>\n"
    }
    if !plan.kubernetes.isEmpty {
      out += "\n<details><summary>Kubernetes objects (\(plan.kubernetes.count))</summary>\n\n```diff\n"
      for change in plan.kubernetes {
        let symbol = change.action == .create ? "+" : change.action == .delete ? "-" : "!"
        out += "\(symbol) \(change.object)\n"
        for line in change.diff { out += line + "\n" }
      }
      out += "```\n\n</details>\n"
    }
    return out
  }
}
