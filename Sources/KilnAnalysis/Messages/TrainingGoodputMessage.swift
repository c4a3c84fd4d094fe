import KilnDiagnostics

/// The messages of `TrainingGoodputCheck`.
enum TrainingGoodputMessage: DiagnosticMessage {
  case belowMinimum(run: String, goodput: Double, minimum: Double, mtbi: Double, restart: Double)

  enum ID {
    static let belowMinimum = MessageID(
      AnalysisCodes.trainingGoodput, "training-goodput-below-minimum",
      "RUN makes progress GOODPUT of the time, below the MINIMUM, with an interruption every MTBI")
  }

  static let all = [ID.belowMinimum]

  var id: MessageID { ID.belowMinimum }

  var text: String {
    switch self {
    case .belowMinimum(let run, let goodput, let minimum, let mtbi, let restart):
      goodput <= 0
        ? "\(run) never finishes: an interruption every \(Figures.duration(mtbi)) against a \(Figures.duration(restart)) restart leaves no time to train (goodput \(Figures.percent(0)); the minimum is \(Figures.percent(minimum)))"
        : "\(run) makes progress \(Figures.percent(goodput)) of the time, below the minimum of \(Figures.percent(minimum)): an interruption every \(Figures.duration(mtbi)), each costing a \(Figures.duration(restart)) restart and the work since the last checkpoint"
    }
  }
}
