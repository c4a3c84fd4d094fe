import KilnDiagnostics
import KilnSupport

/// `kiln plan --format json`: `formatVersion: 1`, documented in docs/plan-format.md. Money in whole
/// US dollars, a figure absent on one side is `null`.
public enum JSONPlan {
  public static func render(_ plan: Plan) -> String {
    func number(_ value: Double?) -> JSONValue {
      guard let value, value.isFinite else { return .null }
      return value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double((value * 1e4).rounded() / 1e4)
    }
    func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    let document = JSONValue.object([
      ("formatVersion", .int(1)),
      ("base", .string(plan.base)), ("head", .string(plan.head)),
      (
        "summary",
        .object([
          ("add", .int(plan.toAdd)), ("change", .int(plan.toChange)), ("destroy", .int(plan.toDestroy)),
          ("hasChanges", .bool(plan.hasChanges)),
          ("capexChange_usd", number(plan.capexChange.rounded())),
          ("monthlyOpexChange_usd", number(plan.monthlyOpexChange.rounded())),
          ("text", .string(PlanFigures.summary(plan))),
        ])
      ),
      (
        "risks",
        .array(plan.risks.map { .object([("flag", .string($0.flag.rawValue)), ("message", .string($0.message))]) })
      ),
      (
        "objects",
        .array(
          plan.objects.map { change in
            .object([
              ("address", .string(change.address)), ("action", .string(change.action.rawValue)),
              (
                "fields",
                .array(
                  change.fields.map {
                    .object([("path", .string($0.path)), ("before", text($0.before)), ("after", text($0.after))])
                  })
              ),
            ])
          })
      ),
      (
        "totals",
        .object(
          plan.totals.map { delta in
            let money = [.capexUSD, .monthlyOpexUSD, .tcoUSD].contains(delta.key)
            return (
              delta.key.rawValue,
              .object([
                ("before", number(money ? delta.before.rounded() : delta.before)),
                ("after", number(money ? delta.after.rounded() : delta.after)),
              ])
            )
          })
      ),
      (
        "serving",
        .array(
          plan.serving.map {
            .object([
              ("name", .string($0.name)), ("capacityBefore_tokPerS", number($0.capacityBefore)),
              ("capacityAfter_tokPerS", number($0.capacityAfter)), ("demandBefore_tokPerS", number($0.demandBefore)),
              ("demandAfter_tokPerS", number($0.demandAfter)),
            ])
          })
      ),
      (
        "training",
        .array(
          plan.training.map {
            .object([
              ("name", .string($0.name)), ("daysBefore", number($0.daysBefore)), ("daysAfter", number($0.daysAfter)),
              ("costBefore_usd", number($0.costBefore?.rounded())), ("costAfter_usd", number($0.costAfter?.rounded())),
            ])
          })
      ),
      (
        "kubernetes",
        .array(
          plan.kubernetes.map {
            .object([
              ("object", .string($0.object)), ("action", .string($0.action.rawValue)),
              ("diff", .array($0.diff.map { .string($0) })),
            ])
          })
      ),
    ])
    return document.serialized(pretty: true) + "\n"
  }
}
