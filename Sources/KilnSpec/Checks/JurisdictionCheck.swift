import KilnDiagnostics

/// Jurisdictions are ISO 3166-1 alpha-2 codes or EU / EEA.
struct JurisdictionCheck: SpecCheck {
  static let jurisdictions = Jurisdictions()

  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let table = Self.jurisdictions
    let typed = project.typed
    for node in typed.sites.map(\.jurisdiction) + typed.regions.map(\.jurisdiction) {
      let code = node.value
      guard !node.isDefault, !table.isKnown(code) else { continue }
      var suggestion = table.isKnown(code.uppercased()) ? code.uppercased() : nil
      if code == "UK" { suggestion = "GB" }
      engine.emit(
        Diagnostic(
          JurisdictionMessage.unknown(code: code), at: node.range,
          help: suggestion == nil ? ["use an ISO 3166-1 alpha-2 code (e.g. DE, CN, SG) or EU / EEA"] : [],
          fixIts: suggestion.map {
            [FixIt.didYouMean($0, at: node.range)]
          } ?? []))
    }
  }
}
