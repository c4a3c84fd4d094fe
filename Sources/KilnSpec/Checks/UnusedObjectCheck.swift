import KilnDiagnostics

/// Models, Storage and Fabrics that nothing references are warnings (`unused-object`).
struct UnusedObjectCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed
    var used: Set<String> = []
    for cluster in typed.clusters {
      if let fabric = cluster.fabric { used.insert("Fabric/\(fabric.name.value)") }
      for storage in cluster.storage { used.insert("Storage/\(storage.name.value)") }
    }
    for storage in typed.storage {
      if let fabric = storage.fabric { used.insert("Fabric/\(fabric.name.value)") }
    }
    for serving in typed.regions.flatMap(\.serving) { used.insert("Model/\(serving.model.name.value)") }
    for run in typed.trainingRuns {
      used.insert("Model/\(run.model.name.value)")
      if let storage = run.checkpointStorage { used.insert("Storage/\(storage.name.value)") }
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
          UnusedObjectMessage.unused(address: object.address, reason: by), at: object.nameRange,
          help: ["reference it, remove it, or silence this with a Policy rule {check: unused-object, severity: off}"]))
    }
  }
}
