import KilnDiagnostics

/// Parses Kiln's quantity syntax: `10.2kW`, `$1.2M`, `$0.07/kWh`, `$180/kW/month`, `400Gb/s`,
/// `3.35TB/s`, `1.5M tokens/s`, `14.8T`, `85%`, `4y`. Units are case-sensitive.
public enum QuantityParser {
  public enum Failure: Error, Equatable, Sendable {
    case empty
    case malformedNumber
    case numberTooLong(digits: Int)
    case notFinite
    case negative
    case missingUnit
    case unknownUnit(String, suggestion: String?)
  }

  /// The longest number Kiln reads; longer ones are typos or attacks, never real figures.
  public static let maximumNumberLength = 40

  /// Units by text: multiplier to the canonical unit, and dimension.
  static let units: [String: (Double, Dimension)] = {
    var table: [String: (Double, Dimension)] = [
      "W": (1, .power), "kW": (1e3, .power), "MW": (1e6, .power), "GW": (1e9, .power),
      "B": (1, .dataSize), "KB": (1e3, .dataSize), "kB": (1e3, .dataSize), "MB": (1e6, .dataSize),
      "GB": (1e9, .dataSize), "TB": (1e12, .dataSize), "PB": (1e15, .dataSize), "EB": (1e18, .dataSize),
      "KiB": (1024, .dataSize), "MiB": (1_048_576, .dataSize), "GiB": (1_073_741_824, .dataSize),
      "TiB": (1_099_511_627_776, .dataSize), "PiB": (1_125_899_906_842_624, .dataSize),
      "EiB": (1_152_921_504_606_846_976, .dataSize),
      "Mb/s": (1e6 / 8, .bandwidth), "Gb/s": (1e9 / 8, .bandwidth), "Tb/s": (1e12 / 8, .bandwidth),
      "Mbps": (1e6 / 8, .bandwidth), "Gbps": (1e9 / 8, .bandwidth), "Tbps": (1e12 / 8, .bandwidth),
      "MB/s": (1e6, .bandwidth), "GB/s": (1e9, .bandwidth), "TB/s": (1e12, .bandwidth), "PB/s": (1e15, .bandwidth),
      "MiB/s": (1_048_576, .bandwidth), "GiB/s": (1_073_741_824, .bandwidth),
      "TiB/s": (1_099_511_627_776, .bandwidth),
      "GFLOPS": (1e9, .compute), "TFLOPS": (1e12, .compute), "PFLOPS": (1e15, .compute), "EFLOPS": (1e18, .compute),
      "ms": (0.001, .time), "s": (1, .time), "min": (60, .time), "h": (3600, .time), "d": (86400, .time),
      "y": (365 * 86400, .time),
      "kg/kWh": (1, .emissionFactor), "g/kWh": (0.001, .emissionFactor), "t/MWh": (1, .emissionFactor),
      "%": (0.01, .percent),
    ]
    for (suffix, multiplier) in countSuffixes { table[suffix] = (multiplier, .count) }
    return table
  }()

  static let countSuffixes: [String: Double] = [
    "k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12, "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824,
  ]

  /// Money units after `$<number><k|M|B>`: multiplier and dimension.
  static let moneyUnits: [String: (Double, Dimension)] = [
    "": (1, .money), "/h": (1, .hourlyPrice), "/month": (1, .monthlyPrice),
    "/kWh": (1, .energyPrice), "/MWh": (0.001, .energyPrice),
    "/kW/month": (1, .powerPrice), "/MW/month": (0.001, .powerPrice),
    "/GB/month": (1000, .storagePrice), "/TB/month": (1, .storagePrice), "/PB/month": (0.001, .storagePrice),
    "/GiB/month": (1e12 / 1_073_741_824, .storagePrice), "/TiB/month": (1e12 / 1_099_511_627_776, .storagePrice),
  ]

