import KilnDiagnostics
import KilnIR

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
          at: fabric.spec.tiers.isDefault ? fabric.spec.switchModel.range : fabric.spec.tiers.range,
          notes: fabric.attached.map { Note("attached: \($0)") },
          help: ["declare more tiers (or auto), more planes, or a switch with more ports"])
      case .invalidParameters(let reason):
        return Diagnostic(
          AnalysisCodes.fabricCapacity, "\(fabric.id) cannot be built: \(reason)", at: fabric.spec.switchModel.range)
      }
    }
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
        at: fabric.spec.switchModel.range, help: ["use a switch whose ports are at least as fast as the NICs"])
    }
  }
}

/// `fabric-oversubscription`: fabrics of training and mixed clusters are non-blocking unless the
/// Policy allows more.
struct FabricOversubscriptionCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let maximum = context.threshold("fabric-oversubscription", "max", default: 1)
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
        notes: [Note("\(first.id) attaches here", at: first.spec.fabric?.range)],
        help: ["make the fabric non-blocking (\"1:1\"), or allow more: {check: fabric-oversubscription, max: \"2:1\"}"])
    }
  }
}
