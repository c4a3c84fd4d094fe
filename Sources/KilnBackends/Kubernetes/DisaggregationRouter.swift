import KilnAnalysis
import KilnIR
import KilnSpec
import KilnSupport

/// The router in front of a disaggregated serving entry, named `<region>-<serving>` like a combined
/// entry's workload: SGLang's router in PD mode (`python -m sglang_router.launch_router
/// --pd-disaggregation`, its router page), which finds the pools' ready pods by label through the
/// Kubernetes API, sends each request to a prefill and a decode pod, and reads a prefill pod's bootstrap
/// port from its `sglang.ai/bootstrap-port` annotation. It needs a ServiceAccount allowed to list and
/// watch pods in the namespace; it holds no GPU.
struct DisaggregationRouter {
  /// The decode pool's objects; the router is emitted with them.
  let decode: ServingObjects

  var serving: IRServing { decode.serving }
  var name: String { GeneratedNames.router(serving) }
  var port: Int { decode.port }
  var labels: [(String, JSONValue)] {
    [
      ("app.kubernetes.io/instance", .string(name)), ("app.kubernetes.io/component", .string("router")),
      ("kiln.dev/serving", .string(name)),
    ]
  }
  var selector: JSONValue { .object([("matchLabels", .object(labels))]) }

  func metadata(annotations: [(String, JSONValue)] = []) -> JSONValue {
    KubernetesManifests.metadata(
      name: name, namespace: decode.namespace, component: "serving", projectName: decode.projectName,
      source: decode.source, labels: labels, annotations: annotations, specLabels: serving.region.labels)
  }

  var arguments: [String] {
    let pool = "app.kubernetes.io/instance="
    return [
      "python3", "-m", "sglang_router.launch_router", "--pd-disaggregation", "--service-discovery",
      "--prefill-selector", pool + name + "-prefill", "--decode-selector", pool + name + "-decode",
      "--service-discovery-namespace", decode.namespace, "--service-discovery-port", String(port), "--host", "0.0.0.0",
      "--port", String(port),
    ]
  }

  var container: JSONValue {
    let http: JSONValue = .object([("path", .string("/health")), ("port", .string("http"))])
    let amounts: JSONValue = .object([("cpu", .string("2")), ("memory", .string("4Gi"))])
    return .object([
      ("name", .string("router")), ("image", .string(decode.image)), ("imagePullPolicy", .string("Always")),
      ("command", .array(arguments.prefix(1).map { .string($0) })),
      ("args", .array(arguments.dropFirst().map { .string($0) })),
      (
        "ports",
        .array([.object([("name", .string("http")), ("containerPort", .int(port)), ("protocol", .string("TCP"))])])
      ),
      ("resources", .object([("requests", amounts), ("limits", amounts)])),
      ("securityContext", PodTemplates.securityContext()),
      ("volumeMounts", .array([.object([("name", .string("tmp")), ("mountPath", .string("/tmp"))])])),
      ("readinessProbe", .object([("httpGet", http), ("periodSeconds", .int(10)), ("failureThreshold", .int(3))])),
      ("livenessProbe", .object([("httpGet", http), ("periodSeconds", .int(20)), ("failureThreshold", .int(6))])),
    ])
  }

  func documents() -> [JSONValue] {
    let namespace = decode.namespace
    var documents: [JSONValue] = []
    documents.append(
      .object([
        ("apiVersion", .string("v1")), ("kind", .string("ServiceAccount")), ("metadata", metadata()),
        ("automountServiceAccountToken", .bool(false)),
      ]))
    documents.append(
      .object([
        ("apiVersion", .string("rbac.authorization.k8s.io/v1")), ("kind", .string("Role")), ("metadata", metadata()),
        (
          "rules",
          .array([
            .object([
              ("apiGroups", .array([.string("")])), ("resources", .array([.string("pods")])),
              ("verbs", .array([.string("get"), .string("list"), .string("watch")])),
            ])
          ])
        ),
      ]))
    documents.append(
      .object([
        ("apiVersion", .string("rbac.authorization.k8s.io/v1")), ("kind", .string("RoleBinding")),
        ("metadata", metadata()),
        (
          "roleRef",
          .object([
            ("apiGroup", .string("rbac.authorization.k8s.io")), ("kind", .string("Role")), ("name", .string(name)),
          ])
        ),
        (
          "subjects",
          .array([
            .object([("kind", .string("ServiceAccount")), ("name", .string(name)), ("namespace", .string(namespace))])
          ])
        ),
      ]))
    // Checkov exceptions, each naming the choice that makes it.
    let skips = ServingObjects.annotations(
      ["CKV_K8S_38=the router lists the pools' pods through the Kubernetes API (\(decode.source))"]
        + (decode.imageSkip.map { [$0] } ?? []))
    documents.append(
      .object([
        ("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")), ("metadata", metadata(annotations: skips)),
        (
          "spec",
          .object([
            ("replicas", .int(2)), ("selector", selector),
            (
              "template",
              .object([
                ("metadata", .object([("labels", .object(labels))])),
                (
                  "spec",
                  .object([
                    // The router lists the pools' pods through the API, so it mounts its token.
                    ("serviceAccountName", .string(name)), ("automountServiceAccountToken", .bool(true)),
                    ("priorityClassName", .string("kiln-serving")),
                    ("securityContext", PodTemplates.podSecurityContext()),
                    ("containers", .array([container])),
                    ("volumes", .array([.object([("name", .string("tmp")), ("emptyDir", .object([]))])])),
                  ])
                ),
              ])
            ),
          ])
        ),
      ]))
    documents.append(ObjectTemplates.service(metadata: metadata(), selector: labels, port: port))
    documents.append(ObjectTemplates.podDisruptionBudget(metadata: metadata(), selector: selector))
    let entryPods: JSONValue = .object([
      ("podSelector", .object([("matchLabels", .object([("kiln.dev/serving", .string(name))]))]))
    ])
    let kubernetes = decode.settings.kubernetes
    documents.append(
      ObjectTemplates.networkPolicy(
        metadata: metadata(), podSelector: selector,
        ingress: [
          ObjectTemplates.port(port, fromNamespace: kubernetes.ingressNamespace.value),
          ObjectTemplates.port(port, fromNamespace: kubernetes.monitoringNamespace.value),
        ] + [FrontDoorObjects.gatewayPeer(decode.serving.region, port: port)].compactMap { $0 },
        // The pools it routes to and their bootstrap ports; DNS, and the Kubernetes API for the pools' pods.
        egress: [.object([("to", .array([entryPods]))]), ObjectTemplates.dnsEgress, ObjectTemplates.httpsEgress]))
    return documents
  }
}
