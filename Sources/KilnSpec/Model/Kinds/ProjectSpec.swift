import KilnDiagnostics

/// `Project`: which files belong to the project, economics defaults, Kubernetes settings and
/// environments, every default applied.
public struct ProjectSpec: SpecRecord {
  public struct Environment: SpecRecord {
    public var overlays: [Located<String>] = []

    public init() {}

    public static let table = FieldTable<Environment>(
      "An environment.",
      [.list("overlays", .text, \.overlays, required: true, "overlay files of that environment, relative to the root")])
  }

  public var name = "kiln"
  public var include: [Located<String>] = []
  public var exclude: [Located<String>] = []
  /// Seconds.
  public var lifetime: Located<Double> = .placeholder
  public var utilization: Located<Double> = .placeholder
  /// One load factor for everything; nil: the per-purpose figures.
  public var loadFactor: Located<Double>?
  /// Average draw ÷ maximum power by purpose (docs/models.md §3.5). `isDefault` tells a sourced default
  /// from a declared figure, which the resolution order needs.
  public var trainingLoadFactor: Located<Double> = .placeholder
  public var inferenceLoadFactor: Located<Double> = .placeholder
  public var storageLoadFactor: Located<Double> = .placeholder
  public var networkLoadFactor: Located<Double> = .placeholder
  /// Annual cost of capital; nil: capex is not financed.
  public var financingRate: Located<Double>?
  public var kubernetes = KubernetesSettings()
  public var environmentEntries: [(name: String, value: Environment)] = []
  /// Where the `environments` key is.
  public var environmentsKey: SourceRange?

  public struct KubernetesSettings: Sendable {
    public var version: Located<String> = .placeholder
    public var namespacePrefix: Located<String> = .placeholder
    public var imageRegistry: Located<String>?
    public var ingressNamespace: Located<String> = .placeholder
    public var monitoringNamespace: Located<String> = .placeholder
    public var monitoringLabelEntries: [TextEntry] = []
    public var monitoringLabels: [String: String] { monitoringLabelEntries.dictionary }
    public var blockLabel: Located<String> = .placeholder
    public var rackLabel: Located<String> = .placeholder
    public var podLabel: Located<String> = .placeholder
  }

  public var environments: [String] { environmentEntries.map(\.name) }

  public init() {}

