/// The schema of every kind's `spec`, from the language reference (docs/language.md).
public enum KindSchemas {
  static let percent = FieldType.quantity([.percent])
  static let money = FieldType.quantity([.money])
  static let power = FieldType.quantity([.power])
  static let dataSize = FieldType.quantity([.dataSize])
  static let bandwidth = FieldType.quantity([.bandwidth])
  static let duration = FieldType.quantity([.time])
  static let precisions = ["fp32", "bf16", "fp16", "fp8", "int8", "int4"]
  static let computePrecisions = ["bf16", "fp16", "fp32", "tf32", "int8", "fp8", "fp4", "fp64"]
  /// A parallel degree: the largest published jobs use a few thousand GPUs per dimension.
  static let degree = FieldRange.atMost(65_536, "65,536")
  static let replicas = FieldRange.atMost(1_000_000, "1,000,000")

  // MARK: Project

  public static let project = ObjectSchema(
    "Project-wide settings; the Project lives in kiln.yaml at the project root.",
    [
      FieldSchema(
        "include", .list(.text), default: "[\"**/*.yaml\", \"**/*.yml\"]", "Globs of spec files, relative to the root."),
      FieldSchema("exclude", .list(.text), default: "[]", "Globs of files to leave out."),
      FieldSchema("lifetime", duration, default: "4y", "Depreciation period of capex in TCO and $/GPU-hour."),
      FieldSchema("utilization", percent, default: "80%", "Expected average GPU utilization."),
      FieldSchema("loadFactor", percent, default: "65%", "Average draw over maximum power, for energy opex."),
      FieldSchema(
        "kubernetes",
        .object(
          ObjectSchema(
            "Settings of the generated Kubernetes manifests.",
            [
              FieldSchema("version", .text, default: "\"1.31\"", "Target Kubernetes API version."),
              FieldSchema("namespacePrefix", .text, default: "\"\"", "Prefix of generated namespaces."),
              FieldSchema("imageRegistry", .text, "Registry prefixed to images without one."),
              FieldSchema("ingressNamespace", .text, default: "ingress", "Namespace allowed to reach serving ports."),
              FieldSchema("monitoringNamespace", .text, default: "monitoring", "Namespace allowed to scrape metrics."),
              FieldSchema(
                "monitoringLabels", .textMap, default: "{}", "Labels added to ServiceMonitor and PrometheusRule."),
              FieldSchema(
                "topologyLabels",
                .object(
                  ObjectSchema(
                    "Node label keys of Kueue topology levels.",
                    [
                      FieldSchema(
                        "block", .text, default: "kiln.dev/fabric-block", "Label of a leaf group or scalable unit."),
                      FieldSchema("rack", .text, default: "kiln.dev/rack", "Label of a rack."),
                    ])), "Node label keys for Kueue topology levels."),
            ])), "Kubernetes settings."),
      FieldSchema(
        "environments",
        .objectMap(environment),
        "Overlays applied by --env NAME; each entry is {overlays: [globs]}."),
    ])

  /// An environment entry; environments are a map whose keys are environment names.
  public static let environment = ObjectSchema(
    "An environment.",
    [FieldSchema("overlays", .list(.text), required: true, "Globs of overlay files, relative to the root.")])

  // MARK: Catalog

  static let provenance: [FieldSchema] = [
    FieldSchema("source", .text, "Where the figures come from."),
    FieldSchema("estimate", .boolean, default: "false", "True when a figure is an estimate."),
    FieldSchema("estimatedFields", .list(.text), "Which fields are estimates."),
    FieldSchema("basis", .text, "The basis of the estimates."),
  ]

  public static let catalogGPU = ObjectSchema(
    "A GPU model.",
    [
      FieldSchema("name", .text, required: true, "Catalog name."),
      FieldSchema("vendor", .choice(["nvidia", "amd", "other"]), required: true, "Vendor."),
      FieldSchema("memory", dataSize, required: true, range: .positive, "HBM capacity."),
      FieldSchema("memoryBandwidth", bandwidth, required: true, range: .positive, "HBM bandwidth."),
      FieldSchema(
        "compute",
        .object(
          ObjectSchema(
            "Dense peak throughput per precision.",
            computePrecisions.map { FieldSchema($0, .quantity([.compute]), range: .positive, "Dense \($0) peak.") })),
        required: true, "Dense peak throughput per precision."),
      FieldSchema("power", power, required: true, "Board power (TDP)."),
      FieldSchema("nvlinkBandwidth", bandwidth, "Scale-up bandwidth per GPU, bidirectional."),
      FieldSchema("price", money, "Unit price."),
      FieldSchema(
        "nodeLabel",
        .object(
          ObjectSchema(
            "A Kubernetes node label.",
            [
              FieldSchema("key", .text, required: true, "Label key."),
              FieldSchema("value", .text, required: true, "Label value."),
            ])), "Node label that selects nodes with this GPU."),
    ] + provenance)

