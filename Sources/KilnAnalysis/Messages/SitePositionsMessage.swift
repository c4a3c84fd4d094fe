import KilnDiagnostics

/// The messages of `SitePositionsCheck`.
enum SitePositionsMessage: DiagnosticMessage {
  case tooFew(site: String, needed: Int, positions: Int)

  enum ID {
    static let tooFew = MessageID(
      AnalysisCodes.sitePositions, "site-positions-too-few", "SITE needs NEEDED rack positions; it has POSITIONS")
  }

  static let all = [ID.tooFew]

  var id: MessageID {
    switch self {
    case .tooFew: ID.tooFew
    }
  }

  var text: String {
    switch self {
    case .tooFew(let site, let needed, let positions):
      "Site/\(site) needs \(needed) rack positions; it has \(positions)"
    }
  }
}
