import KilnDiagnostics
import KilnSupport

/// `Project` with every default applied (docs/language.md §4.1).
public struct ProjectSpec: Sendable {
  public var name: String
  public var lifetime: Located<Double>
  public var utilization: Located<Double>
  public var loadFactor: Located<Double>
  public var kubernetes: KubernetesSettings
  public var environments: [String]

  public struct KubernetesSettings: Sendable {
    public var version: Located<String>
    public var namespacePrefix: Located<String>
    public var imageRegistry: Located<String>?
    public var ingressNamespace: Located<String>
    public var monitoringNamespace: Located<String>
    public var monitoringLabels: [String: String]
    public var blockLabel: Located<String>
    public var rackLabel: Located<String>
  }

  /// A project that sets nothing: every setting at its default.
  public static var defaults: ProjectSpec {
    let range = SourceRange.wholeFile("kiln.yaml")
    return ProjectSpec(
      SpecObject(
        kind: .project, name: "kiln", file: "kiln.yaml", nameRange: range, specKeyRange: range,
        metadata: SpecNode(.object([]), range: range), spec: SpecNode(.object([]), range: range)))
  }

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    let spec = object.spec
    name = object.name
    lifetime = read.number(spec, "lifetime", default: 4 * 365 * 86_400)
    utilization = read.number(spec, "utilization", default: 0.8)
    loadFactor = read.number(spec, "loadFactor", default: 0.65)
    let kubernetes = spec["kubernetes"]
    let topology = kubernetes?["topologyLabels"]
    self.kubernetes = KubernetesSettings(
      version: read.text(kubernetes, "version", default: "1.31"),
      namespacePrefix: read.text(kubernetes, "namespacePrefix", default: ""),
      imageRegistry: read.optionalText(kubernetes, "imageRegistry"),
      ingressNamespace: read.text(kubernetes, "ingressNamespace", default: "ingress"),
      monitoringNamespace: read.text(kubernetes, "monitoringNamespace", default: "monitoring"),
      monitoringLabels: read.textMap(kubernetes, "monitoringLabels"),
      blockLabel: read.text(topology, "block", default: "kiln.dev/fabric-block"),
      rackLabel: read.text(topology, "rack", default: "kiln.dev/rack"))
    environments = (spec["environments"]?.fields ?? []).map(\.name)
  }
}

/// `Site` with defaults: PUE 1.3, 42 rack units, a rack power limit by cooling.
public struct SiteSpec: Sendable {
  public enum Ownership: String, Sendable { case owned, colocation, cloud }
  public enum Cooling: String, Sendable { case air, hybrid, liquid }

  public var name: String
  /// The range of `metadata.name`, where object-level notes point.
  public var nameRange: SourceRange
  public var region: Located<String>
  public var location: Located<String>?
  public var jurisdiction: Located<String>
  public var ownership: Located<Ownership>
  public var cooling: Located<Cooling>
  /// Facility power in W; `nil` for cloud sites.
  public var powerCapacity: Located<Double>?
  public var pue: Located<Double>
  /// $ per kWh.
  public var energyPrice: Located<Double>?
  /// kg CO₂ per kWh.
  public var carbonIntensity: Located<Double>?
  public var rackPositions: Located<Int>?
  public var rackUnits: Located<Int>
  /// W per rack.
  public var rackPowerLimit: Located<Double>
  /// $ per kW of contracted IT power per month.
  public var colocationPrice: Located<Double>?
  /// $ per GPU-hour.
  public var gpuHourPrice: Located<Double>?

