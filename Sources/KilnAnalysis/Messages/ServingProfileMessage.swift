import KilnDiagnostics

/// The messages of `ServingProfileCheck`.
enum ServingProfileMessage: DiagnosticMessage {
  case assumed(
    serving: String, fields: [String], input: Int, output: Int, tokensPerSecond: Double, withoutPrefill: Double)

  enum ID {
    static let assumed = MessageID(
      AnalysisCodes.servingProfile, "serving-profile-assumed",
      "a serving entry without averageInput or averageOutput uses the defaults, and how far they move its capacity")
  }

  static let all = [ID.assumed]

  var id: MessageID {
    switch self {
    case .assumed: ID.assumed
    }
  }

  var text: String {
    switch self {
    case .assumed(let serving, let fields, let input, let output, let rate, let withoutPrefill):
      "'\(serving)' gives no \(fields.joined(separator: " or ")): Kiln assumes \(Figures.count(input)) input and \(Figures.count(output)) output tokens per request, \(Figures.rate(rate)) tokens/s per replica (\(Figures.rate(withoutPrefill)) if requests had no input to prefill)"
    }
  }
}
