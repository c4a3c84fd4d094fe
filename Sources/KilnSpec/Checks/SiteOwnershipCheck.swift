import KilnDiagnostics

/// The blocks of a Site must match its ownership: owned has power and racks; colocation adds
/// `colocation`; cloud has only `cloud`.
struct SiteOwnershipCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for site in project.objects(.site) {
      let spec = site.spec
      let ownership = spec["ownership"]?.text ?? "owned"
      let blocks: [String: Bool]
      switch ownership {
      case "colocation": blocks = ["power": true, "racks": true, "colocation": true, "cloud": false]
      case "cloud": blocks = ["power": false, "racks": false, "colocation": false, "cloud": true]
      default: blocks = ["power": true, "racks": true, "colocation": false, "cloud": false]
      }
      let ownershipRange = spec["ownership"]?.range ?? site.specKeyRange
      if ownership == "owned", let power = spec["power"], !power.isInvalid, power["price"] == nil,
        let powerKey = spec.keyRange(of: "power")
      {
        engine.emit(
          Diagnostic(
            SpecCodes.missingField, "missing required field 'price' in 'spec.power': an owned site pays for its energy",
            at: powerKey, help: ["add 'price', e.g. price: $0.07/kWh"]))
      }
      if ownership == "colocation", let price = spec["power"]?["price"],
        let priceKey = spec["power"]?.keyRange(of: "price")
      {
        _ = price
        engine.emit(
          Diagnostic(
            SpecCodes.ownershipMismatch, "a colocation site pays per contracted kW; 'power.price' does not apply",
            at: priceKey, notes: [Note("ownership is 'colocation'", at: ownershipRange)],
            help: ["remove 'power.price'; the colocation price covers energy"]))
      }
      for block in ["power", "racks", "colocation", "cloud"] {
        let needed = blocks[block] ?? false
        if needed && spec[block] == nil {
          engine.emit(
            Diagnostic(
              SpecCodes.ownershipMismatch, "a site with ownership '\(ownership)' needs a '\(block)' block",
              at: site.specKeyRange, help: ["add '\(block)', or change 'ownership'"]))
        } else if !needed, let keyRange = spec.keyRange(of: block) {
          engine.emit(
            Diagnostic(
              SpecCodes.ownershipMismatch, "a site with ownership '\(ownership)' has no '\(block)' block", at: keyRange,
              notes: [Note("ownership is '\(ownership)'", at: ownershipRange)],
              help: ["remove '\(block)', or change 'ownership'"]))
        }
      }
    }
  }
}