  /// The rack power limit a cooling type allows by default (docs/language.md §4.3).
  public static func defaultRackPowerLimit(_ cooling: Cooling) -> Double {
    switch cooling {
    case .air: 20_000
    case .hybrid: 45_000
    case .liquid: 120_000
    }
  }

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    let spec = object.spec
    name = object.name
    nameRange = object.nameRange
    region = read.text(spec, "region", default: "")
    location = read.optionalText(spec, "location")
    jurisdiction = read.text(spec, "jurisdiction", default: "")
    let ownershipText = read.text(spec, "ownership", default: "owned")
    ownership = Located(
      Ownership(rawValue: ownershipText.value) ?? .owned, at: ownershipText.range, isDefault: ownershipText.isDefault)
    let coolingText = read.text(spec, "cooling", default: "air")
    cooling = Located(
      Cooling(rawValue: coolingText.value) ?? .air, at: coolingText.range, isDefault: coolingText.isDefault)
    let power = spec["power"]
    powerCapacity = read.optionalNumber(power, "capacity")
    pue = read.number(power, "pue", default: 1.3)
    energyPrice = read.optionalNumber(power, "price")
    carbonIntensity = read.optionalNumber(power, "carbonIntensity")
    let racks = spec["racks"]
    rackPositions = read.optionalCount(racks, "positions")
    rackUnits = read.count(racks, "units", default: 42)
    let limit = read.number(racks, "powerLimit", default: Self.defaultRackPowerLimit(cooling.value))
    // A default limit points at the field that chose it: `cooling`.
    rackPowerLimit = limit.isDefault ? Located(limit.value, at: cooling.range, isDefault: true) : limit
    colocationPrice = read.optionalNumber(spec["colocation"], "price")
    gpuHourPrice = read.optionalNumber(spec["cloud"], "gpuHourPrice")
  }
}

/// `Cluster` with defaults: no reserve, one `default` queue at 100 %.
public struct ClusterSpec: Sendable {
  /// The one queue of a cluster that declares none, with the whole share.
  public static let defaultQueueName = "default"

  public enum Purpose: String, Sendable { case training, inference, mixed }

  public struct RackGroup: Sendable {
    public var name: Located<String>
    public var count: Located<Int>
    public var serverModel: Located<String>
    public var perRack: Located<Int>
    /// W per rack; `nil` means the site's limit.
    public var powerLimit: Located<Double>?
    public var nodeLabel: (key: String, value: String)?
  }

  public struct Queue: Sendable {
    public var name: Located<String>
    public var share: Located<Double>
  }

  public var name: String
  public var nameRange: SourceRange
  /// `metadata.labels`, copied into the generated Kubernetes objects.
  public var labels: [String: String]
  public var site: Located<String>
  public var purpose: Located<Purpose>
  public var rackGroups: [RackGroup]
  public var fabric: Located<String>?
  public var storage: [Located<String>]
  public var reserve: Located<Double>
  public var queues: [Queue]

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    let spec = object.spec
    name = object.name
    nameRange = object.nameRange
    labels = read.textMap(object.metadata, "labels")
    site = read.text(spec, "site", default: "")
    let purposeText = read.text(spec, "purpose", default: "training")
    purpose = Located(Purpose(rawValue: purposeText.value) ?? .training, at: purposeText.range)
    rackGroups = (spec["racks"]?.items ?? []).map { group in
      let label = group["nodeLabel"]
      return RackGroup(
        name: read.text(group, "name", default: ""), count: read.count(group, "count", default: 0),
        serverModel: read.text(group["servers"], "model", default: ""),
        perRack: read.count(group["servers"], "perRack", default: 0),
        powerLimit: read.optionalNumber(group, "powerLimit"),
        nodeLabel: label.flatMap { node in
          guard let key = node["key"]?.text, let value = node["value"]?.text else { return nil }
          return (key, value)
        })
    }
    fabric = read.optionalText(spec, "fabric")
    storage = read.texts(spec, "storage")
    reserve = read.number(spec, "reserve", default: 0)
    let declared = (spec["queues"]?.items ?? []).map {
      Queue(name: read.text($0, "name", default: ""), share: read.number($0, "share", default: 0))
    }
    queues =
      declared.isEmpty
      ? [
        Queue(
          name: Located(Self.defaultQueueName, at: object.nameRange, isDefault: true),
          share: Located(1, at: object.nameRange, isDefault: true))
      ]
      : declared
  }
}

