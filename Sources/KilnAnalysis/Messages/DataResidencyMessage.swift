import KilnDiagnostics

/// The messages of `DataResidencyCheck`.
enum DataResidencyMessage: DiagnosticMessage {
  case outsideJurisdiction(
    region: String, jurisdiction: String, serving: String, cluster: String?, site: String, siteJurisdiction: String)

  enum ID {
    static let outsideJurisdiction = MessageID(
      AnalysisCodes.dataResidency, "residency-site-outside-jurisdiction",
      "strict REGION serves SERVING from CLUSTER at SITE, outside its JURISDICTION")
  }

  static let all = [ID.outsideJurisdiction]

  var id: MessageID {
    switch self {
    case .outsideJurisdiction: ID.outsideJurisdiction
    }
  }

  var text: String {
    switch self {
    case .outsideJurisdiction(let region, let jurisdiction, let serving, let cluster, let site, let siteJurisdiction):
      "Region/\(region) is strictly \(jurisdiction), but '\(serving)' serves from \(cluster ?? "") at Site/\(site) in \(siteJurisdiction)"
    }
  }
}
