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
