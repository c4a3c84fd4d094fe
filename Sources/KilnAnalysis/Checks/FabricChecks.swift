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
        let planes =
          fabric.request.map { $0.topology == .multiPlane ? " in \($0.planes ?? $0.portsPerNode) planes" : "" } ?? ""
        return Diagnostic(
          AnalysisCodes.fabricCapacity,
          "\(fabric.id) has \(Figures.count(endpoints)) endpoints; \(tiers) tier\(tiers == 1 ? "" : "s")\(planes) of \(fabric.switchModel?.name ?? "switches") \(tiers == 1 && planes.isEmpty ? "holds" : "hold") \(Figures.count(capacity))",
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
      case .invalidParameters(let reason):
        return Diagnostic(
          AnalysisCodes.fabricCapacity, "\(fabric.id) cannot be built: \(reason)",
          at: fabric.spec.switchModel.name.range,
          subjects: [fabric.id])
      }
    }
  }
}

extension FabricCapacityCheck {
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
        AnalysisCodes.fabricPortSpeed,
        "\(fabric.id): \(model.name) ports run at \(Figures.bandwidth(model.speed)); the attached NICs run at \(Figures.bandwidth(nic))",
        at: fabric.spec.switchModel.name.range, help: ["use a switch whose ports are at least as fast as the NICs"],
        subjects: [fabric.id])
    }
  }
}

/// `fabric-oversubscription`: fabrics of training and mixed clusters are non-blocking unless the
/// Policy allows more.
struct FabricOversubscriptionCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let maximum = context.threshold("fabric-oversubscription", .maximum, default: 1)
    return ir.fabrics.compactMap { fabric in
      let ratio = fabric.spec.oversubscription.value
      let training = ir.clusters.filter { fabric.attached.contains($0.id) && $0.spec.purpose.value != .inference }
      // A single switch has no uplinks: oversubscription means nothing there.
      guard ratio > maximum * 1.000_001, let first = training.first, (fabric.sizeValue?.tiers ?? 2) > 1 else {
        return nil
      }
      return Diagnostic(
        AnalysisCodes.fabricOversubscription,
        "\(fabric.id) is oversubscribed \(Figures.ratio(ratio)) and carries the \(first.spec.purpose.value.rawValue) cluster \(first.id); the maximum is \(Figures.ratio(maximum))",
        at: fabric.spec.oversubscription.range,
        notes: [Note("\(first.id) attaches here", at: first.spec.fabric?.name.range)],
        help: ["make the fabric non-blocking (\"1:1\"), or allow more: {check: fabric-oversubscription, max: \"2:1\"}"],
        subjects: [fabric.id])
    }
  }
}