  static let nic = ObjectSchema(
    "A group of identical NICs.",
    [
      FieldSchema("role", .choice(["compute", "storage"]), required: true, "Which fabric the NICs join."),
      FieldSchema("count", .count, required: true, "Number of NIC ports."),
      FieldSchema("speed", bandwidth, required: true, "Port speed."),
      FieldSchema("transceiver", .reference("catalog:transceivers"), "Server-side transceiver."),
    ])

  public static let catalogServer = ObjectSchema(
    "A server model.",
    [
      FieldSchema("name", .text, required: true, "Catalog name."),
      FieldSchema("gpu", .reference("catalog:gpus"), "GPU model; required unless gpuCount is 0."),
      FieldSchema("gpuCount", .count, required: true, "GPUs per server."),
      FieldSchema("rackUnits", .count, required: true, "Height in rack units."),
      FieldSchema("power", power, required: true, "Maximum system power."),
      FieldSchema("cpuCores", .count, "CPU cores."),
      FieldSchema("memory", dataSize, "Host memory."),
      FieldSchema("localStorage", dataSize, "Local NVMe capacity."),
      FieldSchema("scaleUpDomain", .count, default: "gpuCount", "GPUs sharing one NVLink domain."),
      FieldSchema("nics", .list(.object(nic)), "NICs by role."),
      FieldSchema("price", money, "Whole system price, GPUs included."),
    ] + provenance)

  public static let catalogSwitch = ObjectSchema(
    "A switch model.",
    [
      FieldSchema("name", .text, required: true, "Catalog name."),
      FieldSchema("technology", .choice(["infiniband", "ethernet"]), required: true, "Link technology."),
      FieldSchema("ports", .count, required: true, range: .positive, "Ports at full speed."),
      FieldSchema("speed", bandwidth, required: true, range: .positive, "Port speed."),
      FieldSchema(
        "breakout",
        .object(
          ObjectSchema(
            "Split-port mode.",
            [
              FieldSchema("ports", .count, required: true, "Ports in breakout mode."),
              FieldSchema("speed", bandwidth, required: true, "Breakout port speed."),
            ])), "Split-port mode."),
      FieldSchema("rackUnits", .count, default: "1", "Height in rack units."),
      FieldSchema("power", power, "Maximum power."),
      FieldSchema("price", money, "Unit price."),
    ] + provenance)

  public static let catalogTransceiver = ObjectSchema(
    "An optical module.",
    [
      FieldSchema("name", .text, required: true, "Catalog name."),
      FieldSchema("speed", bandwidth, required: true, "Module speed."),
      FieldSchema("ports", .count, default: "1", "Switch ports per module."),
      FieldSchema("power", power, "Power per module."),
      FieldSchema("price", money, "Unit price."),
    ] + provenance)

  public static let catalog = ObjectSchema(
    "Entries added to the built-in catalog, or overriding built-in entries field by field.",
    [
      FieldSchema("gpus", .list(.object(catalogGPU)), "GPU models."),
      FieldSchema("servers", .list(.object(catalogServer)), "Server models."),
      FieldSchema("switches", .list(.object(catalogSwitch)), "Switch models."),
      FieldSchema("transceivers", .list(.object(catalogTransceiver)), "Optical modules."),
    ])

  // MARK: Site

