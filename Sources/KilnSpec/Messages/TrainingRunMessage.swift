import KilnDiagnostics

/// The messages of `TrainingRunCheck`.
enum TrainingRunMessage: DiagnosticMessage {
  case unknownQueue(cluster: String, queue: String)
  case gpusNotWholeServers(gpusPerServer: Int, gpus: Int)
  case precisionWithoutPeak(gpu: String, cluster: String, precision: TrainingRunSpec.Precision)

  enum ID {
    static let unknownQueue = MessageID(
      SpecCodes.unresolvedReference, "training-queue", "a TrainingRun's Cluster/CLUSTER has no queue 'QUEUE'")
    static let gpusNotWholeServers = MessageID(
      SpecCodes.invalidValue, "training-gpus-whole-servers",
      "a TrainingRun's 'gpus' (GPUS) is not whole servers of SIZE GPUs")
    static let precisionWithoutPeak = MessageID(
      SpecCodes.unsupportedPrecision, "training-precision-peak", "GPU in Cluster/CLUSTER has no PRECISION peak")
  }

  static let all = [ID.unknownQueue, ID.gpusNotWholeServers, ID.precisionWithoutPeak]

  var id: MessageID {
    switch self {
    case .unknownQueue: ID.unknownQueue
    case .gpusNotWholeServers: ID.gpusNotWholeServers
    case .precisionWithoutPeak: ID.precisionWithoutPeak
    }
  }

  var text: String {
    switch self {
    case .unknownQueue(let cluster, let queue): "Cluster/\(cluster) has no queue '\(queue)'"
    case .gpusNotWholeServers(let gpusPerServer, let gpus):
      "'gpus' must be whole servers of \(gpusPerServer) GPUs; \(gpus) is not"
    case .precisionWithoutPeak(let gpu, let cluster, let precision):
      "\(gpu) in Cluster/\(cluster) has no \(precision.rawValue) peak"
    }
  }
}
