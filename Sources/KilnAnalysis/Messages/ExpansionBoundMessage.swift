import KilnDiagnostics

/// The messages of `ExpansionBoundCheck`.
enum ExpansionBoundMessage: DiagnosticMessage {
  case tooLarge(objects: Int, bound: Int)

  enum ID {
    static let tooLarge = MessageID(
      AnalysisCodes.expansionTooLarge, "expansion-over-bound",
      "the project expands to OBJECTS objects, more than Kiln's BOUND")
  }

  static let all = [ID.tooLarge]

  var id: MessageID {
    switch self {
    case .tooLarge: ID.tooLarge
    }
  }

  var text: String {
    switch self {
    case .tooLarge(let objects, let bound):
      "the project expands to \(objects == Int.max ? "more than \(Figures.count(Int.max))" : Figures.count(objects)) objects, more than Kiln's bound of \(Figures.count(bound))"
    }
  }
}
