import KilnDiagnostics

/// The messages of `ServingSLOCheck`.
enum ServingSLOMessage: DiagnosticMessage {
  case tpotUnreachable(serving: String, objective: Double, stepTime: Double)
  case ttftUnreachable(serving: String, objective: Double, inputTokens: Int, estimate: Double)

  enum ID {
    static let tpotUnreachable = MessageID(
      AnalysisCodes.servingSLO, "serving-slo-tpot",
      "SERVING cannot reach a TPOT of OBJECTIVE: one decode step takes STEP even for a single sequence")
    static let ttftUnreachable = MessageID(
      AnalysisCodes.servingSLO, "serving-slo-ttft",
      "SERVING cannot reach a TTFT of OBJECTIVE: prefill of INPUT tokens takes about ESTIMATE")
  }

  static let all = [ID.tpotUnreachable, ID.ttftUnreachable]

  var id: MessageID {
    switch self {
    case .tpotUnreachable: ID.tpotUnreachable
    case .ttftUnreachable: ID.ttftUnreachable
    }
  }

  var text: String {
    switch self {
    case .tpotUnreachable(let serving, let objective, let stepTime):
      "'\(serving)' cannot reach a TPOT of \(Figures.milliseconds(objective)): one decode step takes \(Figures.milliseconds(stepTime)) even for a single sequence"
    case .ttftUnreachable(let serving, let objective, let inputTokens, let estimate):
      "'\(serving)' cannot reach a TTFT of \(Figures.milliseconds(objective)): prefill of \(inputTokens) tokens takes about \(Figures.milliseconds(estimate))"
    }
  }
}
