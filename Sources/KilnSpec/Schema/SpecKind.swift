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
    case .project: KindSchemas.project
    case .catalog: KindSchemas.catalog
    case .site: KindSchemas.site
    case .cluster: KindSchemas.cluster
    case .fabric: KindSchemas.fabric
    case .storage: KindSchemas.storage
    case .model: KindSchemas.model
    case .region: KindSchemas.region
    case .trainingRun: KindSchemas.trainingRun
    case .policy: KindSchemas.policy
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

  public static let metadata = ObjectSchema(
    "Identity of the object.",
    [
      FieldSchema("name", .name, required: true, "DNS-1123 label, unique per kind in the project."),
      FieldSchema("labels", .textMap, "Copied into generated Kubernetes objects."),
      FieldSchema("annotations", .textMap, "Free-form notes."),
    ])
}
