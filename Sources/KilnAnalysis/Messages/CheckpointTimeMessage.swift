import KilnDiagnostics

/// The messages of `CheckpointTimeCheck`.
enum CheckpointTimeMessage: DiagnosticMessage {
  case tooSlow(run: String, bytes: Double, seconds: Double, interval: Double, maximum: Double)

  enum ID {
    static let tooSlow = MessageID(
      AnalysisCodes.checkpointTime, "checkpoint-write-too-slow",
      "RUN writes a checkpoint in more than the MAXIMUM fraction of its INTERVAL")
  }

  static let all = [ID.tooSlow]

  var id: MessageID {
    switch self {
    case .tooSlow: ID.tooSlow
    }
  }

  var text: String {
    switch self {
    case .tooSlow(let run, let bytes, let seconds, let interval, let maximum):
      "\(run) writes a \(Figures.bytes(bytes)) checkpoint in \(Figures.duration(seconds)), \(Figures.percent(seconds / interval)) of its \(Figures.duration(interval)) interval; the maximum is \(Figures.percent(maximum))"
    }
  }
}