/// `Fabric` with defaults: compute purpose, `auto` tiers, 1:1.
public struct FabricSpec: Sendable {
  public var name: String
  public var purpose: Located<String>
  public var technology: Located<String>
  public var switchModel: Located<String>
  public var transceiver: Located<String>?
  public var topology: Located<String>
  /// `nil` for `auto`.
  public var tiers: Located<Int?>
  /// `nil`: the nodes' compute NIC count, resolved by the IR.
  public var planes: Located<Int>?
  /// Leaf down:up ratio as `down / up` (1 for 1:1).
  public var oversubscription: Located<Double>

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    let spec = object.spec
    name = object.name
    purpose = read.text(spec, "purpose", default: "compute")
    technology = read.text(spec, "technology", default: "infiniband")
    switchModel = read.text(spec, "switch", default: "")
    transceiver = read.optionalText(spec, "transceiver")
    topology = read.text(spec, "topology", default: "fat-tree")
    let tiersText = read.text(spec, "tiers", default: "auto")
    tiers = Located(Int(tiersText.value), at: tiersText.range, isDefault: tiersText.isDefault)
    planes = read.optionalCount(spec, "planes")
    oversubscription = read.number(spec, "oversubscription", default: 1)
  }
}

/// `Storage`.
public struct StorageSpec: Sendable {
  public var name: String
  public var site: Located<String>
  public var storageClass: Located<String>
  public var system: Located<String>?
  /// Bytes.
  public var capacity: Located<Double>
  /// Bytes per second.
  public var readBandwidth: Located<Double>
  public var writeBandwidth: Located<Double>?
  public var fabric: Located<String>?
  public var racks: Located<Int>
  /// W.
  public var power: Located<Double>
  public var price: Located<Double>?
  public var monthlyPrice: Located<Quantity>?

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    let spec = object.spec
    name = object.name
    site = read.text(spec, "site", default: "")
    storageClass = read.text(spec, "class", default: "")
    system = read.optionalText(spec, "system")
    capacity = read.number(spec, "capacity", default: 0)
    readBandwidth = read.number(spec, "readBandwidth", default: 0)
    writeBandwidth = read.optionalNumber(spec, "writeBandwidth")
    fabric = read.optionalText(spec, "fabric")
    racks = read.count(spec, "racks", default: 0)
    power = read.number(spec, "power", default: 0)
    price = read.optionalNumber(spec, "price")
    monthlyPrice = spec["monthlyPrice"].flatMap { node in node.quantity.map { Located($0, at: node.range) } }
  }
}

/// `Model` with defaults: source = name, active = total parameters, bf16, 8Ki context.
public struct ModelSpec: Sendable {
  public var name: String
  public var source: Located<String>
  public var parameters: Located<Double>
  public var activeParameters: Located<Double>
  public var experts: Located<Int>?
  public var expertsPerToken: Located<Int>?
  public var weightsPrecision: Located<String>
  public var layers: Located<Int>?
  /// Bytes per token across all layers, stated or computed from `kv`.
  public var kvCacheBytesPerToken: Located<Double>?
  public var kvCachePrecision: Located<String>
  public var contextLength: Located<Int>

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    let spec = object.spec
    name = object.name
    source = read.text(spec, "source", default: object.name)
    parameters = read.number(spec, "parameters", default: 0)
    let active = read.number(spec, "activeParameters", default: parameters.value)
    activeParameters = active.isDefault ? Located(parameters.value, at: parameters.range, isDefault: true) : active
    experts = read.optionalCount(spec, "experts")
    expertsPerToken = read.optionalCount(spec, "expertsPerToken")
    weightsPrecision = read.text(spec, "weightsPrecision", default: "bf16")
    layers = read.optionalCount(spec, "layers")
    kvCachePrecision = read.text(spec, "kvCachePrecision", default: "bf16")
    contextLength = read.count(spec, "contextLength", default: 8192)
    if let stated = read.optionalNumber(spec, "kvCacheBytesPerToken") {
      kvCacheBytesPerToken = stated
    } else if let kv = spec["kv"], let heads = kv["heads"]?.number, let headDim = kv["headDim"]?.number, let layers {
      let bytes = ModelConsistencyCheck.precisionBytes[kvCachePrecision.value] ?? 2
      kvCacheBytesPerToken = Located(2 * Double(layers.value) * heads * headDim * bytes, at: kv.range)
    } else {
      kvCacheBytesPerToken = nil
    }
  }
}

