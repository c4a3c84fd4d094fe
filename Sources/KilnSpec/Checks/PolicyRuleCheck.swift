import KilnDiagnostics

/// Every Policy rule names a known check and sets only what that check takes, with the right types.
struct PolicyRuleCheck: SpecCheck {
  typealias Rule = PolicySpec.Rule

  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for policy in project.objects(.policy).map(PolicySpec.init) {
      var seen: [String: SourceRange] = [:]
      for rule in policy.rules where !rule.check.isDefault {
        let id = rule.check.value
        guard let check = PolicyChecks.check(id) else {
          let suggestion = DidYouMean.suggestion(for: id, among: PolicyChecks.all.map(\.id))
          engine.emit(
            Diagnostic(
              PolicyRuleMessage.unknownCheck(check: id), at: rule.check.range,
              help: suggestion == nil
                ? ["`kiln explain` lists the checks; ids: \(PolicyChecks.all.map(\.id).joined(separator: ", "))"] : [],
              fixIts: suggestion.map {
                [FixIt.didYouMean($0, at: rule.check.range)]
              } ?? []))
          continue
        }
        if let first = seen[id] {
          engine.emit(
            Diagnostic(
              PolicyRuleMessage.checkTwice(check: id), at: rule.check.range,
              notes: [Note("first configured here", at: first)],
              help: ["merge the two rules into one"]))
        }
        seen[id] = rule.check.range
        validate(
          rule, rule.min, field: Rule.minimumName, dimensions: check.min, isRatio: false, check: check, engine: engine)
        validate(
          rule, rule.max, field: Rule.maximumName, dimensions: check.max, isRatio: check.maxIsRatio, check: check,
          engine: engine)
        for setting in rule.settings where !check.takesBudget && Rule.budgetNames.contains(setting.name) {
          engine.emit(
            Diagnostic(
              PolicyRuleMessage.settingNotTaken(check: id, setting: setting.name), at: setting.range,
              help: ["only the budget check takes \(Rule.budgetNames.joined(separator: ", "))"]))
        }
      }
    }
  }

  /// What a check's rule accepts, for help text.
  static func takes(_ check: PolicyCheck) -> String {
    var settings = [Rule.severityName]
    if !check.min.isEmpty { settings.append(Rule.minimumName) }
    if !check.max.isEmpty { settings.append(Rule.maximumName) }
    if check.takesBudget { settings += Rule.budgetNames }
    return "check '\(check.id)' takes " + settings.map { "'\($0)'" }.joined(separator: ", ")
  }

  private func validate(
    _ rule: Rule, _ value: Located<String>?, field: String, dimensions: [Dimension], isRatio: Bool,
    check: PolicyCheck, engine: DiagnosticEngine
  ) {
    guard let value, let keyRange = rule.settings.first(where: { $0.name == field })?.range else { return }
    let text = value.value
    let node = (range: value.range, text: text)
    guard !dimensions.isEmpty else {
      engine.emit(
        Diagnostic(
          PolicyRuleMessage.settingNotTaken(check: check.id, setting: field), at: keyRange,
          help: [Self.takes(check)]))
      return
    }
    if isRatio {
      let parts = text.split(separator: ":")
      if parts.count == 2, let down = Double(parts[0]), let up = Double(parts[1]), down > 0, up > 0 { return }
      engine.emit(
        Diagnostic(
          PolicyRuleMessage.ratioExpected(setting: field, check: check.id, found: text), at: node.range))
      return
    }
    switch QuantityParser.parse(text, expecting: dimensions) {
    case .success(let quantity) where dimensions.contains(quantity.dimension):
      return
    default:
      engine.emit(
        Diagnostic(
          PolicyRuleMessage.quantityExpected(setting: field, check: check.id, dimensions: dimensions, found: text),
          at: node.range))
    }
  }
}
