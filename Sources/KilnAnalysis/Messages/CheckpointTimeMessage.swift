import KilnDiagnostics

/// The messages of `CheckpointTimeCheck`.
enum CheckpointTimeMessage: DiagnosticMessage {
  case tooSlow(run: String, bytes: Double, seconds: Double, interval: Double, maximum: Double)
  case farFromOptimal(run: String, interval: Double, optimal: Double, mtbi: Double, goodput: Double, atOptimal: Double)

  enum ID {
    static let tooSlow = MessageID(
      AnalysisCodes.checkpointTime, "checkpoint-write-too-slow",
      "RUN writes a checkpoint in more than the MAXIMUM fraction of its INTERVAL")
    static let farFromOptimal = MessageID(
      AnalysisCodes.checkpointInterval, "checkpoint-interval-far-from-optimal",
      "RUN checkpoints every INTERVAL, which loses a point or more of goodput against the OPTIMAL that loses least")
  }

  static let all = [ID.tooSlow, ID.farFromOptimal]

  var id: MessageID {
    switch self {
    case .tooSlow: ID.tooSlow
    case .farFromOptimal: ID.farFromOptimal
    }
  }

  var text: String {
    switch self {
    case .tooSlow(let run, let bytes, let seconds, let interval, let maximum):
      "\(run) writes a \(Figures.bytes(bytes)) checkpoint in \(Figures.duration(seconds)), \(Figures.percent(seconds / interval)) of its \(Figures.duration(interval)) interval; the maximum is \(Figures.percent(maximum))"
    case .farFromOptimal(let run, let interval, let optimal, let mtbi, let goodput, let atOptimal):
      "\(run) checkpoints every \(Figures.duration(interval)), but with an interruption every \(Figures.duration(mtbi)) the interval that loses least is \(Figures.duration(optimal)): goodput \(Figures.percent(goodput)) instead of \(Figures.percent(atOptimal))"
    }
  }
}