  public static let site = ObjectSchema(
    "A data center.",
    [
      FieldSchema("region", .text, required: true, "Cloud-style region; becomes topology.kubernetes.io/region."),
      FieldSchema("location", .text, "Free-text location."),
      FieldSchema("jurisdiction", .text, required: true, "ISO 3166-1 alpha-2 code, or EU / EEA."),
      FieldSchema("ownership", .choice(["owned", "colocation", "cloud"]), default: "owned", "Who owns the facility."),
      FieldSchema(
        "cooling", .choice(["air", "hybrid", "liquid"]), default: "air", "Cooling; sets the default rack power limit."),
      FieldSchema(
        "power",
        .object(
          ObjectSchema(
            "Facility power.",
            [
              FieldSchema("capacity", power, required: true, "Facility power available; IT load × PUE must fit."),
              FieldSchema("pue", .factor, default: "1.3", "Power usage effectiveness."),
              FieldSchema("price", .quantity([.energyPrice]), "Energy price; required for owned sites."),
              FieldSchema("carbonIntensity", .quantity([.emissionFactor]), "Grid emission factor."),
            ])), "Facility power; owned and colocation sites."),
      FieldSchema(
        "racks",
        .object(
          ObjectSchema(
            "Rack positions.",
            [
              FieldSchema("positions", .count, required: true, "Rack slots on the floor."),
              FieldSchema("units", .count, default: "42", "Rack units per rack."),
              FieldSchema("powerLimit", power, default: "20kW air, 45kW hybrid, 120kW liquid", "Power limit per rack."),
            ])), "Rack positions; owned and colocation sites."),
      FieldSchema(
        "colocation",
        .object(
          ObjectSchema(
            "Colocation contract.",
            [FieldSchema("price", .quantity([.powerPrice]), required: true, "Price per kW of contracted IT power.")])),
        "Colocation sites only."),
      FieldSchema(
        "cloud",
        .object(
          ObjectSchema(
            "Cloud rental.",
            [FieldSchema("gpuHourPrice", .quantity([.hourlyPrice]), required: true, "Price per GPU-hour.")])),
        "Cloud sites only."),
    ])

  // MARK: Cluster

  static let rackGroup = ObjectSchema(
    "A group of identical racks.",
    [
      FieldSchema("name", .name, required: true, "Rack group name."),
      FieldSchema("count", .count, required: true, range: .atMost(1_000_000, "1,000,000"), "Number of racks."),
      FieldSchema(
        "servers",
        .object(
          ObjectSchema(
            "Servers in each rack.",
            [
              FieldSchema("model", .reference("catalog:servers"), required: true, "Catalog server."),
              FieldSchema("perRack", .count, required: true, range: .atMost(1_000, "1,000"), "Servers per rack."),
            ])), required: true, "Servers in each rack."),
      FieldSchema("powerLimit", power, default: "the site's racks.powerLimit", "Power limit per rack."),
      FieldSchema(
        "nodeLabel",
        .object(
          ObjectSchema(
            "A Kubernetes node label.",
            [
              FieldSchema("key", .text, required: true, "Label key."),
              FieldSchema("value", .text, required: true, "Label value."),
            ])), default: "the GPU's catalog nodeLabel", "Node label that selects these servers."),
    ])

  public static let cluster = ObjectSchema(
    "GPU racks at one site.",
    [
      FieldSchema("site", .reference("Site"), required: true, "The site."),
      FieldSchema("purpose", .choice(["training", "inference", "mixed"]), required: true, "What the cluster runs."),
      FieldSchema("racks", .list(.object(rackGroup)), required: true, "Rack groups."),
      FieldSchema("fabric", .reference("Fabric"), "Compute fabric; required for training and mixed clusters."),
      FieldSchema("storage", .list(.reference("Storage")), "Storage tiers the cluster reads from."),
      FieldSchema("reserve", percent, default: "0%", "Hot spares, rounded up to whole servers."),
      FieldSchema(
        "queues",
        .list(
          .object(
            ObjectSchema(
              "A Kueue queue.",
              [
                FieldSchema("name", .name, required: true, "Queue name."),
                FieldSchema("share", percent, required: true, "Share of the queueable GPUs."),
              ]))), default: "[{name: default, share: 100%}]", "Kueue quota split."),
    ])

  // MARK: Fabric

  public static let fabric = ObjectSchema(
    "A network.",
    [
      FieldSchema("purpose", .choice(["compute", "storage"]), default: "compute", "What the fabric carries."),
      FieldSchema("technology", .choice(["infiniband", "ethernet"]), required: true, "Link technology."),
      FieldSchema("switch", .reference("catalog:switches"), required: true, "Catalog switch."),
      FieldSchema("transceiver", .reference("catalog:transceivers"), default: "none: copper", "Switch-side optics."),
      FieldSchema("topology", .choice(["fat-tree", "rail-optimized", "multi-plane"]), required: true, "Topology."),
      FieldSchema("tiers", .choice(["1", "2", "3", "auto"]), default: "auto", "Switch tiers."),
      FieldSchema("planes", .count, default: "the nodes' compute NIC count", "Planes of a multi-plane fabric."),
      FieldSchema("oversubscription", .ratio, default: "\"1:1\"", "Leaf down:up port ratio."),
    ])

  // MARK: Storage

