import KilnDiagnostics

/// The messages of `StorageBandwidthCheck`.
enum StorageBandwidthMessage: DiagnosticMessage {
  case readPerGPUBelowMinimum(storage: String, perGPU: Double, gpus: Int, minimum: Double)

  enum ID {
    static let readPerGPUBelowMinimum = MessageID(
      AnalysisCodes.storageReadPerGPU, "storage-read-per-gpu-below-minimum",
      "STORAGE gives PER-GPU GB/s per GPU to GPUS GPUs; the minimum is MINIMUM")
  }

  static let all = [ID.readPerGPUBelowMinimum]

  var id: MessageID {
    switch self {
    case .readPerGPUBelowMinimum: ID.readPerGPUBelowMinimum
    }
  }

  var text: String {
    switch self {
    case .readPerGPUBelowMinimum(let storage, let perGPU, let gpus, let minimum):
      "Storage/\(storage) gives \(Figures.format1(perGPU / 1e9)) GB/s per GPU to \(Figures.count(gpus)) GPUs; the minimum is \(Figures.format1(minimum / 1e9)) GB/s"
    }
  }
}
