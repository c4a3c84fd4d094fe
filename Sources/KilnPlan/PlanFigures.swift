import Foundation
import KilnDiagnostics
import KilnSupport

/// How a plan writes numbers: deterministic, no locale, signs on changes.
enum PlanFigures {
  /// `$9.8M`, `$210k`, `$950`.
  static func money(_ value: Double) -> String {
    let magnitude = abs(value)
    let sign = value < 0 ? "-" : ""
    if magnitude >= 1e9 { return sign + "$" + short(magnitude / 1e9) + "B" }
    if magnitude >= 1e6 { return sign + "$" + short(magnitude / 1e6) + "M" }
    if magnitude >= 1e3 { return sign + "$" + short(magnitude / 1e3) + "k" }
    return sign + "$" + String(Int(saturating: magnitude.rounded()))
  }

  static func signedMoney(_ value: Double) -> String { (value >= 0 ? "+" : "") + money(value) }

  /// One decimal below 100, none above: 9.8, 210.
  static func short(_ value: Double) -> String {
    value >= 100 ? String(Int(saturating: value.rounded())) : trimmed(String(format: "%.1f", value))
  }

  static func trimmed(_ text: String) -> String { text.hasSuffix(".0") ? String(text.dropLast(2)) : text }

  static func value(_ value: Double, _ key: Delta.Key) -> String {
    switch key {
    case .gpus, .servers, .racks: return grouped(Int(saturating: value.rounded()))
    case .peakPFLOPSbf16: return trimmed(String(format: "%.1f", value))
    case .itPowerKW, .facilityPowerKW:
      return value >= 1000
        ? trimmed(String(format: "%.2f", value / 1000)) + " MW" : trimmed(String(format: "%.1f", value)) + " kW"
    case .capexUSD, .tcoUSD, .monthlyOpexUSD: return money(value)
    }
  }

  static func change(_ delta: Delta) -> String {
    let sign = delta.change >= 0 ? "+" : "-"
    switch delta.key {
    case .capexUSD, .tcoUSD, .monthlyOpexUSD: return signedMoney(delta.change)
    default: return sign + value(abs(delta.change), delta.key)
    }
  }

  static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out += "," }
      out.append(character)
    }
    return (value < 0 ? "-" : "") + out
  }

  static func rate(_ value: Double?) -> String {
    value.map { grouped(Int(saturating: $0.rounded())) + " tok/s" } ?? "—"
  }
  static func days(_ value: Double?) -> String { value.map { trimmed(String(format: "%.1f", $0)) + " d" } ?? "—" }
  static func optionalMoney(_ value: Double?) -> String { value.map(money) ?? "—" }

  /// The closing line: `Plan: 2 to add, 3 to change, 1 to destroy. Capex +$9.8M, opex +$210k/month.`
  static func summary(_ plan: Plan) -> String {
    guard plan.hasChanges else { return "No changes. The head matches the base." }
    return
      "Plan: \(plan.toAdd) to add, \(plan.toChange) to change, \(plan.toDestroy) to destroy. Capex \(signedMoney(plan.capexChange)), opex \(signedMoney(plan.monthlyOpexChange))/month."
  }
}
