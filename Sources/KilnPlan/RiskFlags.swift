import KilnAnalysis
import KilnDiagnostics
import KilnSpec

/// The risk flags of a plan. `destructive` comes from the object changes; `capacity`, `budget` and
/// `residency` are analyzer findings in the head that the base did not have: a finding the base
/// already had is not this change's risk.
public enum RiskFlags {
  static let analyzerFlags: [String: Risk.Flag] = [
    AnalysisCodes.servingCapacity.id: .capacity, AnalysisCodes.servingHeadroom.id: .capacity,
    AnalysisCodes.budget.id: .budget, AnalysisCodes.dataResidency.id: .residency,
  ]
  /// Findings that a cluster is too small for its training runs.
  static let trainingCodes = [AnalysisCodes.trainingCapacity.id, AnalysisCodes.trainingRunsExceedCluster.id]

  public static func flags(objects: [ObjectChange], base: PlanSide, head: PlanSide) -> [Risk] {
    var risks: [Risk] = []
    for change in objects where change.action == .remove && [.storage, .site, .cluster].contains(change.kind) {
      risks.append(Risk(flag: .destructive, message: "\(change.address) is removed"))
    }
    for (name, _, after) in KeyedJoin.pairs(base.report.serving, head.report.serving, key: PlanBuilder.servingName)
    where after == nil {
      risks.append(Risk(flag: .destructive, message: "serving entry Region/\(name) is removed"))
    }
    // A cluster that shrinks below what its training runs or serving maxima need.
    let trainingTooBig = head.diagnostics.filter { trainingCodes.contains($0.code.id) }
    for (_, before, after) in KeyedJoin.pairs(base.report.clusters, head.report.clusters, key: \.name) {
      guard let before, let cluster = after, cluster.gpus < before.gpus else { continue }
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
