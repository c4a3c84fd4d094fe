import KilnDiagnostics

/// The messages of `FabricSiteCheck`.
enum FabricSiteMessage: DiagnosticMessage {
  case spansSites(fabric: String, firstSite: String, site: String)

  enum ID {
    static let spansSites = MessageID(
      SpecCodes.crossSiteFabric, "fabric-spans-sites", "Fabric/FABRIC would span sites FIRST and SECOND")
  }

  static let all = [ID.spansSites]

  var id: MessageID {
    switch self {
    case .spansSites: ID.spansSites
    }
  }

  var text: String {
    switch self {
    case .spansSites(let fabric, let firstSite, let site):
      "Fabric/\(fabric) would span sites '\(firstSite)' and '\(site)'; a fabric connects one site"
    }
  }
}
