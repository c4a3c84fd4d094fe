import KilnDiagnostics

/// The messages of `HardwareCatalog.apply`: a project's Catalog document against the built-in catalog.
enum CatalogMessage: DiagnosticMessage {
  case entryWithoutName(section: HardwareCatalog.Section)
  case entryTwice(section: HardwareCatalog.Section, name: String)
  case newEntryTwice(section: HardwareCatalog.Section, name: String)
  case fieldOverriddenTwice(field: String, section: HardwareCatalog.Section, name: String)
  case builtinOverride(section: HardwareCatalog.Section, name: String, changes: [String])
  case newEntryField(field: String, section: HardwareCatalog.Section, name: String)
  case newGPUBF16(name: String)
  case newServerGPU(name: String, gpuCount: Int)
  case priceBelowGPUs(server: String, price: Double, gpuCount: Int, gpu: String, gpuPrice: Double)

  enum ID {
    static let entryWithoutName = MessageID(
      SpecCodes.missingField, "catalog-entry-name", "a SECTION entry of a Catalog has no 'name'")
    static let entryTwice = MessageID(
      SpecCodes.duplicateEntry, "catalog-entry-twice", "SECTION NAME is listed twice in one Catalog")
    static let newEntryTwice = MessageID(
      SpecCodes.duplicateEntry, "catalog-new-entry-twice", "new SECTION NAME is defined by two Catalog documents")
    static let fieldOverriddenTwice = MessageID(
      SpecCodes.duplicateEntry, "catalog-override-twice", "FIELD of built-in SECTION NAME is overridden twice")
    static let builtinOverride = MessageID(
      SpecCodes.catalogOverride, "catalog-override", "SECTION NAME overrides the built-in entry: CHANGES")
    static let newEntryField = MessageID(
      SpecCodes.missingField, "catalog-new-entry-field", "missing required field FIELD in new SECTION NAME")
    static let newGPUBF16 = MessageID(
      SpecCodes.missingField, "catalog-new-gpu-bf16", "missing 'bf16' in 'compute' of new GPU NAME")
    static let newServerGPU = MessageID(
      SpecCodes.missingField, "catalog-new-server-gpu", "missing 'gpu' in new server NAME with COUNT GPUs")
    static let priceBelowGPUs = MessageID(
      SpecCodes.catalogPrice, "catalog-price-below-gpus", "server NAME costs PRICE, less than its COUNT × GPU")
  }

  static let all = [
    ID.entryWithoutName, ID.entryTwice, ID.newEntryTwice, ID.fieldOverriddenTwice, ID.builtinOverride, ID.newEntryField,
    ID.newGPUBF16, ID.newServerGPU, ID.priceBelowGPUs,
  ]

  var id: MessageID {
    switch self {
    case .entryWithoutName: ID.entryWithoutName
    case .entryTwice: ID.entryTwice
    case .newEntryTwice: ID.newEntryTwice
    case .fieldOverriddenTwice: ID.fieldOverriddenTwice
    case .builtinOverride: ID.builtinOverride
    case .newEntryField: ID.newEntryField
    case .newGPUBF16: ID.newGPUBF16
    case .newServerGPU: ID.newServerGPU
    case .priceBelowGPUs: ID.priceBelowGPUs
    }
  }

  var text: String {
    switch self {
    case .entryWithoutName(let section): "missing required field 'name' in a \(section.singular) entry"
    case .entryTwice(let section, let name): "\(section.singular) '\(name)' is listed twice in this Catalog"
    case .newEntryTwice(let section, let name):
      "\(section.singular) '\(name)' is already defined by another Catalog document"
    case .fieldOverriddenTwice(let field, let section, let name):
      "'\(field)' of \(section.singular) '\(name)' is overridden twice"
    case .builtinOverride(let section, let name, let changes):
      "\(section.singular) '\(name)' overrides the built-in entry: \(changes.joined(separator: ", "))"
    case .newEntryField(let field, let section, let name):
      "missing required field '\(field)' in new \(section.singular) '\(name)'"
    case .newGPUBF16(let name): "missing required field 'bf16' in 'compute' of new GPU '\(name)'"
    case .newServerGPU(let name, let count): "missing required field 'gpu' in new server '\(name)' with \(count) GPUs"
    case .priceBelowGPUs(let server, let price, let count, let gpu, let gpuPrice):
      "server '\(server)' costs \(Self.dollars(price)), less than its \(count) × \(gpu) at \(Self.dollars(gpuPrice)) = \(Self.dollars(Double(count) * gpuPrice))"
    }
  }

  static func dollars(_ value: Double) -> String { "$" + String(Int(saturating: value.rounded())) }
}
