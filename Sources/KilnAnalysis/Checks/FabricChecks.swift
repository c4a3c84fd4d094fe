import KilnDiagnostics
import KilnIR
import KilnSpec

/// `fabric-capacity`: the attached endpoints fit the declared tiers and planes.
struct FabricCapacityCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    ir.fabrics.compactMap { fabric in
      guard case .failure(let failure) = fabric.size else { return nil }
      switch failure {
      case .exceedsCapacity(let endpoints, let capacity, let tiers):
        let planes = fabric.request.flatMap { $0.topology == .multiPlane ? $0.planes ?? $0.portsPerNode : nil }
        return Diagnostic(
          FabricMessage.capacityExceeded(
            fabric: fabric.id, endpoints: endpoints, capacity: capacity, tiers: tiers, planes: planes,
            switchModel: fabric.switchModel?.name),
          at: fabric.spec.tiers.isDefault ? fabric.spec.switchModel.name.range : fabric.spec.tiers.range,
          notes: fabric.attached.map { Note("attached: \($0)") },
          help: Self.fewestTiers(fabric) == nil ? [Self.help(fabric)] : [],
          fixIts: Self.fewestTiers(fabric).map { fewest in
            [
              FixIt(
                message: "declare tiers: \(fewest), the fewest that hold \(Figures.count(endpoints)) endpoints",
                edits: [TextEdit(range: fabric.spec.tiers.range, replacement: "\(fewest)")])
            ]
          } ?? [], subjects: [fabric.id])
      case .invalidParameters(let reason, let field):
        return Diagnostic(
          FabricMessage.invalidParameters(fabric: fabric.id, reason: reason),
          at: Self.range(of: field, in: fabric.spec) ?? fabric.spec.switchModel.name.range,
          subjects: [fabric.id])
      case .dragonflyRadix(let needed, let radix):
        return Diagnostic(
          FabricMessage.dragonflyRadix(
            fabric: fabric.id, needed: needed, radix: radix, switchModel: fabric.switchModel?.name),
          at: fabric.spec.dragonflyKey ?? fabric.spec.switchModel.name.range,
          help: ["use fewer hosts, routers per group or global links per router, or a switch with more ports"],
          subjects: [fabric.id])
      case .dragonflyGroups(let groups, let maximum):
        return Diagnostic(
          FabricMessage.dragonflyGroups(fabric: fabric.id, groups: groups, maximum: maximum),
          at: fabric.spec.groups?.range ?? fabric.spec.dragonflyKey ?? fabric.spec.switchModel.name.range,
          help: ["give each router more global links, or more routers or hosts per group"], subjects: [fabric.id])
      }
    }
  }
}

extension FabricCapacityCheck {
  /// Where a sizing error's field is written; nil for a field left to its default (the switch is then blamed).
  static func range(of field: FabricField, in spec: FabricSpec) -> SourceRange? {
    func written<Value>(_ value: Located<Value>) -> SourceRange? { value.isDefault ? nil : value.range }
    return switch field {
    case .switchModel: spec.switchModel.name.range
    case .spineSwitch: spec.spineSwitch?.name.range ?? spec.switchModel.name.range
    case .coreSwitch: spec.coreSwitch?.name.range ?? spec.spineSwitch?.name.range
    case .tiers: written(spec.tiers)
    case .planes: spec.planes?.range
    case .oversubscription: written(spec.oversubscription)
    case .spineOversubscription: written(spec.spineOversubscription)
    case .pod: spec.podEndpoints?.range ?? spec.podKey
    case .dualHomed: written(spec.dualHomed)
    case .leafGroup: written(spec.leafGroup)
    case .sparePorts: written(spec.sparePorts)
    case .dragonfly: spec.dragonflyKey
    }
  }

  /// The fewest tiers that hold the endpoints when a fixed tier count is too few; nil when the tier count
  /// is `auto` or no count up to 3 fits.
  static func fewestTiers(_ fabric: IRFabric) -> Int? {
    guard fabric.spec.tiers.value != nil, var request = fabric.request else { return nil }
    request.tiers = nil
    guard case .success(let size) = FabricSizing.size(request) else { return nil }
    return size.tiers
  }

  /// `auto` already tried 1 to 3 tiers, and 3 is the most Kiln sizes: more ports per switch or more
  /// planes are what helps. (A declared count below what fits gets a fix-it instead.)
  static func help(_ fabric: IRFabric) -> String {
    let already =
      fabric.spec.tiers.value == nil
      ? "tiers is auto and Kiln sizes at most 3 tiers" : "Kiln sizes at most 3 tiers"
    return
      "\(already): use a switch with more ports, more planes (topology: multi-plane), or split the endpoints across fabrics"
  }
}

/// `fabric-port-speed`: NIC speed ≤ the switch's port (or breakout) speed.
struct FabricPortSpeedCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    ir.fabrics.compactMap { fabric in
      guard let nic = fabric.nicSpeed, let model = fabric.switchModel, nic > model.speed * 1.000_001 else { return nil }
      return Diagnostic(
        FabricMessage.portSpeed(fabric: fabric.id, switchModel: model.name, switchSpeed: model.speed, nicSpeed: nic),
        at: fabric.spec.switchModel.name.range, help: ["use a switch whose ports are at least as fast as the NICs"],
        subjects: [fabric.id])
    }
  }
}

/// `fabric-oversubscription`: compute fabrics of training and mixed clusters are non-blocking unless the
/// Policy allows more. Storage fabrics are left out: the DGX SuperPOD RA's own is ~4:3 on the clients' side.
struct FabricOversubscriptionCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let maximum = context.threshold("fabric-oversubscription", .maximum, default: 1)
    return ir.fabrics.compactMap { fabric in
      guard fabric.spec.purpose.value == .compute else { return nil }
      let ratio = fabric.spec.oversubscription.value
      let training = ir.clusters.filter { fabric.attached.contains($0.id) && $0.spec.purpose.value != .inference }
      // A single switch has no uplinks: oversubscription means nothing there.
      guard ratio > maximum * 1.000_001, let first = training.first, (fabric.sizeValue?.tiers ?? 2) > 1 else {
        return nil
      }
      return Diagnostic(
        FabricMessage.oversubscribed(
          fabric: fabric.id, ratio: ratio, purpose: first.spec.purpose.value, cluster: first.id, maximum: maximum),
        at: fabric.spec.oversubscription.range,
        notes: [Note("\(first.id) attaches here", at: first.spec.fabric?.name.range)],
        help: ["make the fabric non-blocking (\"1:1\"), or allow more: {check: fabric-oversubscription, max: \"2:1\"}"],
        subjects: [fabric.id])
    }
  }
}
