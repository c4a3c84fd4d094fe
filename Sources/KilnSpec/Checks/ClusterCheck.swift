import KilnDiagnostics
import KilnSupport

/// A Cluster's own consistency: a fabric for training and mixed clusters, a compute fabric, distinct
/// rack group and queue names, queue shares ≤ 100 % (`queue-shares`), a reserve below 100 %.
struct ClusterCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed
    for cluster in typed.clusters {
      if cluster.purpose.value != .inference, !cluster.purpose.isDefault, cluster.fabric == nil {
        engine.emit(
          Diagnostic(
            ClusterMessage.missingFabric(purpose: cluster.purpose.value), at: cluster.purpose.range))
      }
      if let reference = cluster.fabric, let fabric = typed[reference], fabric.purpose.value == .storage {
        engine.emit(
          Diagnostic(
            ClusterMessage.storageFabric(fabric: fabric.name),
            at: reference.name.range, notes: [Note("purpose: storage", at: fabric.purpose.range)]))
      }
      checkDistinct(cluster.rackGroups.map(\.name), what: "rack group", engine)
      let declared = cluster.queues.filter { !$0.name.isDefault }
      checkDistinct(declared.map(\.name), what: "queue", engine)
      let total = declared.reduce(0) { $0 + $1.share.value }
      if total > 1.000_000_1, let queuesRange = cluster.queuesKey {
        engine.emit(
          Diagnostic(
            ClusterMessage.queueShares(percent: (total * 1000).rounded() / 10), at: queuesRange,
            notes: declared.map { queue in
              Note(
                "\(queue.name.value): \(JSONValue.format((queue.share.value * 1e6).rounded() / 1e4))%",
                at: queue.share.range)
            },
            help: [
              "lower the shares so they add up to 100% or less; a queue can still borrow idle quota from the others in its cohort"
            ]))
      }
      if cluster.reserve.value >= 1 {
        engine.emit(
          Diagnostic(
            ClusterMessage.reserveTooLarge, at: cluster.reserve.range))
      }
    }
  }

  private func checkDistinct(_ names: [Located<String>], what: String, _ engine: DiagnosticEngine) {
    var seen: [String: SourceRange] = [:]
    for name in names where !name.isDefault {
      if let first = seen[name.value] {
        engine.emit(
          Diagnostic(
            ClusterMessage.duplicateEntry(what: what, name: name.value), at: name.range,
            notes: [Note("first defined here", at: first)],
            help: ["rename one of them, or merge them into one \(what)"]))
      } else {
        seen[name.value] = name.range
      }
    }
  }
}
