import KilnDiagnostics

/// The blocks of a Site must match its ownership: owned has power and racks; colocation adds
/// `colocation`; cloud has only `cloud`.
struct SiteOwnershipCheck: SpecCheck {
  /// The blocks by name, in the table's words.
  static let blockNames: [String] = SiteSpec.table.schema.fields.compactMap { field in
    if case .object = field.type { return field.name }
    return nil
  }

  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for site in project.typed.sites {
      let ownership = site.ownership.value
      let present = [site.powerBlock, site.racksBlock, site.colocationBlock, site.cloudBlock]
      let needed: [Bool]
      switch ownership {
      case .owned: needed = [true, true, false, false]
      case .colocation: needed = [true, true, true, false]
      case .cloud: needed = [false, false, false, true]
      }
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
            help: ["remove 'power.price'; the colocation price covers energy"]))
      }
      for (position, block) in Self.blockNames.enumerated() where position < present.count {
        if needed[position] && present[position] == nil {
          engine.emit(
            Diagnostic(
              SiteOwnershipMessage.blockMissing(ownership: ownership, block: block),
              at: site.specKeyRange, help: ["add '\(block)', or change 'ownership'"]))
        } else if !needed[position], let keyRange = present[position] {
          engine.emit(
            Diagnostic(
              SiteOwnershipMessage.blockNotUsed(ownership: ownership, block: block),
              at: keyRange, notes: [Note("ownership is '\(ownership.rawValue)'", at: ownershipRange)],
              help: ["remove '\(block)', or change 'ownership'"]))
        }
      }
    }
  }
}
