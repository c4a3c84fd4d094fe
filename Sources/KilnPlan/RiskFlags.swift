import KilnAnalysis
import KilnDiagnostics
import KilnSpec

/// The risk flags of a plan. `destructive` comes from the object changes; `capacity`, `budget` and
/// `residency` are analyzer findings in the head that the base did not have: a finding the base
/// already had is not this change's risk.
public enum RiskFlags {
  static let analyzerFlags: [String: Risk.Flag] = [
    AnalysisCodes.servingCapacity.id: .capacity, AnalysisCodes.servingHeadroom.id: .capacity,
    AnalysisCodes.servingPlacement.id: .capacity,
    AnalysisCodes.budget.id: .budget, AnalysisCodes.dataResidency.id: .residency,
  ]
  /// Findings that a cluster is too small for its training runs or its serving maxima.
  static let shrinkCodes = [
    AnalysisCodes.trainingCapacity.id, AnalysisCodes.trainingRunsExceedCluster.id, AnalysisCodes.servingPlacement.id,
  ]

  public static func flags(objects: [ObjectChange], base: PlanSide, head: PlanSide) -> [Risk] {
    var risks: [Risk] = []
    for change in objects where change.action == .remove && [.storage, .site, .cluster].contains(change.kind) {
      risks.append(Risk(flag: .destructive, message: "\(change.address) is removed"))
    }
    for (name, _, after) in KeyedJoin.pairs(base.report.serving, head.report.serving, key: PlanBuilder.servingName)
    where after == nil {
      risks.append(Risk(flag: .destructive, message: "serving entry Region/\(name) is removed"))
    }
    // A cluster that shrinks below what its training runs or serving maxima need: the head has a
    // placement or training-capacity finding about it.
    let needsMore = Set(head.diagnostics.filter { shrinkCodes.contains($0.code.id) }.flatMap(\.subjects))
    for (_, before, after) in KeyedJoin.pairs(base.report.clusters, head.report.clusters, key: \.name) {
      guard let before, let cluster = after, cluster.gpus < before.gpus, needsMore.contains("Cluster/\(cluster.name)")
      else { continue }
      risks.append(
        Risk(
          flag: .destructive,
          message:
            "Cluster/\(cluster.name) shrinks from \(before.gpus) to \(cluster.gpus) GPUs, below what its training runs and serving maxima need"
        ))
    }
    let known = Set(base.diagnostics.map(signature))
    for diagnostic in head.diagnostics {
      guard let flag = analyzerFlags[diagnostic.code.id], !known.contains(signature(diagnostic)) else { continue }
      risks.append(Risk(flag: flag, message: "\(diagnostic.code.id): \(diagnostic.message)"))
    }
    return risks
  }

  /// What makes a finding the same finding in base and head: its code and the objects it is about, never
  /// its message (figures change, and names that differ only in digits are different objects). A
  /// finding without subjects falls back to its message without figures.
  static func signature(_ diagnostic: Diagnostic) -> String {
    guard diagnostic.subjects.isEmpty else {
      return diagnostic.code.id + " " + diagnostic.subjects.joined(separator: " ")
    }
    return diagnostic.code.id + ":" + String(diagnostic.message.unicodeScalars.filter { !("0"..."9").contains($0) })
  }
}
