import KilnDiagnostics

/// A Storage's fabric is a storage fabric, and it is priced once: capex (`price`) or opex
/// (`monthlyPrice`), not both.
struct StorageCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed
    for storage in typed.storage {
      if let reference = storage.fabric, let fabric = typed[reference], fabric.purpose.value != .storage {
        engine.emit(
          Diagnostic(
            SpecCodes.wrongReferenceTarget,
            "Fabric/\(fabric.name) is a compute fabric; a Storage's 'fabric' is a storage fabric",
            at: reference.name.range,
            notes: [
              Note(
                "purpose: \(fabric.purpose.isDefault ? "compute (the default)" : fabric.purpose.value.rawValue)",
                at: fabric.nameRange)
            ],
            help: ["set purpose: storage on the fabric, or name a storage fabric"]))
      }
      if let price = storage.price, let monthly = storage.monthlyPrice {
        engine.emit(
          Diagnostic(
            SpecCodes.invalidValue, "give either 'price' (capex) or 'monthlyPrice' (opex), not both", at: monthly.range,
            notes: [Note("price is set here", at: price.range)]))
      }
    }
  }
}