  public static let storage = ObjectSchema(
    "A storage tier.",
    [
      FieldSchema("site", .reference("Site"), required: true, "The site."),
      FieldSchema("class", .choice(["parallel-fs", "object", "block"]), required: true, "Storage class."),
      FieldSchema("system", .text, "Free text: lustre, weka, 3fs, ceph, vast, …"),
      FieldSchema("capacity", dataSize, required: true, "Usable capacity."),
      FieldSchema("readBandwidth", bandwidth, required: true, "Aggregate read bandwidth."),
      FieldSchema("writeBandwidth", bandwidth, "Aggregate write bandwidth."),
      FieldSchema("fabric", .reference("Fabric"), "A Fabric with purpose storage."),
      FieldSchema("racks", .count, "Rack positions it takes."),
      FieldSchema("power", power, "Power draw."),
      FieldSchema("price", money, "Capex."),
      FieldSchema("monthlyPrice", .quantity([.storagePrice, .monthlyPrice]), "Opex instead of capex."),
    ])

  // MARK: Model

  public static let model = ObjectSchema(
    "A model.",
    [
      FieldSchema("source", .text, default: "metadata.name", "Hugging Face id or a path the engine loads."),
      FieldSchema("parameters", .count, required: true, "Total parameters."),
      FieldSchema("activeParameters", .count, default: "parameters", "Parameters used per token (MoE)."),
      FieldSchema("experts", .count, "Routed experts per layer (MoE)."),
      FieldSchema("expertsPerToken", .count, "Routed experts used per token (MoE)."),
      FieldSchema("weightsPrecision", .choice(precisions), default: "bf16", "Precision of the weights."),
      FieldSchema("layers", .count, "Transformer layers."),
      FieldSchema("kvCacheBytesPerToken", dataSize, "KV cache per token across all layers."),
      FieldSchema(
        "kv",
        .object(
          ObjectSchema(
            "Attention geometry for MHA/GQA models.",
            [
              FieldSchema("heads", .count, required: true, "KV heads."),
              FieldSchema("headDim", .count, required: true, "Head dimension."),
            ])), "KV geometry: 2 × layers × heads × headDim × bytes per token."),
      FieldSchema("kvCachePrecision", .choice(precisions), default: "bf16", "Precision of the KV cache."),
      FieldSchema("contextLength", .count, default: "8Ki", "Maximum context length in tokens."),
    ])

  // MARK: Region

  static let serving = ObjectSchema(
    "A model served in a region.",
    [
      FieldSchema("name", .name, required: true, "Serving entry name; the workload is <region>-<name>."),
      FieldSchema("model", .reference("Model"), required: true, "The model."),
      FieldSchema("cluster", .reference("Cluster"), required: true, "A Cluster with purpose inference or mixed."),
      FieldSchema("rackGroup", .name, default: "any", "Rack group whose servers serve it."),
      FieldSchema("engine", .choice(["vllm", "sglang", "tensorrt-llm"]), default: "vllm", "Serving engine."),
      FieldSchema(
        "image", .image, default: "a pinned default per engine", "Container image with a pinned tag or digest."),
      FieldSchema(
        "parallelism",
        .object(
          ObjectSchema(
            "Parallelism of one replica.",
            [
              FieldSchema("tensor", .count, default: "1", range: Self.degree, "Tensor parallel degree."),
              FieldSchema("pipeline", .count, default: "1", range: Self.degree, "Pipeline parallel degree."),
              FieldSchema("expert", .count, default: "1", range: Self.degree, "Expert parallel degree."),
              FieldSchema("data", .count, default: "1", range: Self.degree, "Data parallel degree inside a replica."),
            ])), "GPUs per replica = tensor × pipeline × data."),
      FieldSchema(
        "replicas",
        .object(
          ObjectSchema(
            "Replica bounds.",
            [
              FieldSchema("min", .count, default: "1", range: Self.replicas, "Minimum replicas."),
              FieldSchema("max", .count, default: "min", range: Self.replicas, "Maximum replicas."),
            ])), "Autoscaling bounds."),
      FieldSchema(
        "demand",
        .object(
          ObjectSchema(
            "Expected load.",
            [
              FieldSchema("peak", .quantity([.throughput]), required: true, "Peak output tokens per second."),
              FieldSchema("averageInput", .count, "Average input tokens per request."),
              FieldSchema("averageOutput", .count, "Average output tokens per request."),
              FieldSchema("averageContext", .count, "Average context; stands in for input + output / 2."),
            ])), required: true, "Expected load."),
      FieldSchema(
        "slo",
        .object(
          ObjectSchema(
            "Service level objectives.",
            [
              FieldSchema("ttft", duration, "Time to first token, p95."),
              FieldSchema("tpot", duration, "Time per output token, p95."),
              FieldSchema("availability", percent, "Availability."),
            ])), "Service level objectives."),
      FieldSchema(
        "engineArgs",
        .object(
          ObjectSchema(
            "Engine arguments.",
            [
              FieldSchema("gpuMemoryUtilization", percent, default: "90%", "Fraction of GPU memory the engine uses."),
              FieldSchema("maxBatch", .count, "Maximum concurrent sequences."),
              FieldSchema("maxModelLen", .count, default: "the model's contextLength", "Maximum sequence length."),
              FieldSchema("extra", .list(.text), "Extra command-line arguments."),
            ])), "Engine arguments."),
      FieldSchema(
        "secrets",
        .list(
          .object(
            ObjectSchema(
              "A reference to a Kubernetes Secret.", isSecretReference: true,
              [
                FieldSchema("name", .name, required: true, "Secret name."),
                FieldSchema("key", .text, required: true, "Key in the Secret."),
                FieldSchema("env", .text, "Environment variable to expose it as."),
                FieldSchema("mountPath", .text, "Path to mount it at."),
              ]))), "Secrets by reference only."),
    ])

