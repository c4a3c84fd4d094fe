import KilnAnalysis
import KilnDiagnostics
import KilnSupport

/// How reports print numbers for people (Markdown and HTML share it): `$113.67M`, `4.81 MW`,
/// `38.0 %`, `149.6k`, `3.29e24`. Fixed decimals, no locale, so output is the same on every machine.
enum ReportFormatting {
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if decimals == 0 { return String(Int(saturating: rounded)) }
    let whole = Int(saturating: rounded.rounded(.towardZero))
    var fraction = String(Int(saturating: (abs(rounded - Double(whole)) * scale).rounded()))
    while fraction.count < decimals { fraction = "0" + fraction }
    return (rounded < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
  }

  static func money(_ value: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e9 { return "$" + fixed(value / 1e9, 2) + "B" }
    if magnitude >= 1e6 { return "$" + fixed(value / 1e6, 2) + "M" }
    if magnitude >= 1e3 { return "$" + fixed(value / 1e3, 1) + "k" }
    return "$" + fixed(value, 0)
  }

  /// Whole dollars with thousands separators (`$114,896,200`), for tables whose rows add up to a total.
  static func dollars(_ value: Double) -> String {
    (value < 0 ? "-$" : "$") + grouped(fixed(abs(value), 0))
  }

  /// kW with one decimal and thousands separators (`4,029.6 kW`), for tables whose rows add up to a total.
  static func kWExact(_ value: Double) -> String {
    let text = fixed(abs(value), 1)
    let point = text.firstIndex(of: ".") ?? text.endIndex
    return (value < 0 ? "-" : "") + grouped(String(text[..<point])) + String(text[point...]) + " kW"
  }

  /// Digits with a comma every three from the right.
  static func grouped(_ digits: String) -> String {
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return out
  }

  /// The $ per used GPU-hour of owned, colocation and cloud sites side by side, and what they include.
  static func gpuHourComparison(_ totals: ProjectReport.Totals) -> String {
    let prices = totals.gpuHourByOwnershipUSD.map { "\($0.0) " + ($0.1.map { "$" + fixed($0, 3) } ?? "—") }
    let includes = totals.costIncludes.isEmpty ? "" : " (including \(totals.costIncludes.joined(separator: " and ")))"
    return "$ per used GPU-hour: " + prices.joined(separator: " · ") + includes
  }

  static func kW(_ value: Double) -> String {
    value >= 1_000 ? fixed(value / 1_000, 2) + " MW" : fixed(value, 1) + " kW"
  }

  static func percent(_ fraction: Double) -> String { fixed(fraction * 100, 1) + " %" }

  static func rate(_ value: Double) -> String {
    if value >= 1e6 { return fixed(value / 1e6, 2) + "M" }
    if value >= 1e3 { return fixed(value / 1e3, 1) + "k" }
    return fixed(value, 0)
  }

  static func scientific(_ value: Double) -> String {
    guard value > 0 else { return "0" }
    var exponent = 0
    var mantissa = value
    while mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    return fixed(mantissa, 2) + "e\(exponent)"
  }
}
