/// The physical or monetary dimension of a quantity. Values are stored in one canonical unit per
/// dimension (named in `canonicalUnit`) so comparisons never depend on how a value was written.
public enum Dimension: String, Sendable, Hashable, CaseIterable {
  case count
  case factor
  case percent
  case power
  case energyPrice
  case dataSize
  case bandwidth
  case compute
  case time
  case money
  case hourlyPrice
  case monthlyPrice
  case powerPrice
  case storagePrice
  case throughput
  case emissionFactor

  /// The unit the stored value is in.
  public var canonicalUnit: String {
    switch self {
    case .count: "1"
    case .factor: "1"
    case .percent: "fraction (85% = 0.85)"
    case .power: "W"
    case .energyPrice: "$/kWh"
    case .dataSize: "B"
    case .bandwidth: "B/s"
    case .compute: "FLOPS"
    case .time: "s"
    case .money: "$"
    case .hourlyPrice: "$/h"
    case .monthlyPrice: "$/month"
    case .powerPrice: "$/kW/month"
    case .storagePrice: "$/TB/month"
    case .throughput: "tokens/s"
    case .emissionFactor: "kg/kWh"
    }
  }

  /// What a person calls it, for messages.
  public var displayName: String {
    switch self {
    case .count: "a count"
    case .factor: "a plain number"
    case .percent: "a percentage"
    case .power: "power"
    case .energyPrice: "an energy price"
    case .dataSize: "a data size"
    case .bandwidth: "a bandwidth"
    case .compute: "compute"
    case .time: "a duration"
    case .money: "money"
    case .hourlyPrice: "an hourly price"
    case .monthlyPrice: "a monthly price"
    case .powerPrice: "a price per kW and month"
    case .storagePrice: "a price per TB and month"
    case .throughput: "a token throughput"
    case .emissionFactor: "an emission factor"
    }
  }

  /// The largest value Kiln accepts, in the canonical unit, and how the range is written: far above any
  /// real fleet (a 100 GW site, a zettabyte, a quadrillion dollars), so no product or sum of figures
  /// overflows, and a typo of many zeros is an error instead of a crash (docs/language.md §3).
  public var maximum: (value: Double, text: String) {
    switch self {
    case .count: (1e15, "1e15")
    case .factor: (1e6, "1,000,000")
    case .percent: (1, "100%")
    case .power: (1e11, "100GW")
    case .energyPrice: (1e3, "$1000/kWh")
    case .dataSize: (1e21, "1000EB")
    case .bandwidth: (1e18, "1EB/s")
    case .compute: (1e21, "1000000PFLOPS")
    case .time: (1000 * 365 * 86400, "1000y")
    case .money: (1e15, "$1000T")
    case .hourlyPrice: (1e6, "$1M/h")
    case .monthlyPrice: (1e12, "$1T/month")
    case .powerPrice: (1e6, "$1M/kW/month")
    case .storagePrice: (1e6, "$1M/TB/month")
    case .throughput: (1e15, "1e15 tokens/s")
    case .emissionFactor: (10, "10kg/kWh")
    }
  }

  /// An example value, for messages and the JSON Schema.
  public var example: String {
    switch self {
    case .count: "8"
    case .factor: "1.2"
    case .percent: "80%"
    case .power: "10.2kW"
    case .energyPrice: "$0.07/kWh"
    case .dataSize: "80GiB"
    case .bandwidth: "400Gb/s"
    case .compute: "989TFLOPS"
    case .time: "4y"
    case .money: "$1.2M"
    case .hourlyPrice: "$2/h"
    case .monthlyPrice: "$1500/month"
    case .powerPrice: "$180/kW/month"
    case .storagePrice: "$20/TB/month"
    case .throughput: "1.5M tokens/s"
    case .emissionFactor: "0.55kg/kWh"
    }
  }
}
