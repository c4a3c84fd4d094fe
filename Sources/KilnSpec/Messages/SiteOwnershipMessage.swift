import KilnDiagnostics

/// The messages of `SiteOwnershipCheck`.
enum SiteOwnershipMessage: DiagnosticMessage {
  case ownedPrice
  case colocationPrice
  case blockMissing(ownership: SiteSpec.Ownership, block: SiteSpec.Block)
  case blockNotUsed(ownership: SiteSpec.Ownership, block: SiteSpec.Block)

  enum ID {
    static let ownedPrice = MessageID(
      SpecCodes.missingField, "site-owned-price", "an owned site's 'spec.power' has no energy 'price'")
    static let colocationPrice = MessageID(
      SpecCodes.ownershipMismatch, "site-colocation-price", "a colocation site sets 'power.price'")
    static let blockMissing = MessageID(
      SpecCodes.ownershipMismatch, "site-block-missing", "a site with ownership OWNERSHIP needs a BLOCK block")
    static let blockNotUsed = MessageID(
      SpecCodes.ownershipMismatch, "site-block-not-used", "a site with ownership OWNERSHIP has no BLOCK block")
  }

  static let all = [ID.ownedPrice, ID.colocationPrice, ID.blockMissing, ID.blockNotUsed]

  var id: MessageID {
    switch self {
    case .ownedPrice: ID.ownedPrice
    case .colocationPrice: ID.colocationPrice
    case .blockMissing: ID.blockMissing
    case .blockNotUsed: ID.blockNotUsed
    }
  }

  var text: String {
    switch self {
    case .ownedPrice: "missing required field 'price' in 'spec.power': an owned site pays for its energy"
    case .colocationPrice: "a colocation site pays per contracted kW; 'power.price' does not apply"
    case .blockMissing(let ownership, let block):
      "a site with ownership '\(ownership.rawValue)' needs a '\(block.rawValue)' block"
    case .blockNotUsed(let ownership, let block):
      "a site with ownership '\(ownership.rawValue)' has no '\(block.rawValue)' block"
    }
  }
}
