import KilnDiagnostics

/// A fabric connects servers of one site: every cluster and storage tier attached to it must be at
/// the same site.
struct FabricSiteCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    var firstSite: [String: (site: String, range: SourceRange, owner: String)] = [:]
    let attached =
      project.objects(.cluster).map { ($0, $0.spec["fabric"]) }
      + project.objects(.storage).map { ($0, $0.spec["fabric"]) }
    for (object, fabricNode) in attached {
      guard let fabricNode, let fabric = fabricNode.text, let site = object.spec["site"]?.text else { continue }
      if let first = firstSite[fabric] {
        if first.site != site {
          engine.emit(
            Diagnostic(
              SpecCodes.crossSiteFabric,
              "Fabric/\(fabric) would span sites '\(first.site)' and '\(site)'; a fabric connects one site",
              at: fabricNode.range,
              notes: [Note("\(first.owner) attaches it at site '\(first.site)'", at: first.range)],
              help: ["give the clusters at '\(site)' a Fabric of their own, or move them to site '\(first.site)'"]))
        }
      } else {
        firstSite[fabric] = (site, fabricNode.range, object.address)
      }
    }
  }
}