  public static let region = ObjectSchema(
    "An inference region.",
    [
      FieldSchema("jurisdiction", .text, required: true, "ISO 3166-1 alpha-2 code, or EU / EEA."),
      FieldSchema(
        "dataResidency", .choice(["none", "strict"]), default: "none",
        "strict: serving sites must be inside the jurisdiction."),
      FieldSchema(
        "ingress",
        .object(
          ObjectSchema(
            "Front door.",
            [
              FieldSchema("loadBalancer", .choice(["nginx", "haproxy", "envoy", "cloud"]), "Load balancer."),
              FieldSchema("cdn", .boolean, default: "false", "Whether a CDN fronts the region."),
              FieldSchema("gateway", .text, "API gateway."),
            ])), "Front door."),
      FieldSchema("serving", .list(.object(serving)), required: true, "Serving entries."),
    ])

  // MARK: TrainingRun

  public static let trainingRun = ObjectSchema(
    "A training run.",
    [
      FieldSchema("model", .reference("Model"), required: true, "The model."),
      FieldSchema("cluster", .reference("Cluster"), required: true, "The cluster."),
      FieldSchema("gpus", .count, required: true, "GPUs, in whole servers."),
      FieldSchema("tokens", .count, required: true, "Training tokens."),
      FieldSchema(
        "precision", .choice(["bf16", "fp16", "fp8", "tf32", "fp32"]), default: "bf16",
        "The peak MFU is measured against."),
      FieldSchema("mfu", percent, required: true, "Model FLOPs utilization."),
      FieldSchema(
        "checkpoint",
        .object(
          ObjectSchema(
            "Checkpointing.",
            [
              FieldSchema("interval", duration, required: true, "Time between checkpoints."),
              FieldSchema("storage", .reference("Storage"), required: true, "Where checkpoints go."),
              FieldSchema("bytesPerParameter", .count, default: "14", "Checkpoint bytes per parameter."),
            ])), "Checkpointing."),
      FieldSchema("gpuHourPrice", .quantity([.hourlyPrice]), "Price the run at a rental rate."),
      FieldSchema("image", .image, "Trainer image for the JobSet."),
      FieldSchema("command", .list(.text), "Trainer command."),
      FieldSchema("queue", .name, default: "the cluster's first queue", "Kueue queue."),
    ])

  // MARK: Policy

  public static let policyRule = ObjectSchema(
    "Configuration of one built-in check.",
    [
      FieldSchema("check", .text, required: true, "Check id (see the table of checks)."),
      FieldSchema("severity", .choice(["error", "warning", "note", "off"]), "Severity of the check's diagnostics."),
      FieldSchema("min", .scalar, "Lower threshold, typed by the check."),
      FieldSchema("max", .scalar, "Upper threshold, typed by the check."),
      FieldSchema("capex", money, "Budget check: maximum capex."),
      FieldSchema("monthlyOpex", .quantity([.monthlyPrice, .money]), "Budget check: maximum monthly opex."),
      FieldSchema("tco", money, "Budget check: maximum TCO."),
    ])

  public static let policy = ObjectSchema(
    "Configuration of Kiln's checks; at most one per project.",
    [FieldSchema("rules", .list(.object(policyRule)), required: true, "Check configurations.")])
}
