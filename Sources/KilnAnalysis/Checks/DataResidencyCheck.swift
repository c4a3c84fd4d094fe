import KilnDiagnostics
import KilnIR
import KilnSpec

/// `data-residency`: a strict region serves only from sites inside its jurisdiction.
struct DataResidencyCheck: AnalysisCheck {
  static let jurisdictions = Jurisdictions()

  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    ir.serving.indices.compactMap { index -> Diagnostic? in
      // A prefill pool runs where its entry does: one diagnostic per entry.
      guard ir.serving[index].role != .prefill, ir.serving[index].region.dataResidency.value == .strict,
        let site = ir.serving[index].site
      else {
        return nil
      }
      let serving = ir.serving[index]
      let region = serving.region.jurisdiction.value
      guard !Self.jurisdictions.contains(region, site.jurisdiction.value) else { return nil }
      return Diagnostic(
        DataResidencyMessage.outsideJurisdiction(
          region: serving.region.name, jurisdiction: region, serving: serving.entry.name.value,
          cluster: serving.clusterID, site: site.name, siteJurisdiction: site.jurisdiction.value),
        at: serving.entry.cluster.name.range,
        notes: [
          Note("dataResidency: strict", at: serving.region.dataResidency.range),
          Note("Site/\(site.name) is in \(site.jurisdiction.value)", at: site.jurisdiction.range),
        ],
        help: ["serve from a cluster at a site in \(region)"],
        subjects: [serving.id] + [serving.clusterID].compactMap { $0 })
    }
  }
}
