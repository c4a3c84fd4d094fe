import KilnDiagnostics

/// `catalog-price`: a server that the project's Catalog adds or changes, or whose GPU's price it changes,
/// costs at least its GPUs (CatalogPriceConsistency). The built-in catalog is held to the same rule by
/// CatalogPriceTests, so only what the project wrote is reported, at the price it wrote.
struct CatalogPriceCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed.catalog
    for violation in CatalogPriceConsistency.violations(typed) {
      guard let server = typed.servers.first(where: { $0.name == violation.server }), let gpu = server.gpu,
        let gpuPrice = gpu.price, let serverEntry = project.catalog.entry(.servers, server.name)
      else { continue }
      let gpuEntry = project.catalog.entry(.gpus, gpu.name)
      // Where the project wrote a price: the server's, else its GPU's.
      let written = [
        serverEntry.fields.keyRange(of: CatalogFieldNames.price),
        gpuEntry?.fields.keyRange(of: CatalogFieldNames.price),
      ].compactMap { $0 }.filter { !$0.file.hasPrefix(HardwareCatalog.builtinPath) }
      guard let at = written.first else { continue }
      engine.emit(
        Diagnostic(
          CatalogMessage.priceBelowGPUs(
            server: server.name, price: violation.price, gpuCount: server.gpuCount, gpu: gpu.name,
            gpuPrice: gpuPrice),
          at: at,
          notes: written.dropFirst().map { Note("the GPU's price is set here", at: $0) },
          help: ["a server's price is the whole system, GPUs included: correct the server's price or the GPU's"]))
    }
  }
}
