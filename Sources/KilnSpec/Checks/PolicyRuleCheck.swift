import KilnDiagnostics

/// Every Policy rule names a known check and sets only what that check takes, with the right types.
struct PolicyRuleCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for policy in project.objects(.policy) {
      var seen: [String: SourceRange] = [:]
      for rule in policy.spec["rules"]?.items ?? [] {
        guard let checkNode = rule["check"], let id = checkNode.text else { continue }
        guard let check = PolicyChecks.check(id) else {
          let suggestion = DidYouMean.suggestion(for: id, among: PolicyChecks.all.map(\.id))
          engine.emit(
            Diagnostic(
              SpecCodes.unknownCheck, "unknown check '\(id)'", at: checkNode.range,
              help: suggestion == nil
                ? ["`kiln explain` lists the checks; ids: \(PolicyChecks.all.map(\.id).joined(separator: ", "))"] : [],
              fixIts: suggestion.map {
                [FixIt(message: "did you mean '\($0)'?", edits: [TextEdit(range: checkNode.range, replacement: $0)])]
              } ?? []))
          continue
        }
        if let first = seen[id] {
          engine.emit(
            Diagnostic(
              SpecCodes.duplicateEntry, "check '\(id)' is configured twice", at: checkNode.range,
              notes: [Note("first configured here", at: first)],
              help: ["merge the two rules into one"]))
        }
        seen[id] = checkNode.range
        validate(rule, field: "min", dimensions: check.min, isRatio: false, check: check, engine: engine)
        validate(rule, field: "max", dimensions: check.max, isRatio: check.maxIsRatio, check: check, engine: engine)
        for budgetField in ["capex", "monthlyOpex", "tco"] where !check.takesBudget {
          if let keyRange = rule.keyRange(of: budgetField) {
            engine.emit(
              Diagnostic(
                SpecCodes.invalidCheckSetting, "check '\(id)' takes no '\(budgetField)'", at: keyRange,
                help: ["only the budget check takes capex, monthlyOpex and tco"]))
          }
        }
      }
    }
  }

  /// What a check's rule accepts, for help text.
  static func takes(_ check: PolicyCheck) -> String {
    var settings = ["severity"]
    if !check.min.isEmpty { settings.append("min") }
    if !check.max.isEmpty { settings.append("max") }
    if check.takesBudget { settings += ["capex", "monthlyOpex", "tco"] }
    return "check '\(check.id)' takes " + settings.map { "'\($0)'" }.joined(separator: ", ")
  }

  private func validate(
    _ rule: SpecNode, field: String, dimensions: [Dimension], isRatio: Bool, check: PolicyCheck,
    engine: DiagnosticEngine
  ) {
    guard let node = rule[field], let keyRange = rule.keyRange(of: field), let text = node.text else { return }
    guard !dimensions.isEmpty else {
      engine.emit(
        Diagnostic(
          SpecCodes.invalidCheckSetting, "check '\(check.id)' takes no '\(field)'", at: keyRange,
          help: [Self.takes(check)]))
      return
    }
    if isRatio {
      let parts = text.split(separator: ":")
      if parts.count == 2, let down = Double(parts[0]), let up = Double(parts[1]), down > 0, up > 0 { return }
      engine.emit(
        Diagnostic(
          SpecCodes.invalidCheckSetting,
          "'\(field)' of check '\(check.id)' is a ratio such as \"2:1\", found '\(text)'",
          at: node.range))
      return
    }
    switch QuantityParser.parse(text, expecting: dimensions) {
    case .success(let quantity) where dimensions.contains(quantity.dimension):
      return
    default:
      engine.emit(
        Diagnostic(
          SpecCodes.invalidCheckSetting,
          "'\(field)' of check '\(check.id)' must be \(dimensions.map { "\($0.displayName) (e.g. \($0.example))" }.joined(separator: " or ")), found '\(text)'",
          at: node.range))
    }
  }
}
