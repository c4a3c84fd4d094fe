import KilnDiagnostics
import KilnSupport

/// One cross-object check of the spec stage. Each check lives in its own file.
protocol SpecCheck: Sendable {
  func run(_ project: Project, _ engine: DiagnosticEngine)
}

/// Runs every spec-stage check over a loaded project.
struct SpecValidator {
  let project: Project

  static let checks: [any SpecCheck] = [
    SingletonCheck(), ReferenceCheck(), UnusedObjectCheck(), SiteOwnershipCheck(), JurisdictionCheck(),
    ImageTagCheck(), ModelConsistencyCheck(), PolicyRuleCheck(), ClusterCheck(), RegionCheck(),
    TrainingRunCheck(), FabricSiteCheck(), StorageCheck(), MetadataCheck(), ServingParallelismCheck(),
    CatalogPriceCheck(),
  ]

  /// Checks are independent: each runs on its own engine, in parallel, and their diagnostics are
  /// merged in the checks' order.
  func run(_ engine: DiagnosticEngine) {
    let project = self.project
    let results = ParallelMap.map(Array(Self.checks.indices)) { index in
      let local = DiagnosticEngine()
      Self.checks[index].run(project, local)
      return local.collected
    }
    for diagnostics in results { engine.emit(contentsOf: diagnostics) }
  }

  /// Drops the second and later objects of one Kind/name, reporting each. Static, so the loader can
  /// build its Project (and type it) once, from the objects that remain.
  static func removingDuplicates(_ objects: [SpecObject], _ engine: DiagnosticEngine) -> [SpecObject] {
    var first: [String: SpecObject] = [:]
    var kept: [SpecObject] = []
    for object in objects {
      if let original = first[object.address] {
        engine.emit(
          Diagnostic(
            DuplicateObjectMessage.definedTwice(address: object.address), at: object.nameRange,
            notes: [Note("first defined here", at: original.nameRange)],
            help: ["rename one of them, or delete the second; every \(object.kind.rawValue) needs its own name"]))
        continue
      }
      first[object.address] = object
      kept.append(object)
    }
    return kept
  }
}

extension Project {
  /// The names of a kind, for did-you-mean.
  func names(_ kind: SpecKind) -> [String] { objects(kind).map(\.name) }
}
