import KilnIR
import KilnSpec
import KilnSupport

/// The front door of the regions served from one cluster (docs/kubernetes.md §5.5): per region a Gateway
/// (`gateway.networking.k8s.io/v1`) in the cluster's namespace, and per serving entry an HTTPRoute to the
/// entry's Service (its router, when disaggregated) or, with `routing: inference-pool`, to an InferencePool
/// (`inference.networking.k8s.io/v1`) that selects the entry's serving pods.
struct FrontDoorObjects {
  let region: RegionSpec
  /// The region's entries on this cluster; a prefill pool is reached through its router, so it has no route.
  let entries: [IRServing]
  let settings: ProjectSpec
  let projectName: String
  let namespace: String

  /// The Inference Extension's endpoint picker serves the gateway's ext-proc on this port (its Helm chart's
  /// default), which the InferencePool names.
  static let endpointPickerPort = 9002
  /// The header the Inference Extension's body-based router sets from a request's `model`.
  static let modelHeader = "X-Gateway-Model-Name"
  /// Gateway API durations allow at most 5 digits per unit.
  static let maximumTimeoutSeconds = 99_999

  /// The GatewayClass: `ingress.gatewayClass`, else the load balancer's; nil when neither names one (K7005
  /// when `ingress` is declared) or the region declares no `ingress` at all (no front door asked for).
  static func gatewayClass(_ region: RegionSpec) -> String? { region.resolvedGatewayClass }

  var routed: [IRServing] { entries.filter { $0.role != .prefill } }

  var source: String { "Region/\(region.name)" }

  func metadata(name: String, source: String) -> JSONValue {
    KubernetesManifests.metadata(
      name: name, namespace: namespace, component: "front-door", projectName: projectName, source: source,
      labels: [("kiln.dev/region", .string(region.name))], specLabels: region.labels)
  }

  func documents() -> [JSONValue] {
    guard let gatewayClass = Self.gatewayClass(region), !routed.isEmpty else { return [] }
    var documents = [gateway(className: gatewayClass)]
    for serving in routed.sorted(by: { GeneratedNames.route($0) < GeneratedNames.route($1) }) {
      let pool = usesInferencePool(serving)
      documents.append(route(serving, toPool: pool))
      if pool { documents.append(inferencePool(serving)) }
    }
    return documents
  }

  /// A disaggregated entry's router already picks the pools' pods, so it keeps its Service.
  func usesInferencePool(_ serving: IRServing) -> Bool {
    region.routing.value == .inferencePool && serving.role == .combined
  }

  func gateway(className: String) -> JSONValue {
    var listener: [(String, JSONValue)] = [
      ("name", .string("http")), ("protocol", .string("HTTP")), ("port", .int(80)),
    ]
    if let hostname = region.hostname?.value { listener.append(("hostname", .string(hostname))) }
    listener.append(("allowedRoutes", .object([("namespaces", .object([("from", .string("Same"))]))])))
    return .object([
      ("apiVersion", .string("gateway.networking.k8s.io/v1")), ("kind", .string("Gateway")),
      ("metadata", metadata(name: GeneratedNames.gateway(region), source: source)),
      (
        "spec",
        .object([("gatewayClassName", .string(className)), ("listeners", .array([.object(listener)]))])
      ),
    ])
  }

  func route(_ serving: IRServing, toPool pool: Bool) -> JSONValue {
    let name = GeneratedNames.route(serving)
    let match: JSONValue
    var filters: [JSONValue] = []
    switch region.routeMatch.value {
    case .path:
      match = .object([
        ("path", .object([("type", .string("PathPrefix")), ("value", .string("/\(serving.entry.name.value)"))]))
      ])
      // The engine serves /v1/…: the entry's prefix is removed on the way in.
      filters.append(
        .object([
          ("type", .string("URLRewrite")),
          (
            "urlRewrite",
            .object([
              ("path", .object([("type", .string("ReplacePrefixMatch")), ("replacePrefixMatch", .string("/"))]))
            ])
          ),
        ]))
    case .header:
      match = .object([
        (
          "headers",
          .array([
            .object([
              ("type", .string("Exact")), ("name", .string(Self.modelHeader)),
              ("value", .string(Self.modelName(serving))),
            ])
          ])
        )
      ])
    }
    let backend: JSONValue =
      pool
      ? .object([
        ("group", .string("inference.networking.k8s.io")), ("kind", .string("InferencePool")), ("name", .string(name)),
      ])
      : .object([("name", .string(name)), ("port", .int(serving.entry.port.value))])
    var rule: [(String, JSONValue)] = [("matches", .array([match]))]
    if !filters.isEmpty { rule.append(("filters", .array(filters))) }
    rule.append(("backendRefs", .array([backend])))
    if let timeout = Self.requestTimeout(serving) {
      rule.append(("timeouts", .object([("request", .string("\(timeout)s"))])))
    }
    var spec: [(String, JSONValue)] = [
      (
        "parentRefs",
        .array([.object([("name", .string(GeneratedNames.gateway(region))), ("sectionName", .string("http"))])])
      )
    ]
    if let hostname = region.hostname?.value { spec.append(("hostnames", .array([.string(hostname)]))) }
    spec.append(("rules", .array([.object(rule)])))
    return .object([
      ("apiVersion", .string("gateway.networking.k8s.io/v1")), ("kind", .string("HTTPRoute")),
      ("metadata", metadata(name: name, source: "Region/\(region.name)/\(serving.entry.name.value)")),
      ("spec", .object(spec)),
    ])
  }

