import KilnDiagnostics

/// The messages of `RackPowerCheck`.
enum RackPowerMessage: DiagnosticMessage {
  case overLimit(group: String, draw: Double, limit: Double)
  case groupLimitAboveSite(group: String, groupLimit: Double, siteLimit: Double)

  enum ID {
    static let overLimit = MessageID(
      AnalysisCodes.rackPower, "rack-power-over-limit", "rack group GROUP draws DRAW per rack, above its LIMIT")
    static let groupLimitAboveSite = MessageID(
      AnalysisCodes.rackLimitAboveSite, "rack-power-group-limit-above-site",
      "rack group GROUP allows LIMIT per rack, above the site's SITE-LIMIT")
  }

  static let all = [ID.overLimit, ID.groupLimitAboveSite]

  var id: MessageID {
    switch self {
    case .overLimit: ID.overLimit
    case .groupLimitAboveSite: ID.groupLimitAboveSite
    }
  }

  var text: String {
    switch self {
    case .overLimit(let group, let draw, let limit):
      "rack group '\(group)' draws \(Figures.power(draw)) per rack, above its \(Figures.power(limit)) limit"
    case .groupLimitAboveSite(let group, let groupLimit, let siteLimit):
      "rack group '\(group)' allows \(Figures.power(groupLimit)) per rack, above the site's \(Figures.power(siteLimit))"
    }
  }
}
