import KilnDiagnostics
import KilnSpec

/// The messages of `FabricChecks` (fabric capacity, port speed and oversubscription).
enum FabricMessage: DiagnosticMessage {
  case capacityExceeded(
    fabric: String, endpoints: Int, capacity: Int, tiers: Int, planes: Int?, switchModel: String?)
  case invalidParameters(fabric: String, reason: String)
  case dragonflyRadix(fabric: String, needed: Int, radix: Int, switchModel: String?)
  case dragonflyGroups(fabric: String, groups: Int, maximum: Int)
  case portSpeed(fabric: String, switchModel: String, switchSpeed: Double, nicSpeed: Double)
  case oversubscribed(fabric: String, ratio: Double, purpose: ClusterSpec.Purpose, cluster: String, maximum: Double)
  case fieldWithoutEffect(fabric: String, field: String, needs: String)

  enum ID {
    static let capacityExceeded = MessageID(
      AnalysisCodes.fabricCapacity, "fabric-endpoints-over-capacity",
      "FABRIC has ENDPOINTS endpoints; its TIERS (and PLANES) of SWITCH hold CAPACITY")
    static let invalidParameters = MessageID(
      AnalysisCodes.fabricCapacity, "fabric-invalid-parameters", "FABRIC cannot be built: REASON")
    static let dragonflyRadix = MessageID(
      AnalysisCodes.fabricCapacity, "fabric-dragonfly-radix",
      "FABRIC's dragonfly routers need NEEDED ports (p + a − 1 + h); SWITCH has RADIX")
    static let dragonflyGroups = MessageID(
      AnalysisCodes.fabricCapacity, "fabric-dragonfly-groups",
      "FABRIC needs GROUPS dragonfly groups; global links join at most MAXIMUM (a × h + 1)")
    static let portSpeed = MessageID(
      AnalysisCodes.fabricPortSpeed, "fabric-ports-slower-than-nics",
      "FABRIC: SWITCH ports run at SPEED; the attached NICs run at NIC-SPEED")
    static let oversubscribed = MessageID(
      AnalysisCodes.fabricOversubscription, "fabric-oversubscribed-for-training",
      "FABRIC is oversubscribed RATIO and carries the PURPOSE cluster CLUSTER; the maximum is MAXIMUM")
    static let fieldWithoutEffect = MessageID(
      AnalysisCodes.fabricFieldEffect, "fabric-field-without-effect", "FABRIC's FIELD has no effect: it needs NEEDS")
  }

  static let all = [
    ID.capacityExceeded, ID.invalidParameters, ID.dragonflyRadix, ID.dragonflyGroups, ID.portSpeed, ID.oversubscribed,
    ID.fieldWithoutEffect,
  ]

  var id: MessageID {
    switch self {
    case .capacityExceeded: ID.capacityExceeded
    case .invalidParameters: ID.invalidParameters
    case .dragonflyRadix: ID.dragonflyRadix
    case .dragonflyGroups: ID.dragonflyGroups
    case .portSpeed: ID.portSpeed
    case .oversubscribed: ID.oversubscribed
    case .fieldWithoutEffect: ID.fieldWithoutEffect
    }
  }

  var text: String {
    switch self {
    case .capacityExceeded(let fabric, let endpoints, let capacity, let tiers, let planes, let switchModel):
      "\(fabric) has \(Figures.count(endpoints)) endpoints; \(tiers) tier\(tiers == 1 ? "" : "s")\(planes.map { " in \($0) planes" } ?? "") of \(switchModel ?? "switches") \(tiers == 1 && planes == nil ? "holds" : "hold") \(Figures.count(capacity))"
    case .invalidParameters(let fabric, let reason): "\(fabric) cannot be built: \(reason)"
    case .dragonflyRadix(let fabric, let needed, let radix, let switchModel):
      "\(fabric)'s dragonfly routers need \(needed) ports (hosts + routers per group − 1 + global links), but \(switchModel ?? "the switch") has \(radix)"
    case .dragonflyGroups(let fabric, let groups, let maximum):
      "\(fabric) needs \(groups) dragonfly groups, but global links can join at most \(maximum) (routersPerGroup × globalLinksPerRouter + 1)"
    case .portSpeed(let fabric, let switchModel, let switchSpeed, let nicSpeed):
      "\(fabric): \(switchModel) ports run at \(Figures.bandwidth(switchSpeed)); the attached NICs run at \(Figures.bandwidth(nicSpeed))"
    case .oversubscribed(let fabric, let ratio, let purpose, let cluster, let maximum):
      "\(fabric) is oversubscribed \(Figures.ratio(ratio)) and carries the \(purpose.rawValue) cluster \(cluster); the maximum is \(Figures.ratio(maximum))"
    case .fieldWithoutEffect(let fabric, let field, let needs): "\(fabric)'s \(field) has no effect: it needs \(needs)"
    }
  }
}