  /// A project that sets nothing: every setting at its default.
  public static var defaults: ProjectSpec {
    let range = SourceRange.wholeFile("kiln.yaml")
    return decode(SpecNode(.object([]), range: range), fallback: range)
  }

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
  }

  public static let table = FieldTable<ProjectSpec>(
    "Project-wide settings; the Project lives in kiln.yaml at the project root.",
    [
      .list(
        "include", .text, \.include, default: .value(#"["**/*.yaml", "**/*.yml"]"#),
        "files that belong to the project, relative to the root. A list you give replaces the default. See [section 1](#which-files-belong-to-the-project)"
      ),
      .list(
        "exclude", .text, \.exclude, default: .value("[]"),
        "files to leave out, even if `include` matches them (`kiln.yaml` itself is always read)"),
      .field(
        "lifetime", FieldTypes.duration, \.lifetime, default: .value("4y"),
        "*(analyzer)* depreciation period of capex, used for TCO and $/GPU-hour"),
      .field(
        "utilization", FieldTypes.percent, \.utilization, default: .value("80%"),
        "*(analyzer)* expected average GPU utilization. It turns cost per GPU-hour into cost per *used* GPU-hour"),
      .field(
        "loadFactor", FieldTypes.percent, \.loadFactor, default: .rule("none: `loadFactors` by purpose"),
        range: .positive,
        "*(analyzer)* one average power draw ÷ maximum power for every purpose, for the energy bill; it takes the place of the `loadFactors` defaults (not of figures given there). Power *checks* always use maximum power"
      ),
      .group(
        "loadFactors",
        "*(analyzer)* average draw ÷ maximum power by what the equipment does, for energy and opex ([models.md §3.5](models.md#35-average-draw-load-factors-and-power-caps)). A Cluster's `loadFactor` overrides its servers' figure",
        [
          .field(
            "training", FieldTypes.percent, \.trainingLoadFactor, default: .value("75%"), range: .positive,
            "servers of training and mixed clusters. By default a server with a measured `trainingPower` in the catalog uses it (Fire-Flyer's node: 2.5 kW of 3.5 kW; a DGX-A100: 4.2 of 6.5 kW, arXiv:2408.14158 Table II), others 75 %: Epoch AI's server TDP fraction in training, within 2 % of 76 % measured on 8-GPU H100 nodes (Newkirk et al., arXiv:2506.14551)"
          ),
          .field(
            "inference", FieldTypes.percent, \.inferenceLoadFactor, default: .value("65%"), range: .positive,
            "servers of inference clusters. No published measurement of serving nodes was found; 65 % is Kiln's earlier single figure, Fire-Flyer's DGX-A100 ratio (an estimate)"
          ),
          .field(
            "storage", FieldTypes.percent, \.storageLoadFactor, default: .value("100%"), range: .positive,
            "Storage `power`, which is declared as its draw. Lower it when the declared figure is a maximum"),
          .field(
            "network", FieldTypes.percent, \.networkLoadFactor, default: .value("65%"), range: .positive,
            "fabric switches, whose catalog power is a maximum with optics. No published ratio was found; 65 % is Kiln's earlier single figure (an estimate)"
          ),
        ]),
      .group(
        "financing", "*(analyzer)* how the capex is paid for ([models.md §5.3](models.md#53-tco))",
        [
          .field(
            "rate", FieldTypes.percent, \.financingRate, default: .rule("none: capex is not financed"),
            "annual cost of capital. Capex becomes a monthly annuity over `lifetime`; the TCO and the owned $/GPU-hour then include the interest"
          )
        ]),
      .group(
        "kubernetes", "*(backend)* settings of the generated Kubernetes manifests",
        [
          .field(
            "version", .text, \.kubernetes.version, default: .value("1.31"),
            "*(backend)* target Kubernetes API version of the generated manifests. **Quote it** (`1.30` unquoted is K2006)"
          ),
          .field(
            "namespacePrefix", .text, \.kubernetes.namespacePrefix, default: .value(""),
            "*(backend)* prefix of every generated namespace (`kiln-` gives `kiln-train-h800`). Use lower-case letters, digits and `-`"
          ),
          .field(
            "imageRegistry", .text, \.kubernetes.imageRegistry,
            "*(backend)* registry put in front of images that name none (see [section 8](#8-container-images))"),
          .field(
            "ingressNamespace", .text, \.kubernetes.ingressNamespace, default: .value("ingress"),
            "*(backend)* namespace allowed to reach serving ports through the generated NetworkPolicies"),
          .field(
            "monitoringNamespace", .text, \.kubernetes.monitoringNamespace, default: .value("monitoring"),
            "*(backend)* namespace allowed to scrape metrics"),
          .textMap(
            "monitoringLabels", \.kubernetes.monitoringLabelEntries, default: .value("{}"),
            "*(backend)* labels added to generated ServiceMonitors and PrometheusRules, so that your Prometheus selects them"
          ),
          .group(
            "topologyLabels", "*(backend)* node label keys of Kueue topology levels",
            [
              .field(
                "block", .text, \.kubernetes.blockLabel, default: .value("kiln.dev/fabric-block"),
                "*(backend)* node label key of the Kueue topology level \"block\": a leaf group or scalable unit"),
              .field(
                "rack", .text, \.kubernetes.rackLabel, default: .value("kiln.dev/rack"),
                "*(backend)* node label key of the level \"rack\""),
              .field(
                "pod", .text, \.kubernetes.podLabel, default: .value("kiln.dev/fabric-pod"),
                "*(backend)* node label key of the level \"pod\" above the blocks of a three-tier fabric: a Fabric's declared `pod`, else the leaves that share a group of spines. Name it as the design does (`kiln.dev/fabric-zone` for Meta's zones)"
              ),
            ]),
        ]),
      .namedRecords(
        "environments", \.environmentEntries, keyRange: \ProjectSpec.environmentsKey,
        "overlays applied by `--env NAME`. See [section 6](#6-environments-and-overlays)"),
    ])
}
