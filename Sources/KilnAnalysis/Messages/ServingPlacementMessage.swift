import KilnDiagnostics

/// The messages of `ServingPlacementCheck`.
enum ServingPlacementMessage: DiagnosticMessage {
  /// `gpuType` is nil on a cluster of one GPU type, which keeps the plain wording.
  case overSchedulable(cluster: String, needed: Int, gpuType: String?, schedulable: Int, installed: Int, reserved: Int)

  enum ID {
    static let overSchedulable = MessageID(
      AnalysisCodes.servingPlacement, "serving-placement-over-cluster",
      "serving on CLUSTER needs NEEDED GPUs at max replicas; it has SCHEDULABLE")
  }

  static let all = [ID.overSchedulable]

  var id: MessageID {
    switch self {
    case .overSchedulable: ID.overSchedulable
    }
  }

  var text: String {
    switch self {
    case .overSchedulable(let cluster, let needed, let gpuType, let schedulable, let installed, let reserved):
      "serving on \(cluster) needs \(Figures.count(needed)) \(gpuType.map { "\($0) GPUs" } ?? "GPUs") at max replicas; it has \(Figures.count(schedulable))\(reserved > 0 ? " (\(Figures.count(installed)) less a reserve of \(Figures.count(reserved)))" : "")"
    }
  }
}
