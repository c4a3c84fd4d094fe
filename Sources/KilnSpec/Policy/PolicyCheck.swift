import KilnDiagnostics

/// A built-in check that a Policy rule can configure, by its id (docs/language.md §4.10 and §9).
public struct PolicyCheck: Sendable {
  public var id: String
  public var defaultSeverity: Severity
  /// The default threshold and its basis, as documented.
  public var defaultThreshold: String
  public var summary: String
  /// Dimensions a rule's `min` may have (empty: `min` not accepted).
  public var min: [Dimension]
  public var max: [Dimension]
  /// Whether `max` is a down:up ratio.
  public var maxIsRatio: Bool
  /// Whether the rule takes `capex`, `monthlyOpex`, `tco`.
  public var takesBudget: Bool
  /// The stage that implements it: `spec` (the front end, K2–K3) or `analyzer` (K4–K6).
  public var stage: String

  init(
    _ id: String, _ severity: Severity, _ threshold: String, _ summary: String, min: [Dimension] = [],
    max: [Dimension] = [], maxIsRatio: Bool = false, takesBudget: Bool = false, stage: String = "analyzer"
  ) {
    self.id = id
    self.defaultSeverity = severity
    self.defaultThreshold = threshold
    self.summary = summary
    self.min = min
    self.max = max
    self.maxIsRatio = maxIsRatio
    self.takesBudget = takesBudget
    self.stage = stage
  }
}

/// The registry of every check id.
public enum PolicyChecks {
  public static let all: [PolicyCheck] = [
    PolicyCheck("unused-object", .warning, "—", "a Model, Storage or Fabric that nothing references", stage: "spec"),
    PolicyCheck("catalog-override", .note, "—", "a Catalog document overrides a built-in entry", stage: "spec"),
    PolicyCheck(
      "catalog-price", .warning, "a server's price ≥ its GPUs' prices", "a Catalog document's server prices",
      stage: "spec"),
    PolicyCheck(
      "rack-power", .error, "the rack group's power limit", "servers per rack × server power ≤ the rack's limit",
      max: [.power]),
    PolicyCheck("rack-units", .error, "the site's rack units", "servers per rack × rack units ≤ the rack's units"),
    PolicyCheck("site-power", .error, "capacity ≥ (IT load at max power) × PUE", "facility power fits the site"),
    PolicyCheck("site-power-headroom", .warning, "min 10 %", "spare facility power", min: [.percent]),
    PolicyCheck("site-positions", .error, "GPU, network and storage racks ≤ positions", "racks fit the floor"),
    PolicyCheck(
      "fabric-capacity", .error, "endpoints ≤ what the declared tiers/planes hold", "the fabric has enough ports"),
    PolicyCheck(
      "fabric-port-speed", .error, "NIC speed ≤ switch port (or breakout) speed", "switch ports are fast enough"),
    PolicyCheck(
      "fabric-field-effect", .warning, "every written fabric field shapes the sized fabric",
      "fabric fields apply to its tiers and topology"),
    PolicyCheck(
      "fabric-oversubscription", .warning, "max 1:1 for training clusters (DGX SuperPOD RA: non-blocking)",
      "leaf down:up ratio", max: [.factor], maxIsRatio: true),
    PolicyCheck(
      "storage-read-per-gpu", .warning, "min 0.5 GB/s per GPU (DGX SuperPOD RA \"Good\": 4 GB/s per 8-GPU node)",
      "storage read bandwidth per GPU", min: [.bandwidth]),
    PolicyCheck(
      "checkpoint-time", .warning, "write time ≤ 10 % of the interval", "checkpoint write time", max: [.percent]),
    PolicyCheck(
      "checkpoint-interval", .warning, "goodput within 1 point of Daly's optimal interval",
      "checkpoint interval against failures"),
    PolicyCheck(
      "training-goodput", .warning, "min 50 % of wall-clock time training, after checkpoints and interruptions",
      "training goodput under failures", min: [.percent]),
    PolicyCheck(
      "memory-fit", .error, "weights + KV for one full-context sequence ≤ GPU memory × gpuMemoryUtilization",
      "a replica holds the model"),
    PolicyCheck("serving-capacity", .error, "capacity at max replicas ≥ peak demand", "serving meets demand"),
    PolicyCheck("serving-headroom", .warning, "min 20 %", "spare serving capacity", min: [.percent]),
    PolicyCheck(
      "serving-placement", .error, "serving at max replicas ≤ the schedulable GPUs of its type",
      "serving fits its cluster"),
    PolicyCheck(
      "serving-profile", .warning, "averageInput and averageOutput stated", "the demand profile is the workload's"),
    PolicyCheck(
      "serving-slo", .error, "TPOT reachable by one sequence (batch 1); TTFT ≥ the prefill, and ≥ the TTFT at the peak",
      "latency objectives are feasible"),
    PolicyCheck(
      "data-residency", .error, "strict residency: serving sites inside the jurisdiction",
      "data stays in its jurisdiction"),
    PolicyCheck(
      "training-capacity", .error, "a run's GPUs ≤ the cluster's queueable GPUs", "training runs fit their cluster"),
    PolicyCheck("queue-shares", .error, "shares ≤ 100 %", "Kueue queue shares", stage: "spec"),
    PolicyCheck("budget", .error, "none unless set", "capex, monthly opex and TCO limits", takesBudget: true),
    PolicyCheck("secret-literal", .error, "—", "no literal secrets in specs", stage: "spec"),
    PolicyCheck("image-tag", .error, "a pinned tag or digest", "images are pinned", stage: "spec"),
  ]

  public static func check(_ id: String) -> PolicyCheck? { all.first { $0.id == id } }
}
