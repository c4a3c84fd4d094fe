import KilnDiagnostics

/// A fabric connects servers of one site: every cluster and storage tier attached to it must be at
/// the same site.
struct FabricSiteCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed
    var firstSite: [String: (site: String, range: SourceRange, owner: String)] = [:]
    let attached =
      typed.clusters.map { ("Cluster/\($0.name)", $0.fabric, $0.site) }
      + typed.storage.map { ("Storage/\($0.name)", $0.fabric, $0.site) }
    for (owner, reference, siteReference) in attached {
      guard let reference, !siteReference.name.isDefault else { continue }
      let fabric = reference.name.value
      let site = siteReference.name.value
      if let first = firstSite[fabric] {
        if first.site != site {
          engine.emit(
            Diagnostic(
              FabricSiteMessage.spansSites(fabric: fabric, firstSite: first.site, site: site),
              at: reference.name.range,
              notes: [Note("\(first.owner) attaches it at site '\(first.site)'", at: first.range)],
              help: ["give the clusters at '\(site)' a Fabric of their own, or move them to site '\(first.site)'"]))
        }
      } else {
        firstSite[fabric] = (site, reference.name.range, owner)
      }
    }
  }
}
