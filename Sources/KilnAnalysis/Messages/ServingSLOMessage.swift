import KilnDiagnostics

/// The messages of `ServingSLOCheck`.
enum ServingSLOMessage: DiagnosticMessage {
  case tpotUnreachable(serving: String, objective: Double, stepTime: Double)
  case ttftUnreachable(serving: String, objective: Double, inputTokens: Int, estimate: Double)
  case ttftAtPeak(serving: String, objective: Double, atPeak: Double, prefill: Double, load: Double)

  enum ID {
    static let tpotUnreachable = MessageID(
      AnalysisCodes.servingSLO, "serving-slo-tpot",
      "SERVING cannot reach a TPOT of OBJECTIVE: one decode step takes STEP even for a single sequence")
    static let ttftUnreachable = MessageID(
      AnalysisCodes.servingSLO, "serving-slo-ttft",
      "SERVING cannot reach a TTFT of OBJECTIVE: prefill of INPUT tokens takes about ESTIMATE")
    static let ttftAtPeak = MessageID(
      AnalysisCodes.servingSLO, "serving-slo-ttft-at-peak",
      "SERVING misses its TTFT of OBJECTIVE at the peak: behind prefills that keep a replica busy LOAD of the time, a PREFILL prefill takes AT-PEAK"
    )
  }

  static let all = [ID.tpotUnreachable, ID.ttftUnreachable, ID.ttftAtPeak]

  var id: MessageID {
    switch self {
    case .tpotUnreachable: ID.tpotUnreachable
    case .ttftUnreachable: ID.ttftUnreachable
    case .ttftAtPeak: ID.ttftAtPeak
    }
  }

  var text: String {
    switch self {
    case .tpotUnreachable(let serving, let objective, let stepTime):
      "'\(serving)' cannot reach a TPOT of \(Figures.milliseconds(objective)): one decode step takes \(Figures.milliseconds(stepTime)) even for a single sequence"
    case .ttftUnreachable(let serving, let objective, let inputTokens, let estimate):
      "'\(serving)' cannot reach a TTFT of \(Figures.milliseconds(objective)): prefill of \(inputTokens) tokens takes about \(Figures.milliseconds(estimate))"
    case .ttftAtPeak(let serving, let objective, let atPeak, let prefill, let load):
      "'\(serving)' misses its TTFT of \(Figures.milliseconds(objective)) at the peak: prefills keep each replica busy \(Figures.percent(load)) of the time, so requests queue and the \(Figures.milliseconds(prefill)) prefill becomes \(Figures.milliseconds(atPeak))"
    }
  }
}