  static let moneySuffixes: [String: Double] = ["k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12]

  /// How values of a dimension are written, smallest unit first, for hints: `W, kW, MW or GW`.
  public static func spellings(of dimension: Dimension) -> [String] {
    switch dimension {
    case .count, .factor: return []
    case .throughput: return ["tokens/s", "k tokens/s", "M tokens/s"]
    case .money, .hourlyPrice, .monthlyPrice, .energyPrice, .powerPrice, .storagePrice:
      return moneyUnits.filter { $0.value.1 == dimension }.sorted { $0.value.0 > $1.value.0 }.map { "$…" + $0.key }
    default:
      // Aliases (Gbps for Gb/s, kB for KB) are accepted but not offered.
      return units.filter { $0.value.1 == dimension && !countSuffixes.keys.contains($0.key) }
        .filter { !$0.key.hasSuffix("bps") && $0.key != "kB" }
        .sorted { ($0.value.0, $0.key) < ($1.value.0, $1.key) }.map(\.key)
    }
  }

  /// `expecting` resolves the one ambiguous unit: `B` is bytes for a data-size field and billions
  /// for a count (`671B` parameters, `70272B` of KV cache).
  public static func parse(_ raw: String, expecting: [Dimension] = []) -> Result<Quantity, Failure> {
    // Lexed on UTF-8 bytes: this runs for every count and quantity of a project.
    var source = raw
    let lexed: Lexeme
    switch source.withUTF8({ Lexeme.lex($0) }) {
    case .success(let value): lexed = value
    case .failure(let failure): return .failure(failure)
    }
    let text = lexed.text
    let isMoney = lexed.isMoney
    let number = lexed.number
    let unit = lexed.unit
    let result: Quantity
    if isMoney {
      var multiplier = 1.0
      var path = Substring(unit)
      if let first = path.first, let suffix = moneySuffixes[String(first)] {
        multiplier = suffix
        path = path.dropFirst()
      }
      guard let (unitMultiplier, dimension) = moneyUnits[String(path)] else {
        let candidates = moneyUnits.filter { !$0.key.isEmpty }
        let preferred = candidates.filter { expecting.contains($0.value.1) }.map(\.key)
        return .failure(
          .unknownUnit(
            String(path),
            suggestion: DidYouMeanUnit.suggest(String(path), preferred: preferred, all: Array(candidates.keys))))
      }
      result = Quantity(value: number * multiplier * unitMultiplier, dimension: dimension, text: text)
    } else if unit.isEmpty {
      result = Quantity(value: number, dimension: .factor, text: text)
    } else if unit.hasSuffix("tokens/s") {
      let prefix = String(unit.dropLast("tokens/s".count)).trimmingSpaces()
      var multiplier = 1.0
      if !prefix.isEmpty {
        guard let suffix = countSuffixes[prefix] else {
          return .failure(
            .unknownUnit(
              prefix, suggestion: DidYouMeanUnit.suggest(prefix, preferred: [], all: Array(countSuffixes.keys))))
        }
        multiplier = suffix
      }
      result = Quantity(value: number * multiplier, dimension: .throughput, text: text)
    } else if unit == "B", expecting.contains(.dataSize), !expecting.contains(.count) {
      result = Quantity(value: number, dimension: .dataSize, text: text)
    } else if let (multiplier, dimension) = units[unit] {
      result = Quantity(value: number * multiplier, dimension: dimension, text: text)
    } else {
      let preferred = units.filter { expecting.contains($0.value.1) }.map(\.key)
      return .failure(
        .unknownUnit(
          unit, suggestion: DidYouMeanUnit.suggest(unit, preferred: preferred, all: Array(units.keys) + ["tokens/s"])))
    }
    guard result.value.isFinite else { return .failure(.notFinite) }
    return .success(result)
  }

}

/// Unit suggestions: units of the field's own dimensions first, then any unit; a case-insensitive
/// match (`kw` → `kW`) before edit distance. An ambiguous spelling (`gb/s`: bits or bytes?) gets
/// no suggestion, because guessing would be off by a factor of 8.
enum DidYouMeanUnit {
  static func suggest(_ unit: String, preferred: [String], all: [String]) -> String? {
    for candidates in [preferred, all] where !candidates.isEmpty {
      let sorted = candidates.sorted()
      let caseMatches = sorted.filter { $0.lowercased() == unit.lowercased() }
      if caseMatches.count > 1 { return nil }
      if let match = caseMatches.first { return match }
      if let close = DidYouMean.suggestion(for: unit, among: sorted) { return close }
    }
    return nil
  }
}

extension String {
  func trimmingSpaces() -> String {
    var view = Substring(self)
    while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
    while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
    return String(view)
  }
}

/// The parts of a quantity's text: `$` or not, the number, the unit.
struct Lexeme {
  var text: String
  var isMoney: Bool
  var number: Double
  var unit: String

  static func lex(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Lexeme, QuantityParser.Failure> {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    var start = 0
    var end = bytes.count
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    guard start < end else { return .failure(.empty) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    var index = start
    if bytes[index] == UInt8(ascii: "-") { return .failure(.negative) }
    if bytes[index] == UInt8(ascii: "+") { index += 1 }
    let isMoney = index < end && bytes[index] == UInt8(ascii: "$")
    if isMoney { index += 1 }
    if index < end, bytes[index] == UInt8(ascii: "-") { return .failure(.negative) }
    let numberStart = index
    var digits = 0
    while index < end, isDigit(bytes[index]) {
      index += 1
      digits += 1
    }
    if index < end, bytes[index] == UInt8(ascii: ".") {
      var probe = index + 1
      var fraction = 0
      while probe < end, isDigit(bytes[probe]) {
        probe += 1
        fraction += 1
      }
      if fraction > 0 || digits > 0 {
        index = probe
        digits += fraction
      }
    }
    guard digits > 0 else { return .failure(.malformedNumber) }
    if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      var probe = index + 1
      if probe < end, bytes[probe] == UInt8(ascii: "+") || bytes[probe] == UInt8(ascii: "-") { probe += 1 }
      var exponent = 0
      while probe < end, isDigit(bytes[probe]) {
        probe += 1
        exponent += 1
      }
      // `5E` stays a number followed by a unit: only a complete exponent is part of the number.
      if exponent > 0 { index = probe }
    }
    let numberLength = index - numberStart
    if numberLength > QuantityParser.maximumNumberLength { return .failure(.numberTooLong(digits: numberLength)) }
    let numberText = String(decoding: UnsafeBufferPointer(rebasing: bytes[numberStart..<index]), as: UTF8.self)
    guard let number = Double(numberText) else { return .failure(.malformedNumber) }
    guard number.isFinite else { return .failure(.notFinite) }
    while index < end, isSpace(bytes[index]) { index += 1 }
    let unit = index < end ? String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) : ""
    return .success(Lexeme(text: text, isMoney: isMoney, number: number, unit: unit))
  }
}
