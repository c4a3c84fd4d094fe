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
  public var loadFactor: Located<Double> = .placeholder
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
        "loadFactor", FieldTypes.percent, \.loadFactor, default: .value("65%"),
        "*(analyzer)* average power draw ÷ maximum power, for the energy bill. For example, Fire-Flyer measured a DGX-A100 at 4.2 kW average in training against 6.5 kW maximum. Power *checks* always use maximum power"
      ),
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
            ]),
        ]),
      .namedRecords(
        "environments", \.environmentEntries, keyRange: \ProjectSpec.environmentsKey,
        "overlays applied by `--env NAME`. See [section 6](#6-environments-and-overlays)"),
    ])
}
