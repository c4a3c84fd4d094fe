import KilnAnalysis
import KilnDiagnostics
import KilnSpec

/// The risk flags of a plan. `destructive` comes from the object changes; `capacity`, `budget` and
/// `residency` are analyzer findings in the head that the base did not have: a finding the base
/// already had is not this change's risk.
public enum RiskFlags {
  static let analyzerFlags: [String: Risk.Flag] = [
    "K6102": .capacity, "K6103": .capacity, "K5001": .budget, "K6201": .residency,
  ]

  public static func flags(objects: [ObjectChange], base: PlanSide, head: PlanSide) -> [Risk] {
    var risks: [Risk] = []
    for change in objects where change.action == .remove && [.storage, .site, .cluster].contains(change.kind) {
      risks.append(Risk(flag: .destructive, message: "\(change.address) is removed"))
    }
    let headServing = Set(head.report.serving.map { "\($0.region)/\($0.name)" })
    for entry in base.report.serving where !headServing.contains("\(entry.region)/\(entry.name)") {
      risks.append(Risk(flag: .destructive, message: "serving entry Region/\(entry.region)/\(entry.name) is removed"))
    }
    // A cluster that shrinks below what its training runs or serving maxima need.
    let baseClusters = Dictionary(base.report.clusters.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let trainingTooBig = head.diagnostics.filter { $0.code.id == "K6301" || $0.code.id == "K6302" }
    for cluster in head.report.clusters {
      guard let before = baseClusters[cluster.name], cluster.gpus < before.gpus else { continue }
      let needs =
        cluster.queueableGpus < 0 || trainingTooBig.contains { $0.message.contains("Cluster/\(cluster.name)") }
      if needs {
        risks.append(
          Risk(
            flag: .destructive,
            message:
              "Cluster/\(cluster.name) shrinks from \(before.gpus) to \(cluster.gpus) GPUs, below what its training runs and serving maxima need"
          ))
      }
    }
    let known = Set(base.diagnostics.map(signature))
    for diagnostic in head.diagnostics {
      guard let flag = analyzerFlags[diagnostic.code.id], !known.contains(signature(diagnostic)) else { continue }
      risks.append(Risk(flag: flag, message: "\(diagnostic.code.id): \(diagnostic.message)"))
    }
    return risks
  }

  /// A finding without its figures, so "needs 40 GPUs" and "needs 48 GPUs" count as the same finding.
  static func signature(_ diagnostic: Diagnostic) -> String {
    diagnostic.code.id + ":" + String(diagnostic.message.unicodeScalars.filter { !("0"..."9").contains($0) })
  }
}
