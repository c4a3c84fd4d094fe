/// The kinds of document a Kiln project holds.
public enum SpecKind: String, Sendable, CaseIterable, Hashable, Comparable {
  case project = "Project"
  case catalog = "Catalog"
  case site = "Site"
  case cluster = "Cluster"
  case fabric = "Fabric"
  case storage = "Storage"
  case model = "Model"
  case region = "Region"
  case trainingRun = "TrainingRun"
  case policy = "Policy"

  public static func < (lhs: SpecKind, rhs: SpecKind) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The schema of the kind's `spec`.
  public var schema: ObjectSchema {
    switch self {
    case .project: ProjectSpec.table.schema
    case .catalog: CatalogSpec.table.schema
    case .site: SiteSpec.table.schema
    case .cluster: ClusterSpec.table.schema
    case .fabric: FabricSpec.table.schema
    case .storage: StorageSpec.table.schema
    case .model: ModelSpec.table.schema
    case .region: RegionSpec.table.schema
    case .trainingRun: TrainingRunSpec.table.schema
    case .policy: PolicySpec.table.schema
    }
  }

  public var summary: String {
    switch self {
    case .project: "the project: file selection, economics defaults, Kubernetes settings, environments"
    case .catalog: "hardware entries added to, or overriding, the built-in catalog"
    case .site: "a data center: jurisdiction, ownership, power and rack positions"
    case .cluster: "GPU racks at one site, with their fabric, storage and Kueue queues"
    case .fabric: "a compute or storage network"
    case .storage: "a storage tier"
    case .model: "a model's size and memory characteristics"
    case .region: "an inference region and its serving entries"
    case .trainingRun: "a training run"
    case .policy: "configuration of Kiln's built-in checks"
    }
  }
}

/// The envelope every document has.
public enum EnvelopeSchema {
  public static let apiVersion = "kiln/v1"

  public static var metadata: ObjectSchema { ObjectMetadata.table.schema }
}

/// `metadata`: the object's identity and its labels.
public struct ObjectMetadata: SpecRecord {
  public var name: Located<String> = .placeholder
  public var labelEntries: [TextEntry] = []
  public var annotations: [TextEntry] = []

  public var labels: [String: String] { labelEntries.dictionary }

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.metadata, fallback: object.nameRange)
  }

  public static let table = FieldTable<ObjectMetadata>(
    "Identity of the object.",
    [
      .field(FieldTypes.entryName, .name, \.name, required: true, "DNS-1123 label, unique per kind in the project"),
      .textMap("labels", \.labelEntries, default: nil, "copied into generated Kubernetes objects"),
      .textMap("annotations", \.annotations, default: nil, "free-form notes"),
    ])
}