/// `Region` and its serving entries, with defaults: no residency rule, vLLM, a pinned image per
/// engine, parallelism 1, one replica, 90 % GPU memory.
public struct RegionSpec: Sendable {
  public struct Serving: Sendable {
    public var name: Located<String>
    public var model: Located<String>
    public var cluster: Located<String>
    public var rackGroup: Located<String>?
    public var engine: Located<String>
    public var image: Located<String>
    public var tensor: Located<Int>
    public var pipeline: Located<Int>
    public var expert: Located<Int>
    public var data: Located<Int>
    public var minReplicas: Located<Int>
    public var maxReplicas: Located<Int>
    /// Output tokens per second at peak.
    public var peakDemand: Located<Double>
    public var averageInput: Located<Int>?
    public var averageOutput: Located<Int>?
    public var averageContext: Located<Int>?
    /// Seconds.
    public var ttft: Located<Double>?
    public var tpot: Located<Double>?
    public var availability: Located<Double>?
    public var gpuMemoryUtilization: Located<Double>
    public var maxBatch: Located<Int>?
    public var maxModelLen: Located<Int>?
    public var extraArguments: [Located<String>]
    public var secrets: [Secret]

    /// GPUs per replica = tensor × pipeline × data.
    /// tensor × pipeline × data, saturating at Int.max rather than trapping on absurd inputs.
    public var gpusPerReplica: Int {
      saturatingMultiply(saturatingMultiply(tensor.value, pipeline.value), data.value)
    }
  }

  public struct Secret: Sendable {
    public var name: String
    public var key: String
    public var env: String?
    public var mountPath: String?
  }

  /// The image used when a serving entry names none: pinned, never `latest`.
  public static let defaultImages: [String: String] = [
    "vllm": "vllm/vllm-openai:v0.8.5",
    "sglang": "lmsysorg/sglang:v0.4.6.post1-cu124",
    "tensorrt-llm": "nvcr.io/nvidia/tritonserver:25.04-trtllm-python-py3",
  ]

  public var name: String
  /// `metadata.labels`, copied into the generated Kubernetes objects.
  public var labels: [String: String]
  public var jurisdiction: Located<String>
  public var dataResidency: Located<String>
  public var serving: [Serving]

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    let spec = object.spec
    name = object.name
    labels = read.textMap(object.metadata, "labels")
    jurisdiction = read.text(spec, "jurisdiction", default: "")
    dataResidency = read.text(spec, "dataResidency", default: "none")
    serving = (spec["serving"]?.items ?? []).map { entry in
      let engine = read.text(entry, "engine", default: "vllm")
      let image = read.text(entry, "image", default: Self.defaultImages[engine.value] ?? "")
      let parallelism = entry["parallelism"]
      let replicas = entry["replicas"]
      let minimum = read.count(replicas, "min", default: 1)
      let demand = entry["demand"]
      let slo = entry["slo"]
      let engineArgs = entry["engineArgs"]
      return Serving(
        name: read.text(entry, "name", default: ""), model: read.text(entry, "model", default: ""),
        cluster: read.text(entry, "cluster", default: ""), rackGroup: read.optionalText(entry, "rackGroup"),
        engine: engine, image: image, tensor: read.count(parallelism, "tensor", default: 1),
        pipeline: read.count(parallelism, "pipeline", default: 1),
        expert: read.count(parallelism, "expert", default: 1),
        data: read.count(parallelism, "data", default: 1), minReplicas: minimum,
        maxReplicas: read.count(replicas, "max", default: minimum.value),
        peakDemand: read.number(demand, "peak", default: 0), averageInput: read.optionalCount(demand, "averageInput"),
        averageOutput: read.optionalCount(demand, "averageOutput"),
        averageContext: read.optionalCount(demand, "averageContext"), ttft: read.optionalNumber(slo, "ttft"),
        tpot: read.optionalNumber(slo, "tpot"), availability: read.optionalNumber(slo, "availability"),
        gpuMemoryUtilization: read.number(engineArgs, "gpuMemoryUtilization", default: 0.9),
        maxBatch: read.optionalCount(engineArgs, "maxBatch"),
        maxModelLen: read.optionalCount(engineArgs, "maxModelLen"),
        extraArguments: read.texts(engineArgs, "extra"),
        secrets: (entry["secrets"]?.items ?? []).map {
          Secret(
            name: $0["name"]?.text ?? "", key: $0["key"]?.text ?? "", env: $0["env"]?.text,
            mountPath: $0["mountPath"]?.text)
        })
    }
  }
}

