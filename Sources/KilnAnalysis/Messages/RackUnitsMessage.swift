import KilnDiagnostics

/// The messages of `RackUnitsCheck`.
enum RackUnitsMessage: DiagnosticMessage {
  case overHeight(group: String, used: Int, units: Int)

  enum ID {
    static let overHeight = MessageID(
      AnalysisCodes.rackUnits, "rack-units-over-height",
      "rack group GROUP needs USED units per rack; the site's racks have UNITS")
  }

  static let all = [ID.overHeight]

  var id: MessageID {
    switch self {
    case .overHeight: ID.overHeight
    }
  }

  var text: String {
    switch self {
    case .overHeight(let group, let used, let units):
      "rack group '\(group)' needs \(used)U per rack; the site's racks have \(units)U"
    }
  }
}