  /// The InferencePool of an entry: exactly the pods that serve HTTP (a LeaderWorkerSet's leaders), the
  /// engine's port, and the endpoint picker (installed with the Inference Extension's chart, a prerequisite).
  func inferencePool(_ serving: IRServing) -> JSONValue {
    let pods = ServingObjects(
      serving: serving, model: nil, settings: settings, projectName: projectName, namespace: namespace)
    return .object([
      ("apiVersion", .string("inference.networking.k8s.io/v1")), ("kind", .string("InferencePool")),
      (
        "metadata",
        metadata(name: GeneratedNames.route(serving), source: "Region/\(region.name)/\(serving.entry.name.value)")
      ),
      (
        "spec",
        .object([
          ("selector", .object([("matchLabels", .object(pods.serviceSelector))])),
          ("targetPorts", .array([.object([("number", .int(serving.entry.port.value))])])),
          (
            "endpointPickerRef",
            .object([
              ("name", .string(GeneratedNames.endpointPicker(serving))),
              ("port", .object([("number", .int(Self.endpointPickerPort))])), ("failureMode", .string("FailClose")),
            ])
          ),
        ])
      ),
    ])
  }

  /// The name clients put in a request's `model`: the model the engine loads (its `source`).
  static func modelName(_ serving: IRServing) -> String {
    serving.model?.source.value ?? serving.entry.model.name.value
  }

  /// The longest request the SLO allows: TTFT + TPOT × the longest sequence the engine accepts, whole
  /// seconds rounded up; nil without both objectives.
  static func requestTimeout(_ serving: IRServing) -> Int? {
    guard let ttft = serving.entry.ttft?.value, let tpot = serving.entry.tpot?.value else { return nil }
    let seconds = (ttft + tpot * Double(serving.maxModelLen)).rounded(.up)
    return Int(exactly: min(max(seconds, 1), Double(maximumTimeoutSeconds)))
  }

  /// The NetworkPolicy rule that admits an InferencePool's endpoint picker, which scrapes the engines' metrics
  /// on their port: the pods the Inference Extension's `inferencepool` chart labels `inferencepool:
  /// <pool>-epp`. nil unless the entry is routed through a pool.
  static func endpointPickerPeer(_ serving: IRServing) -> JSONValue? {
    guard serving.region.routing.value == .inferencePool, serving.role == .combined,
      serving.region.ingressKey != nil
    else { return nil }
    return .object([
      (
        "from",
        .array([
          .object([
            (
              "podSelector",
              .object([("matchLabels", .object([("inferencepool", .string(GeneratedNames.endpointPicker(serving)))]))])
            )
          ])
        ])
      ),
      ("ports", .array([.object([("protocol", .string("TCP")), ("port", .int(serving.entry.port.value))])])),
    ])
  }

  /// The NetworkPolicy rule that admits the region's gateway to an engine or router port: its proxy pods,
  /// which implementations that deploy them per Gateway label with the Gateway's name. nil without a Gateway.
  static func gatewayPeer(_ region: RegionSpec, port: Int) -> JSONValue? {
    guard gatewayClass(region) != nil else { return nil }
    return .object([
      (
        "from",
        .array([
          .object([
            (
              "podSelector",
              .object([
                (
                  "matchLabels",
                  .object([("gateway.networking.k8s.io/gateway-name", .string(GeneratedNames.gateway(region)))])
                )
              ])
            )
          ])
        ])
      ),
      ("ports", .array([.object([("protocol", .string("TCP")), ("port", .int(port))])])),
    ])
  }
}
