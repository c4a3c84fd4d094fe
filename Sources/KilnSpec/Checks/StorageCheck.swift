import KilnDiagnostics

/// A Storage's fabric is a storage fabric, and it is priced once: capex (`price`) or opex
/// (`monthlyPrice`), not both.
struct StorageCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for storage in project.objects(.storage) {
      let spec = storage.spec
      if let fabricNode = spec["fabric"], let name = fabricNode.text, let fabric = project.object(.fabric, name),
        (fabric.spec["purpose"]?.text ?? "compute") != "storage"
      {
        engine.emit(
          Diagnostic(
            SpecCodes.wrongReferenceTarget,
            "Fabric/\(name) is a compute fabric; a Storage's 'fabric' is a storage fabric",
            at: fabricNode.range,
            notes: [Note("purpose: \(fabric.spec["purpose"]?.text ?? "compute (the default)")", at: fabric.nameRange)],
            help: ["set purpose: storage on the fabric, or name a storage fabric"]))
      }
      if spec["price"] != nil, let monthly = spec.keyRange(of: "monthlyPrice") {
        engine.emit(
          Diagnostic(
            SpecCodes.invalidValue, "give either 'price' (capex) or 'monthlyPrice' (opex), not both", at: monthly,
            notes: [Note("price is set here", at: spec.keyRange(of: "price"))]))
      }
    }
  }
}
