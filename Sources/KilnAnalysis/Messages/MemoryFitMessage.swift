import KilnDiagnostics

/// The messages of `MemoryFitCheck`.
enum MemoryFitMessage: DiagnosticMessage {
  case exceedsMemory(
    serving: String, needed: Double, weights: Double, contextLength: Int, gpus: Int, usable: Double,
    utilization: Double)

  enum ID {
    static let exceedsMemory = MessageID(
      AnalysisCodes.memoryFit, "memory-fit-replica-too-small",
      "SERVING needs NEEDED per replica (weights + KV for CONTEXT tokens); its GPUS hold USABLE")
  }

  static let all = [ID.exceedsMemory]

  var id: MessageID {
    switch self {
    case .exceedsMemory: ID.exceedsMemory
    }
  }

  var text: String {
    switch self {
    case .exceedsMemory(let serving, let needed, let weights, let contextLength, let gpus, let usable, let utilization):
      "'\(serving)' needs \(Figures.bytes(needed)) per replica (weights \(Figures.bytes(weights)) + KV for \(Figures.count(contextLength)) tokens); \(Figures.plural(gpus, "GPU")) hold \(Figures.bytes(usable)) at \(Figures.percent(utilization))"
    }
  }
}
