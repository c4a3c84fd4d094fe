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
