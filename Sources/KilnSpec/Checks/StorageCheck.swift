import KilnDiagnostics

/// A Storage's fabric is a storage fabric, its nodes have ports on it, and it is priced once: capex
/// (`price`) or opex (`monthlyPrice`), not both.
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
      if let nics = storage.nodeNICs, nics.value == 0, let reference = storage.fabric {
        engine.emit(
          Diagnostic(
            StorageMessage.nodesWithoutNICs(fabric: reference.name.value), at: nics.range,
            notes: [Note("the fabric is named here", at: reference.name.range)],
            help: ["give each node its storage-fabric ports (`nics: 2`), or remove `fabric`"]))
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
