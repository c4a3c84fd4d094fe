import KilnSupport

/// Objects and rules the engine pools and a router build alike.
enum ObjectTemplates {
  /// A ClusterIP Service of one `http` port.
  static func service(metadata: JSONValue, selector: [(String, JSONValue)], port: Int) -> JSONValue {
    .object([
      ("apiVersion", .string("v1")), ("kind", .string("Service")), ("metadata", metadata),
      (
        "spec",
        .object([
          ("type", .string("ClusterIP")), ("selector", .object(selector)),
          (
            "ports",
            .array([
              .object([
                ("name", .string("http")), ("port", .int(port)), ("targetPort", .string("http")),
                ("protocol", .string("TCP")),
              ])
            ])
          ),
        ])
      ),
    ])
  }

  /// At most one pod down at a time.
  static func podDisruptionBudget(metadata: JSONValue, selector: JSONValue) -> JSONValue {
    .object([
      ("apiVersion", .string("policy/v1")), ("kind", .string("PodDisruptionBudget")), ("metadata", metadata),
      ("spec", .object([("maxUnavailable", .int(1)), ("selector", selector)])),
    ])
  }

  /// A NetworkPolicy that denies what its `ingress` and `egress` rules do not allow to `podSelector`'s pods.
  static func networkPolicy(metadata: JSONValue, podSelector: JSONValue, ingress: [JSONValue], egress: [JSONValue])
    -> JSONValue
  {
    .object([
      ("apiVersion", .string("networking.k8s.io/v1")), ("kind", .string("NetworkPolicy")), ("metadata", metadata),
      (
        "spec",
        .object([
          ("podSelector", podSelector), ("policyTypes", .array([.string("Ingress"), .string("Egress")])),
          ("ingress", .array(ingress)), ("egress", .array(egress)),
        ])
      ),
    ])
  }

  /// An ingress rule: TCP `port` from every pod of the namespace `namespace`.
  static func port(_ port: Int, fromNamespace namespace: String) -> JSONValue {
    .object([
      ("from", .array([fromNamespace(namespace)])),
      ("ports", .array([.object([("protocol", .string("TCP")), ("port", .int(port))])])),
    ])
  }

  /// A NetworkPolicy peer: every pod of the namespace `name`.
  static func fromNamespace(_ name: String) -> JSONValue {
    .object([
      ("namespaceSelector", .object([("matchLabels", .object([("kubernetes.io/metadata.name", .string(name))]))]))
    ])
  }

  /// Egress to DNS (port 53, UDP and TCP).
  static let dnsEgress: JSONValue = .object([
    (
      "ports",
      .array([
        .object([("protocol", .string("UDP")), ("port", .int(53))]),
        .object([("protocol", .string("TCP")), ("port", .int(53))]),
      ])
    )
  ])

  /// Egress to port 443: model downloads, or the Kubernetes API.
  static let httpsEgress: JSONValue = .object([
    ("ports", .array([.object([("protocol", .string("TCP")), ("port", .int(443))])]))
  ])
}
