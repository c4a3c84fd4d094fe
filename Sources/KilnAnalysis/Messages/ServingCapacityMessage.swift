import KilnDiagnostics

/// The messages of `ServingCapacityCheck`.
enum ServingCapacityMessage: DiagnosticMessage {
  case belowPeak(serving: String, region: String, capacity: Double, demand: Double, unit: String)
  case headroomBelowMinimum(serving: String, region: String, capacity: Double, demand: Double, minimum: Double)

  enum ID {
    static let belowPeak = MessageID(
      AnalysisCodes.servingCapacity, "serving-capacity-below-peak",
      "SERVING in REGION serves CAPACITY tokens/s at most, below the peak DEMAND")
    static let headroomBelowMinimum = MessageID(
      AnalysisCodes.servingHeadroom, "serving-headroom-below-minimum",
      "SERVING in REGION has HEADROOM over its peak demand, below the MINIMUM")
  }

  static let all = [ID.belowPeak, ID.headroomBelowMinimum]

  var id: MessageID {
    switch self {
    case .belowPeak: ID.belowPeak
    case .headroomBelowMinimum: ID.headroomBelowMinimum
    }
  }

  var text: String {
    switch self {
    case .belowPeak(let serving, let region, let capacity, let demand, let unit):
      "'\(serving)' in Region/\(region) serves \(Figures.rate(capacity)) \(unit) at most, below the peak demand of \(Figures.rate(demand))"
    case .headroomBelowMinimum(let serving, let region, let capacity, let demand, let minimum):
      "'\(serving)' in Region/\(region) has \(Figures.percent(capacity / demand - 1)) headroom over its peak demand; the minimum is \(Figures.percent(minimum))"
    }
  }
}
