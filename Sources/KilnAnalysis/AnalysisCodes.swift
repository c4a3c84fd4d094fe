import KilnDiagnostics

/// The analyzer's diagnostics: K4xxx physical (power, space, fabric), K6xxx serving, training and
/// residency. Each maps to a Policy check id, which sets its severity and threshold.
public enum AnalysisCodes {
  public static let expansionTooLarge = DiagnosticCode(
    "K4001", "project too large to expand",
    explanation:
      "Expanding the project link by link (servers, GPUs, NIC ports, switches, links) would create more than 10,000,000 objects. Kiln refuses before allocating anything; the counts, checks and reports, which do not need the expansion, still work.",
    example: "racks: [{name: gpu, count: 100000, servers: {model: DGX-H100, perRack: 4}}]",
    fix: "Split the project, or check whether a count has too many digits.")
  public static let rackPower = DiagnosticCode(
    "K4101", "rack draws more than its power limit", check: "rack-power",
    explanation:
      "Servers per rack × each server's maximum power exceeds the rack's power limit (the rack group's powerLimit, else the site's racks.powerLimit, else the default for the site's cooling: 20 kW air, 45 kW hybrid, 120 kW liquid).",
    example:
      "racks:\n  - {name: gpu, count: 8, servers: {model: DGX-H100, perRack: 5}, powerLimit: 44kW}   # 5 × 10.2 kW = 51 kW\n",
    fix: "Put fewer servers in each rack (more racks), or raise the limit if the facility's power and cooling allow it."
  )
  public static let rackUnits = DiagnosticCode(
    "K4102", "servers do not fit in the rack", check: "rack-units",
    explanation: "Servers per rack × each server's height exceeds the site's rack units (racks.units, default 42).",
    example: "servers: {model: DGX-H100, perRack: 6}   # 6 × 8U = 48U in a 42U rack\n",
    fix: "Put fewer servers in each rack, or declare taller racks at the site.")
  public static let rackLimitAboveSite = DiagnosticCode(
    "K4103", "rack group limit above the site's", severity: .warning, check: "rack-power",
    explanation:
      "A rack group's powerLimit is above the site's rack power limit (its racks.powerLimit, or the default for its cooling: 20 kW air, 45 kW hybrid, 120 kW liquid): the facility may not deliver or cool it.",
    example: "powerLimit: 60kW   # the site allows 44kW per rack\n",
    fix: "Lower the rack group's limit, or raise the site's if the facility supports it.")
  public static let sitePower = DiagnosticCode(
    "K4201", "site power exceeded", check: "site-power",
    explanation:
      "The site's IT load at maximum power (GPU servers, storage and network switches), times the PUE, exceeds the facility power capacity.",
    example: "power: {capacity: 1MW, pue: 1.3}   # 96 DGX-H100 × 10.2 kW × 1.3 = 1.27 MW\n",
    fix: "Add capacity, move clusters to another site, or use fewer servers.")
  public static let sitePowerHeadroom = DiagnosticCode(
    "K4202", "site power headroom below the policy minimum", severity: .warning, check: "site-power-headroom",
    explanation:
      "The facility power left after the IT load × PUE is below the minimum headroom (10 % by default, or the Policy's site-power-headroom min).",
    example: "power: {capacity: 1.3MW, pue: 1.3}   # 1.27 MW used: 2 % left\n",
    fix: "Add capacity or reduce the load; or lower the minimum in the Policy if the margin is intended.")
  public static let sitePositions = DiagnosticCode(
    "K4203", "site has too few rack positions", check: "site-positions",
    explanation:
      "GPU racks, storage racks and network racks (switches packed into racks of the site's height) need more positions than the site has.",
    example: "racks: {positions: 10}   # 12 GPU racks + 2 network racks\n",
    fix: "Add positions, or place clusters at other sites.")
  public static let fabricCapacity = DiagnosticCode(
    "K4301", "fabric cannot hold its endpoints", check: "fabric-capacity",
    explanation:
      "The attached NIC ports outnumber what the declared tiers and planes can connect at the switch's radix and the oversubscription (two tiers hold k × down endpoints, k²/2 at 1:1; three tiers k³/4 at 1:1).",
    example: "tiers: 2   # 64-port switches hold 2,048 endpoints at 1:1; 2,176 are attached\n",
    fix: "Declare more tiers (or `auto`), more planes, a switch with more ports, or split the cluster.")
  public static let fabricPortSpeed = DiagnosticCode(
    "K4302", "switch ports slower than the NICs", check: "fabric-port-speed",
    explanation:
      "The attached servers' NICs are faster than the switch's ports (and its breakout ports): the links would run at the switch's speed.",
    example: "switch: QM8700   # 200 Gb/s ports; the servers have 400 Gb/s NICs\n",
    fix: "Use a switch as fast as the NICs (QM9700 for 400 Gb/s InfiniBand).")
  public static let fabricOversubscription = DiagnosticCode(
    "K4303", "training fabric oversubscribed", severity: .warning, check: "fabric-oversubscription",
    explanation:
      "A compute fabric that carries a training or mixed cluster is oversubscribed beyond the maximum (1:1 by default: the DGX SuperPOD reference architecture's compute fabric is non-blocking; the Policy's fabric-oversubscription max changes it). Storage fabrics are not checked: the same RA's storage fabric is about 4:3 on the clients' side.",
    example: "oversubscription: \"2:1\"   # on the fabric of a training cluster\n",
    fix: "Make the fabric non-blocking, or raise the maximum in the Policy if the workload tolerates it.")
  public static let fabricFieldEffect = DiagnosticCode(
    "K4304", "fabric field without effect", severity: .warning, check: "fabric-field-effect",
    explanation:
      "A Fabric field describes a tier or a topology the sized fabric does not have: a spine taper, pods or a core switch on fewer than three tiers, spine switches on one tier, dual-homing or a leaf per rack on a dragonfly. Kiln sizes the fabric without it, which is not the design the spec describes.",
    example: "tiers: 2\nspineOversubscription: \"7:1\"   # two tiers have no spine uplinks\n",
    fix: "Declare the tiers the field needs (`tiers: 3`), or remove the field.")
  public static let storageReadPerGPU = DiagnosticCode(
    "K4401", "storage read bandwidth per GPU below the minimum", severity: .warning, check: "storage-read-per-gpu",
    explanation:
      "A storage tier's read bandwidth, shared by every GPU of the clusters that read from it, is below the minimum per GPU (0.5 GB/s by default: the DGX SuperPOD RA's \"Good\" level is 4 GB/s per 8-GPU node; the Policy's storage-read-per-gpu min changes it).",
    example: "readBandwidth: 100GB/s   # read by 2,048 GPUs: 0.05 GB/s each",
    fix: "Add storage bandwidth, or lower the minimum if the workload reads little.")
  public static let checkpointTime = DiagnosticCode(
    "K4402", "checkpoint takes too long to write", severity: .warning, check: "checkpoint-time",
    explanation:
      "Writing a checkpoint (parameters × checkpoint.bytesPerParameter, 14 by default: BF16 weights plus FP32 master weights and Adam moments, as in ZeRO) at the storage's write bandwidth takes more than 10 % of the checkpoint interval (the Policy's checkpoint-time max changes it).",
    example: "checkpoint: {interval: 10min, storage: lake}   # 9.4 TB at 20 GB/s takes 7.8 min",
    fix: "Checkpoint less often, write to faster storage, or shard checkpoints asynchronously.")
  public static let checkpointInterval = DiagnosticCode(
    "K4403", "checkpoint interval far from the optimum", severity: .warning, check: "checkpoint-interval",
    explanation:
      "The declared checkpoint interval loses at least a percentage point of goodput against the interval that loses least to checkpoints and failures: Daly's optimum for the checkpoint's write time and the job's mean time between interruptions (failures.perThousandNodeDays × its servers; docs/models.md §7.1). Too long loses more work at each interruption, too short spends more time writing.",
    example: "checkpoint: {interval: 6h, storage: lake}   # 2,048 servers: an interruption every 3.1 h",
    fix:
      "Set checkpoint.interval near the optimum the message gives, or state the run's own failures.perThousandNodeDays."
  )
  public static let trainingGoodput = DiagnosticCode(
    "K4404", "training goodput below the minimum", severity: .warning, check: "training-goodput",
    explanation:
      "The share of wall-clock time a training run makes progress, after checkpoints, interruptions and restarts (Daly's goodput at the declared interval; docs/models.md §7.1), is below the minimum (50 % by default, Kiln's floor; the Policy's training-goodput min changes it). At 0 the run never finishes: it is interrupted faster than it restarts and checkpoints.",
    example:
      "failures: {perThousandNodeDays: 2000, restart: 1h}   # 256 servers: an interruption every 2.8 min",
    fix:
      "Check failures.perThousandNodeDays (the default is Llama 3's 3.79), shorten the restart, or train on fewer servers."
  )
  public static let budget = DiagnosticCode(
    "K5001", "budget exceeded", check: "budget",
    explanation:
      "The project's capex, monthly opex or TCO exceeds the limit its Policy's budget rule sets (docs/models.md says how each is computed).",
    example: "rules:\n  - {check: budget, capex: $50M}   # the fleet costs $113.7M",
    fix: "Reduce the fleet, or raise the budget.")
  public static let memoryFit = DiagnosticCode(
    "K6101", "model does not fit the replica's GPU memory", check: "memory-fit",
    explanation:
      "The model's weights plus the KV cache of one full-context sequence exceed the replica's GPU memory × gpuMemoryUtilization (GPUs per replica = tensor × pipeline × data).",
    example: "model: deepseek-v3   # 671 GB of FP8 weights\nparallelism: {tensor: 4}   # 4 × 80 GiB\n",
    fix: "Use more GPUs per replica, GPUs with more memory, a shorter maxModelLen, or lower-precision weights.")
  public static let servingCapacity = DiagnosticCode(
    "K6102", "serving capacity below peak demand", check: "serving-capacity",
    explanation:
      "At its maximum replicas the serving entry produces fewer output tokens per second than the peak demand, by the roofline of docs/models.md (memory-bound decode at the planned batch).",
    example: "replicas: {max: 2}\ndemand: {peak: 500k tokens/s}\n",
    fix: "Raise replicas.max (the cluster must have the GPUs), use faster GPUs, or lower the demand.")
  public static let servingHeadroom = DiagnosticCode(
    "K6103", "serving headroom below the policy minimum", severity: .warning, check: "serving-headroom",
    explanation:
      "Capacity at maximum replicas exceeds peak demand by less than the minimum headroom (20 % by default; the Policy's serving-headroom min).",
    example: "capacity 110k tokens/s for a peak of 100k: 10 % headroom",
    fix: "Add replicas, or lower the minimum if the margin is intended.")
  public static let servingSLO = DiagnosticCode(
    "K6104", "latency objective cannot be met", check: "serving-slo",
    explanation:
      "The TPOT objective is below the time of a decode step even with one sequence; or the TTFT objective is below the prefill of the average input on one copy of the replica (its FLOPs at the GPUs' achievable compute, at least one read of the weights); or, below capacity, below the TTFT at the peak, where requests queue behind the prefills of the requests before them (M/M/1 on the prefills).",
    example: "slo: {tpot: 5ms}   # one decode step reads 40 GB of weights at 3.35 TB/s per GPU",
    fix: "Relax the objective, or use more or faster GPUs per replica.")
  public static let servingPlacement = DiagnosticCode(
    "K6105", "serving does not fit its cluster", check: "serving-placement",
    explanation:
      "The serving entries of one GPU type in a cluster need more GPUs at their maximum replicas (GPUs per replica × replicas.max) than the cluster has of that type after its reserve: the autoscaler would ask for pods that can never be scheduled, and the training quota of that type is zero.",
    example: "replicas: {max: 72}   # 72 GPUs on a cluster of 16\n",
    fix:
      "Lower replicas.max to what fits, add servers of that GPU type, or serve part of the demand from another cluster."
  )
  public static let servingProfile = DiagnosticCode(
    "K6106", "serving demand profile assumed", severity: .warning, check: "serving-profile",
    explanation:
      "A serving entry gives no averageInput or averageOutput, so Kiln assumes TensorRT-LLM's 1,000-in, 1,000-out reference shape. Every request's prefill is charged against the replica's capacity, so the figures depend on the profile: the warning says how far the replica's tokens per second would move if the requests had no input to prefill.",
    example: "demand: {peak: 12k tokens/s}   # no averageInput, no averageOutput\n",
    fix:
      "State the workload's averageInput and averageOutput tokens per request (from the serving logs or the product's prompts)."
  )
  public static let dataResidency = DiagnosticCode(
    "K6201", "serving outside the region's jurisdiction", check: "data-residency",
    explanation:
      "A Region with dataResidency: strict serves from a cluster whose site is outside the region's jurisdiction (EU and EEA membership from the ISO 3166-1 table shipped with Kiln).",
    example: "jurisdiction: EU\ndataResidency: strict\nserving: [{cluster: sg-infer, …}]   # the cluster is in SG\n",
    fix: "Serve from a cluster at a site inside the jurisdiction, or relax the residency rule.")
  public static let trainingCapacity = DiagnosticCode(
    "K6301", "training run larger than its cluster", check: "training-capacity",
    explanation:
      "A TrainingRun asks for more GPUs than its cluster can queue for training: all GPUs less the reserve and less the GPUs of the cluster's serving entries at their maximum replicas (the Kueue quota).",
    example: "gpus: 4096   # the cluster has 2,048 GPUs\n",
    fix: "Ask for fewer GPUs, or run on a bigger cluster.")
  public static let trainingRunsExceedCluster = DiagnosticCode(
    "K6302", "training runs together exceed their cluster", severity: .warning, check: "training-capacity",
    explanation:
      "Each run fits its cluster alone, but the runs on one cluster together ask for more GPUs than it can queue for training: they cannot all run at once.",
    example: "two runs of 1,536 GPUs on a cluster of 2,048",
    fix: "Schedule them one after the other (Kueue queues them), or make the cluster bigger.")

  public static let all: [DiagnosticCode] = [
    expansionTooLarge, rackPower, rackUnits, rackLimitAboveSite, sitePower, sitePowerHeadroom, sitePositions,
    fabricCapacity,
    fabricPortSpeed, fabricOversubscription, fabricFieldEffect, storageReadPerGPU, checkpointTime, checkpointInterval,
    trainingGoodput,
    budget,
    memoryFit,
    servingCapacity,
    servingHeadroom, servingSLO, servingPlacement, servingProfile, dataResidency,
    trainingCapacity, trainingRunsExceedCluster,
  ]
}