/// `TrainingRun` with defaults: BF16 peak, the cluster's first queue, 14 checkpoint bytes per parameter.
public struct TrainingRunSpec: Sendable {
  public var name: String
  public var nameRange: SourceRange
  public var model: Located<String>
  public var cluster: Located<String>
  public var gpus: Located<Int>
  public var tokens: Located<Double>
  public var precision: Located<String>
  public var mfu: Located<Double>
  /// Seconds.
  public var checkpointInterval: Located<Double>?
  public var checkpointStorage: Located<String>?
  /// Bytes per parameter in a checkpoint: bf16 weights (2) + fp32 master weights and Adam moments
  /// (12), as in ZeRO (arXiv:1910.02054) without gradients.
  public var checkpointBytesPerParameter: Located<Double>
  public var gpuHourPrice: Located<Double>?
  public var image: Located<String>?
  public var command: [Located<String>]
  /// `nil`: the cluster's first queue.
  public var queue: Located<String>?

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    let spec = object.spec
    name = object.name
    nameRange = object.nameRange
    model = read.text(spec, "model", default: "")
    cluster = read.text(spec, "cluster", default: "")
    gpus = read.count(spec, "gpus", default: 0)
    tokens = read.number(spec, "tokens", default: 0)
    precision = read.text(spec, "precision", default: "bf16")
    mfu = read.number(spec, "mfu", default: 0)
    checkpointInterval = read.optionalNumber(spec["checkpoint"], "interval")
    checkpointStorage = read.optionalText(spec["checkpoint"], "storage")
    checkpointBytesPerParameter = read.number(spec["checkpoint"], "bytesPerParameter", default: 14)
    gpuHourPrice = read.optionalNumber(spec, "gpuHourPrice")
    image = read.optionalText(spec, "image")
    command = read.texts(spec, "command")
    queue = read.optionalText(spec, "queue")
  }
}

/// `Policy`: per check id, the severity and thresholds a rule sets.
public struct PolicySpec: Sendable {
  public struct Rule: Sendable {
    public var check: Located<String>
    /// `nil`: the check's default; `.some(nil)`: off.
    public var severity: Severity??
    public var min: Located<String>?
    public var max: Located<String>?
    public var capex: Located<Double>?
    public var monthlyOpex: Located<Double>?
    public var tco: Located<Double>?
  }

  public var rules: [Rule]

  public func rule(_ check: String) -> Rule? { rules.first { $0.check.value == check } }

  init(_ object: SpecObject) {
    let read = TypedReader(fallback: object.nameRange)
    rules = (object.spec["rules"]?.items ?? []).map { rule in
      let severity: Severity?? =
        rule["severity"]?.text.map { $0 == "off" ? .some(nil) : .some(Severity(rawValue: $0)) } ?? nil
      return Rule(
        check: read.text(rule, "check", default: ""), severity: severity, min: read.optionalText(rule, "min"),
        max: read.optionalText(rule, "max"), capex: read.optionalNumber(rule, "capex"),
        monthlyOpex: read.optionalNumber(rule, "monthlyOpex"), tco: read.optionalNumber(rule, "tco"))
    }
  }
}

/// The typed view of a whole project, every default applied, for the IR and later stages.
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

  public init(_ project: Project) {
    self.project = project.objects(.project).first.map(ProjectSpec.init) ?? ProjectSpec.defaults
    sites = project.objects(.site).map(SiteSpec.init)
    clusters = project.objects(.cluster).map(ClusterSpec.init)
    fabrics = project.objects(.fabric).map(FabricSpec.init)
    storage = project.objects(.storage).map(StorageSpec.init)
    models = project.objects(.model).map(ModelSpec.init)
    regions = project.objects(.region).map(RegionSpec.init)
    trainingRuns = project.objects(.trainingRun).map(TrainingRunSpec.init)
    policy = project.objects(.policy).first.map(PolicySpec.init)
  }
}
