import KilnDiagnostics

/// The messages of `TrainingCapacityCheck`. `gpuType` is nil on a cluster of one GPU type, which keeps
/// the plain wording.
enum TrainingCapacityMessage: DiagnosticMessage {
  case runTooLarge(
    run: String, gpus: Int, cluster: String, queueable: Int, gpuType: String?, installed: Int, reserved: Int,
    servingMaximum: Int)
  case runsTogetherTooLarge(cluster: String, total: Int, gpuType: String?, queueable: Int)

  enum ID {
    static let runTooLarge = MessageID(
      AnalysisCodes.trainingCapacity, "training-run-over-cluster",
      "RUN needs GPUS GPUs; CLUSTER can queue QUEUEABLE for training (installed less reserve and serving)")
    static let runsTogetherTooLarge = MessageID(
      AnalysisCodes.trainingRunsExceedCluster, "training-runs-together-over-cluster",
      "the training runs on CLUSTER need TOTAL GPUs together; it can queue QUEUEABLE for training")
  }

  static let all = [ID.runTooLarge, ID.runsTogetherTooLarge]

  var id: MessageID {
    switch self {
    case .runTooLarge: ID.runTooLarge
    case .runsTogetherTooLarge: ID.runsTogetherTooLarge
    }
  }

  var text: String {
    switch self {
    case .runTooLarge(
      let run, let gpus, let cluster, let queueable, let gpuType, let installed, let reserved, let servingMaximum):
      "\(run) needs \(Figures.count(gpus)) GPUs; \(cluster) can queue \(Figures.count(queueable))\(gpuType.map { " \($0) GPUs" } ?? "") for training\(Self.deductions(installed: installed, reserved: reserved, servingMaximum: servingMaximum))"
    case .runsTogetherTooLarge(let cluster, let total, let gpuType, let queueable):
      "the training runs on \(cluster) need \(Figures.count(total)) \(gpuType.map { "\($0) GPUs" } ?? "GPUs") together; it can queue \(Figures.count(queueable))\(gpuType.map { " \($0) GPUs" } ?? "") for training"
    }
  }

  /// ` (2,048 less a reserve of 64 and 512 for serving at max replicas)`, or nothing.
  private static func deductions(installed: Int, reserved: Int, servingMaximum: Int) -> String {
    var deductions: [String] = []
    if reserved > 0 { deductions.append("a reserve of \(Figures.count(reserved))") }
    if servingMaximum > 0 { deductions.append("\(Figures.count(servingMaximum)) for serving at max replicas") }
    return deductions.isEmpty ? "" : " (\(Figures.count(installed)) less \(deductions.joined(separator: " and ")))"
  }
}
