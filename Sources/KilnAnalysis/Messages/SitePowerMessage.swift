import KilnDiagnostics

/// The messages of `SitePowerCheck`.
enum SitePowerMessage: DiagnosticMessage {
  case overCapacity(site: String, facility: Double, itPower: Double, pue: Double, capacity: Double)
  case headroomBelowMinimum(site: String, headroom: Double, facility: Double, capacity: Double, minimum: Double)

  enum ID {
    static let overCapacity = MessageID(
      AnalysisCodes.sitePower, "site-power-over-capacity",
      "SITE needs FACILITY (IT load × PUE), above its CAPACITY")
    static let headroomBelowMinimum = MessageID(
      AnalysisCodes.sitePowerHeadroom, "site-power-headroom-below-minimum",
      "SITE has HEADROOM power headroom (FACILITY of CAPACITY), below the MINIMUM")
  }

  static let all = [ID.overCapacity, ID.headroomBelowMinimum]

  var id: MessageID {
    switch self {
    case .overCapacity: ID.overCapacity
    case .headroomBelowMinimum: ID.headroomBelowMinimum
    }
  }

  var text: String {
    switch self {
    case .overCapacity(let site, let facility, let itPower, let pue, let capacity):
      "Site/\(site) needs \(Figures.power(facility)) (IT \(Figures.power(itPower)) × PUE \(pue)), above its \(Figures.power(capacity)) capacity"
    case .headroomBelowMinimum(let site, let headroom, let facility, let capacity, let minimum):
      "Site/\(site) has \(Figures.percent(headroom)) power headroom (\(Figures.power(facility)) of \(Figures.power(capacity))), below the \(Figures.percent(minimum)) minimum"
    }
  }
}
