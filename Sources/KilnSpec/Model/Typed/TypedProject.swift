import KilnDiagnostics

/// The typed view of a whole project, every default applied and every reference linked, built once
/// after loading; spec checks, the IR and later stages read it.
public struct TypedProject: Sendable {
  /// The Project's settings, every default applied; the defaults alone when kiln.yaml has no Project
  /// document (an error K2024 reports, so no IR is built from such a project).
  public var project: ProjectSpec
  public var sites: [SiteSpec]
  public var clusters: [ClusterSpec]
  public var fabrics: [FabricSpec]
  public var storage: [StorageSpec]
  public var models: [ModelSpec]
  public var regions: [RegionSpec]
  public var trainingRuns: [TrainingRunSpec]
  public var policy: PolicySpec?
  public var catalog: TypedCatalog
  /// References that name nothing, in object order, for K3001 and K3002.
  public var unresolved: [UnresolvedReference]

  public init(objects: [SpecObject], catalog hardware: HardwareCatalog) {
    func ofKind(_ kind: SpecKind) -> [SpecObject] { objects.filter { $0.kind == kind } }
    project = ofKind(.project).first.map(ProjectSpec.init) ?? ProjectSpec.defaults
    sites = ofKind(.site).map(SiteSpec.init)
    clusters = ofKind(.cluster).map(ClusterSpec.init)
    fabrics = ofKind(.fabric).map(FabricSpec.init)
    storage = ofKind(.storage).map(StorageSpec.init)
    models = ofKind(.model).map(ModelSpec.init)
    regions = ofKind(.region).map(RegionSpec.init)
    trainingRuns = ofKind(.trainingRun).map(TrainingRunSpec.init)
    policy = ofKind(.policy).first.map(PolicySpec.init)
    catalog = TypedCatalog(hardware)
    unresolved = []
    resolveReferences()
  }

  /// Links every reference once; what names nothing is kept for the diagnostics.
  mutating func resolveReferences() {
    var positions = catalog.positions
    positions[SiteSpec.referenceKind] = ReferenceResolver.index(sites.map(\.name))
    positions[ClusterSpec.referenceKind] = ReferenceResolver.index(clusters.map(\.name))
    positions[FabricSpec.referenceKind] = ReferenceResolver.index(fabrics.map(\.name))
    positions[StorageSpec.referenceKind] = ReferenceResolver.index(storage.map(\.name))
    positions[ModelSpec.referenceKind] = ReferenceResolver.index(models.map(\.name))
    var resolver = ReferenceResolver(positions: positions, path: "spec")
    func resolve<Record: SpecRecord>(_ records: inout [Record]) {
      for index in records.indices { Record.table.resolve(&records[index], &resolver) }
    }
    resolve(&clusters)
    resolve(&fabrics)
    resolve(&storage)
    resolve(&regions)
    resolve(&trainingRuns)
    unresolved = resolver.unresolved + catalog.unresolved
  }

  public subscript(_ reference: Reference<SiteSpec>) -> SiteSpec? { reference.target.map { sites[$0] } }
  public subscript(_ reference: Reference<ClusterSpec>) -> ClusterSpec? { reference.target.map { clusters[$0] } }
  public subscript(_ reference: Reference<FabricSpec>) -> FabricSpec? { reference.target.map { fabrics[$0] } }
  public subscript(_ reference: Reference<StorageSpec>) -> StorageSpec? { reference.target.map { storage[$0] } }
  public subscript(_ reference: Reference<ModelSpec>) -> ModelSpec? { reference.target.map { models[$0] } }
}
