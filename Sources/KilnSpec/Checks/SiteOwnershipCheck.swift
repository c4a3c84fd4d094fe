import KilnDiagnostics

/// The blocks of a Site must match its ownership: owned has power and racks; colocation adds
/// `colocation`; cloud has only `cloud`.
struct SiteOwnershipCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for site in project.typed.sites {
      let ownership = site.ownership.value
      let ownershipRange = site.ownership.isDefault ? site.specKeyRange : site.ownership.range
      if ownership == .owned, let powerKey = site.powerBlock, site.powerCapacity != nil, site.energyPrice == nil {
        engine.emit(
          Diagnostic(
            SiteOwnershipMessage.ownedPrice,
            at: powerKey, help: ["add 'price', e.g. price: $0.07/kWh"]))
      }
      if ownership == .colocation, let price = site.energyPrice {
        engine.emit(
          Diagnostic(
            SiteOwnershipMessage.colocationPrice,
            at: price.range, notes: [Note("ownership is 'colocation'", at: ownershipRange)],
            help: ["remove 'power.price'; energy a colocation contract passes through is colocation.energyPrice"]))
      }
      for block in SiteSpec.Block.allCases {
        let needed = block.isNeeded(by: ownership)
        let present = block.keyRange(in: site)
        if needed && present == nil {
          engine.emit(
            Diagnostic(
              SiteOwnershipMessage.blockMissing(ownership: ownership, block: block),
              at: site.specKeyRange, help: ["add '\(block.rawValue)', or change 'ownership'"]))
        } else if !needed, let keyRange = present {
          engine.emit(
            Diagnostic(
              SiteOwnershipMessage.blockNotUsed(ownership: ownership, block: block),
              at: keyRange, notes: [Note("ownership is '\(ownership.rawValue)'", at: ownershipRange)],
              help: ["remove '\(block.rawValue)', or change 'ownership'"]))
        }
      }
    }
  }
}
