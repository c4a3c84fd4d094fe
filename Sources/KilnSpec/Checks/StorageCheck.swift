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
            StorageMessage.computeFabric(fabric: fabric.name),
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
            StorageMessage.priceAndMonthlyPrice, at: monthly.range,
            notes: [Note("price is set here", at: price.range)]))
      }
    }
  }
}
