import KilnDiagnostics
import KilnIR
import KilnSpec

/// `fabric-field-effect`: a written Fabric field that the sized fabric has no tier or topology for (a spine
/// taper on two tiers, dual-homing on a dragonfly) is a warning at the field: the spec describes a design
/// Kiln did not size.
struct FabricFieldEffectCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    ir.fabrics.flatMap { fabric -> [Diagnostic] in
      guard let size = fabric.sizeValue else { return [] }
      let spec = fabric.spec
      let dragonfly = spec.topology.value == .dragonfly
      var unused: [(field: String, range: SourceRange, needs: String)] = []
      let tiers = "\(size.tiers) tier\(size.tiers == 1 ? "" : "s")"
      if !spec.spineOversubscription.isDefault, size.tiers < 3 {
        unused.append(("spineOversubscription", spec.spineOversubscription.range, "three tiers; it has \(tiers)"))
      }
      if let range = spec.podEndpoints?.range, size.tiers < 3 {
        unused.append(("pod", range, "three tiers; it has \(tiers)"))
      }
      if let coreSwitch = spec.coreSwitch, size.tiers < 3 {
        unused.append(("coreSwitch", coreSwitch.name.range, "three tiers; it has \(tiers)"))
      }
      if let spineSwitch = spec.spineSwitch, size.tiers < 2 || dragonfly {
        unused.append(
          (
            "spineSwitch", spineSwitch.name.range,
            dragonfly ? "spines; a dragonfly has routers" : "spines; it has one tier"
          ))
      }
      if dragonfly, !spec.dualHomed.isDefault, spec.dualHomed.value {
        unused.append(("dualHomed", spec.dualHomed.range, "leaves; a dragonfly's routers take hosts in order"))
      }
      if dragonfly, !spec.leafGroup.isDefault, spec.leafGroup.value == .rack {
        unused.append(("leafGroup", spec.leafGroup.range, "leaves; a dragonfly's routers take hosts in order"))
      }
      return unused.map { field in
        Diagnostic(
          FabricMessage.fieldWithoutEffect(fabric: fabric.id, field: field.field, needs: field.needs),
          at: field.range,
          help: [
            dragonfly
              ? "remove \(field.field), or use a fat-tree, rail-optimized or multi-plane topology"
              : "declare the tiers \(field.field) needs (tiers: 3), or remove it"
          ], subjects: [fabric.id])
      }
    }
  }
}
