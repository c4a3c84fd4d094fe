import KilnDiagnostics

/// Models, Storage and Fabrics that nothing references are warnings (`unused-object`).
struct UnusedObjectCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    var used: Set<String> = []
    for cluster in project.objects(.cluster) {
      if let fabric = cluster.spec["fabric"]?.text { used.insert("Fabric/\(fabric)") }
      for storage in cluster.spec["storage"]?.items ?? [] {
        if let name = storage.text { used.insert("Storage/\(name)") }
      }
    }
    for storage in project.objects(.storage) {
      if let fabric = storage.spec["fabric"]?.text { used.insert("Fabric/\(fabric)") }
    }
    for region in project.objects(.region) {
      for serving in region.spec["serving"]?.items ?? [] {
        if let model = serving["model"]?.text { used.insert("Model/\(model)") }
      }
    }
    for run in project.objects(.trainingRun) {
      if let model = run.spec["model"]?.text { used.insert("Model/\(model)") }
      if let storage = run.spec["checkpoint"]?["storage"]?.text { used.insert("Storage/\(storage)") }
    }
    for object in project.objects where [.model, .storage, .fabric].contains(object.kind) {
      // A document dropped for a syntax or envelope error may be what uses it.
      guard !used.contains(object.address), !project.unreadable.mentions(object.name) else { continue }
      let by: String
      switch object.kind {
      case .model: by = "no Region serves it and no TrainingRun trains it"
      case .storage: by = "no Cluster reads from it and no TrainingRun checkpoints to it"
      default: by = "no Cluster or Storage is attached to it"
      }
      engine.emit(
        Diagnostic(
          SpecCodes.unusedObject, "\(object.address) is not used: \(by)", at: object.nameRange,
          help: ["reference it, remove it, or silence this with a Policy rule {check: unused-object, severity: off}"]))
    }
  }
}
