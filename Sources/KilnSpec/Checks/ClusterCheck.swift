import KilnDiagnostics
import KilnSupport

/// A Cluster's own consistency: a fabric for training and mixed clusters, a compute fabric, distinct
/// rack group and queue names, queue shares ≤ 100 % (`queue-shares`), a reserve below 100 %.
struct ClusterCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for cluster in project.objects(.cluster) {
      let spec = cluster.spec
      let purpose = spec["purpose"]?.text
      if let purpose, purpose != "inference", spec["fabric"] == nil {
        engine.emit(
          Diagnostic(
            SpecCodes.missingField, "missing 'fabric': a \(purpose) cluster needs a compute fabric",
            at: spec["purpose"]?.range ?? cluster.specKeyRange))
      }
      if let fabricNode = spec["fabric"], let fabricName = fabricNode.text,
        let fabric = project.object(.fabric, fabricName),
        fabric.spec["purpose"]?.text == "storage"
      {
        engine.emit(
          Diagnostic(
            SpecCodes.wrongReferenceTarget,
            "Fabric/\(fabricName) is a storage fabric; 'fabric' names the compute fabric",
            at: fabricNode.range, notes: [Note("purpose: storage", at: fabric.spec["purpose"]?.range)]))
      }
      checkDistinct(spec["racks"]?.items ?? [], what: "rack group", engine)
      let queues = spec["queues"]?.items ?? []
      checkDistinct(queues, what: "queue", engine)
      let shares = queues.compactMap { $0["share"]?.number }
      let total = shares.reduce(0, +)
      if total > 1.000_000_1, let queuesRange = spec.keyRange(of: "queues") {
        engine.emit(
          Diagnostic(
            SpecCodes.queueShares,
            "queue shares add up to \(JSONValue.format((total * 1000).rounded() / 10))%, above 100%",
            at: queuesRange,
            notes: queues.compactMap { queue in
              guard let share = queue["share"] else { return nil }
              return Note("\(queue["name"]?.text ?? "queue"): \(share.quantity?.text ?? "")", at: share.range)
            },
            help: [
              "lower the shares so they add up to 100% or less; a queue can still borrow idle quota from the others in its cohort"
            ]))
      }
      for queue in queues {
        if let share = queue["share"], let value = share.number, value <= 0 || value > 1 {
          engine.emit(
            Diagnostic(SpecCodes.invalidValue, "a queue share must be above 0% and at most 100%", at: share.range))
        }
      }
      if let reserve = spec["reserve"], let value = reserve.number, value >= 1 {
        engine.emit(
          Diagnostic(
            SpecCodes.invalidValue, "reserve must be below 100%: nothing would be schedulable", at: reserve.range))
      }
      for group in spec["racks"]?.items ?? [] {
        for field in ["count"] {
          if let node = group[field], node.number == 0 {
            engine.emit(Diagnostic(SpecCodes.invalidValue, "'\(field)' must be at least 1", at: node.range))
          }
        }
        if let perRack = group["servers"]?["perRack"], perRack.number == 0 {
          engine.emit(Diagnostic(SpecCodes.invalidValue, "'perRack' must be at least 1", at: perRack.range))
        }
      }
    }
  }

  private func checkDistinct(_ items: [SpecNode], what: String, _ engine: DiagnosticEngine) {
    var seen: [String: SourceRange] = [:]
    for item in items {
      guard let nameNode = item["name"], let name = nameNode.text else { continue }
      if let first = seen[name] {
        engine.emit(
          Diagnostic(
            SpecCodes.duplicateEntry, "\(what) '\(name)' is defined twice", at: nameNode.range,
            notes: [Note("first defined here", at: first)],
            help: ["rename one of them, or merge them into one \(what)"]))
      } else {
        seen[name] = nameNode.range
      }
    }
  }
}
