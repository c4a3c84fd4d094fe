import KilnAnalysis
import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// The objects of one serving entry, named `<region>-<serving>` in its cluster's namespace: a
/// Deployment (one server per replica) or LeaderWorkerSet (several), a Service, an HPA, a PDB, a
/// NetworkPolicy, a ServiceMonitor and a PrometheusRule.
struct ServingObjects {
  let serving: IRServing
  let model: ServingModel?
  let settings: ProjectSpec
  let projectName: String
  let namespace: String

  /// The engine's port (`port` of the serving entry).
  var port: Int { serving.entry.port.value }

  var name: String { GeneratedNames.serving(serving) }
  /// The spec object, as the `kiln.dev/source` annotation names it (docs/kubernetes.md §4): `Region/eu/chat`.
  var source: String { "Region/\(serving.region.name)/\(serving.entry.name.value)" }
  var gpuResource: String { PodTemplates.gpuResource(serving.server?.gpu) }
  /// One replica on one server is a Deployment; a replica spanning servers is a LeaderWorkerSet.
  var workload: (apiVersion: String, kind: String) {
    serving.serversPerReplica <= 1 ? ("apps/v1", "Deployment") : ("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet")
  }
  var podGPUs: Int { min(serving.gpusPerReplica, max(1, serving.server?.gpuCount ?? serving.gpusPerReplica)) }
  /// The batch the engine is told (`--max-num-seqs`): maxBatch, else the analyzer's planned batch.
  var batch: Int { serving.entry.maxBatch?.value ?? max(1, model?.batch ?? 1) }

  /// A pool of a disaggregated entry also carries its role and the entry it is part of, which the router
  /// discovers it by and the pools' NetworkPolicies admit each other by.
  var labels: [(String, JSONValue)] {
    guard serving.role != .combined else { return [("app.kubernetes.io/instance", .string(name))] }
    return [
      ("app.kubernetes.io/instance", .string(name)), ("app.kubernetes.io/component", .string(serving.role.rawValue)),
      ("kiln.dev/serving", .string(GeneratedNames.router(serving))),
    ]
  }

  /// The port a prefill pool's SGLang serves the KV cache hand-off's bootstrap on (SGLang's default).
  static let bootstrapPort = 8998

  /// Pod annotations: the bootstrap port a prefill pod announces to the router (`sglang.ai/bootstrap-port`).
  var podAnnotations: [(String, JSONValue)] {
    serving.role == .prefill ? [("sglang.ai/bootstrap-port", .string(String(Self.bootstrapPort)))] : []
  }

  /// The pods a pool's NetworkPolicy admits: its own, or every pod of its disaggregated entry.
  var peerSelector: JSONValue {
    guard serving.role != .combined else { return selector }
    return .object([
      ("matchLabels", .object([("kiln.dev/serving", .string(GeneratedNames.router(serving)))]))
    ])
  }

  func metadata(_ extra: [(String, JSONValue)] = [], annotations: [(String, JSONValue)] = []) -> JSONValue {
    KubernetesManifests.metadata(
      name: name, namespace: namespace, component: "serving", projectName: projectName, source: source,
      labels: labels + extra, annotations: annotations, specLabels: serving.region.labels)
  }

  /// Checkov exceptions the spec itself chose, each naming the choice (never a blanket skip).
  var checkovSkips: [(String, JSONValue)] {
    var reasons = imageSkip.map { [$0] } ?? []
    if serving.entry.secrets.contains(where: { $0.env != nil }) {
      reasons.append("CKV_K8S_35=the spec exposes a secret as an environment variable (\(source))")
    }
    return Self.annotations(reasons)
  }

  /// The exception for an image pinned by tag rather than digest; nil for a digest.
  var imageSkip: String? {
    image.contains("@sha256:") ? nil : "CKV_K8S_43=the spec pins \(image) by tag, not digest (\(source))"
  }

  /// Checkov's skip annotations, `checkov.io/skip1`, `skip2`, … in order.
  static func annotations(_ reasons: [String]) -> [(String, JSONValue)] {
    reasons.enumerated().map { ("checkov.io/skip\($0.offset + 1)", .string($0.element)) }
  }

  var image: String {
    PodTemplates.image(serving.entry.image.value, registry: settings.kubernetes.imageRegistry?.value)
  }

  var selector: JSONValue { .object([("matchLabels", .object(labels))]) }

  /// The Service reaches the leaders of a LeaderWorkerSet only (LWS labels them worker-index 0).
  var serviceSelector: [(String, JSONValue)] {
    serving.serversPerReplica > 1 ? labels + [("leaderworkerset.sigs.k8s.io/worker-index", .string("0"))] : labels
  }

  /// The engine's command line, from the spec. vLLM runs its OpenAI server module (the image's own
  /// entrypoint), which takes `--model` in every release; `vllm serve --model` fails on some (v0.8.x
  /// wants the model positional).
  var arguments: [String] {
    let entry = serving.entry
    let source = serving.model?.source.value ?? entry.model.name.value
    let maxLength = serving.maxModelLen
    let extra = entry.extraArguments.map(\.value)
    let stepTokens = entry.maxNumTokens.map { String($0.value) }
    switch entry.engine.value {
    case .sglang:
      return [
        "python3", "-m", "sglang.launch_server", "--model-path", source, "--tp",
        String(entry.tensor.value * entry.pipeline.value),
        "--context-length", String(maxLength), "--mem-fraction-static", String(entry.gpuMemoryUtilization.value),
        "--max-running-requests", String(batch), "--host", "0.0.0.0", "--port", String(port), "--enable-metrics",
      ] + (stepTokens.map { ["--chunked-prefill-size", $0] } ?? []) + sglangParallelism + disaggregation + multiNode
        + extra
    case .tensorRTLLM:
      return [
        "trtllm-serve", source, "--tp_size", String(entry.tensor.value), "--pp_size", String(entry.pipeline.value),
      ] + (entry.expert.value > 1 ? ["--ep_size", String(entry.expert.value)] : []) + [
        "--max_seq_len", String(maxLength), "--max_batch_size", String(batch), "--host", "0.0.0.0", "--port",
        String(port),
      ] + (stepTokens.map { ["--max_num_tokens", $0] } ?? []) + extra
    default:
      // Data-parallel attention: vLLM runs one engine core per rank (`--data-parallel-size`), each with its
      // own sequences, and forms the expert layers over all of them (its Data Parallel Deployment page).
      let dataParallelAttention = entry.attentionParallelism.value == .data
      return [
        "python3", "-m", "vllm.entrypoints.openai.api_server", "--model", source, "--tensor-parallel-size",
        dataParallelAttention ? "1" : String(entry.tensor.value),
        "--pipeline-parallel-size", String(entry.pipeline.value), "--max-model-len", String(maxLength),
        "--gpu-memory-utilization", String(entry.gpuMemoryUtilization.value), "--max-num-seqs", String(batch),
        "--port", String(port),
      ] + (dataParallelAttention ? ["--data-parallel-size", String(entry.tensor.value)] : [])
        + (stepTokens.map { ["--max-num-batched-tokens", $0] } ?? [])
        + (entry.expert.value > 1 ? ["--enable-expert-parallel"] : []) + extra
    }
  }

  /// SGLang's flags for a pool of a disaggregated entry (its PD disaggregation page): the pool's
  /// `--disaggregation-mode`, and the prefill pool's bootstrap port.
  var disaggregation: [String] {
    switch serving.role {
    case .combined: []
    case .prefill:
      ["--disaggregation-mode", "prefill", "--disaggregation-bootstrap-port", String(Self.bootstrapPort)]
    case .decode: ["--disaggregation-mode", "decode"]
    }
  }

  /// SGLang's flags for data-parallel attention (`--enable-dp-attention` with `--dp-size` ranks, one per
  /// tensor rank) and expert parallelism (`--ep-size`), as its server-arguments page documents them.
  var sglangParallelism: [String] {
    let entry = serving.entry
    var flags: [String] = []
    if entry.attentionParallelism.value == .data {
      flags += ["--enable-dp-attention", "--dp-size", String(entry.tensor.value)]
    }
    if entry.expert.value > 1 { flags += ["--ep-size", String(entry.expert.value)] }
    return flags
  }

  /// SGLang across the servers of a LeaderWorkerSet group: LWS injects the leader's address, the group
  /// size and each pod's index; Kubernetes expands `$(VAR)` in arguments.
  var multiNode: [String] {
    guard serving.serversPerReplica > 1 else { return [] }
    return [
      "--nnodes", "$(LWS_GROUP_SIZE)", "--node-rank", "$(LWS_WORKER_INDEX)", "--dist-init-addr",
      "$(LWS_LEADER_ADDRESS):20000",
    ]
  }

  /// The engine's Prometheus metric names (vLLM's for TensorRT-LLM too: its OpenAI server does not
  /// document its own).
  struct Metrics {
    var running: String
    var ttftBucket: String
    /// The per-output-token latency histogram, newest name first: vLLM deprecated
    /// `time_per_output_token_seconds` in v0.11 for `inter_token_latency_seconds` (hidden in v0.12, then
    /// removed; vllm/v1/metrics/loggers.py), and SGLang made the same change in its v0.4.5 era
    /// (python/sglang/srt/metrics/collector.py). `or` reads whichever the pinned image exports.
    var tpotBuckets: [String]
    var requests: String
    /// Output tokens generated (a counter) and requests waiting for a slot (a gauge).
    var generated: String
    var waiting: String
    /// vLLM renamed its KV-cache gauge in v0.9.2 (`gpu_cache_usage_perc` → `kv_cache_usage_perc`);
    /// `or` reads whichever the pinned image exports.
    var kvUsageNames: [String]

    func kvUsage(_ scope: String) -> String { kvUsageNames.map { $0 + scope }.joined(separator: " or ") }
  }

  var metrics: Metrics {
    serving.entry.engine.value == .sglang
      ? Metrics(
        running: "sglang:num_running_reqs", ttftBucket: "sglang:time_to_first_token_seconds_bucket",
        tpotBuckets: ["sglang:inter_token_latency_seconds_bucket", "sglang:time_per_output_token_seconds_bucket"],
        requests: "sglang:num_requests_total", generated: "sglang:generation_tokens_total",
        waiting: "sglang:num_queue_reqs",
        kvUsageNames: ["sglang:token_usage"])
      : Metrics(
        running: "vllm:num_requests_running", ttftBucket: "vllm:time_to_first_token_seconds_bucket",
        tpotBuckets: ["vllm:inter_token_latency_seconds_bucket", "vllm:time_per_output_token_seconds_bucket"],
        requests: "vllm:request_success_total", generated: "vllm:generation_tokens_total",
        waiting: "vllm:num_requests_waiting",
        kvUsageNames: ["vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"])
  }

  /// Secrets the spec mounts as files. `mountPath` names the file: the volume projects only the
  /// referenced key and the mount uses subPath, so two keys of one Secret never collide and the
  /// volume names stay unique (`secret-0`, `secret-1`, …).
  var mountedSecrets: [(Int, RegionSpec.Secret)] {
    serving.entry.secrets.enumerated().filter { $0.element.mountPath != nil }.map { ($0.offset, $0.element) }
  }

  static func secretVolumeName(_ index: Int) -> String { "secret-\(index)" }

  /// The model cache holds the downloaded weights: their size plus a fifth for tokenizer files and
  /// compile caches, at least 10 GiB (200 GiB when the catalog does not know the model).
  var cacheGi: Int {
    guard let bytes = model?.weightBytes, bytes > 0 else { return 200 }
    return max(10, Int(saturating: (bytes * 1.2 / 1_073_741_824).rounded(.up)))
  }

  var environment: JSONValue {
    var env = PodTemplates.baseEnvironment
    for secret in serving.entry.secrets {
      guard let variable = secret.env?.value else { continue }
      env.append(
        .object([
          ("name", .string(variable)),
          (
            "valueFrom",
            .object([
              ("secretKeyRef", .object([("name", .string(secret.name.value)), ("key", .string(secret.key.value))]))
            ])
          ),
        ]))
    }
    return .array(env)
  }

  func container(name containerName: String, probes: Bool) -> JSONValue {
    var mounts = PodTemplates.volumeMounts
    for (index, secret) in mountedSecrets {
      mounts.append(
        .object([
          ("name", .string(Self.secretVolumeName(index))), ("mountPath", .string(secret.mountPath?.value ?? "")),
          ("subPath", .string(secret.key.value)), ("readOnly", .bool(true)),
        ]))
    }
    var members: [(String, JSONValue)] = [
      ("name", .string(containerName)), ("image", .string(image)), ("imagePullPolicy", .string("Always")),
      ("command", .array(arguments.prefix(1).map { .string($0) })),
      ("args", .array(arguments.dropFirst().map { .string($0) })),
      (
        "ports",
        .array(
          [.object([("name", .string("http")), ("containerPort", .int(port)), ("protocol", .string("TCP"))])]
            + (serving.role == .prefill
              ? [
                .object([
                  ("name", .string("bootstrap")), ("containerPort", .int(Self.bootstrapPort)),
                  ("protocol", .string("TCP")),
                ])
              ] : []))
      ),
      ("env", environment),
      ("resources", PodTemplates.resources(server: serving.server, gpus: podGPUs, gpuResource: gpuResource)),
      ("securityContext", PodTemplates.securityContext()), ("volumeMounts", .array(mounts)),
    ]
    if probes {
      let http: JSONValue = .object([("path", .string("/health")), ("port", .string("http"))])
      members += [
        ("startupProbe", .object([("httpGet", http), ("periodSeconds", .int(10)), ("failureThreshold", .int(180))])),
        ("readinessProbe", .object([("httpGet", http), ("periodSeconds", .int(10)), ("failureThreshold", .int(3))])),
        ("livenessProbe", .object([("httpGet", http), ("periodSeconds", .int(20)), ("failureThreshold", .int(6))])),
      ]
    }
    return .object(members)
  }

  func podSpec(containerName: String, probes: Bool, label: (key: String, value: String)) -> JSONValue {
    var volumes = PodTemplates.volumes(shmGi: 16, cacheGi: cacheGi)
    for (index, secret) in mountedSecrets {
      let projection: JSONValue = .array([
        .object([("key", .string(secret.key.value)), ("path", .string(secret.key.value))])
      ])
      volumes.append(
        .object([
          ("name", .string(Self.secretVolumeName(index))),
          (
            "secret",
            .object([("secretName", .string(secret.name.value)), ("items", projection), ("defaultMode", .int(0o440))])
          ),
        ]))
    }
    return .object([
      ("automountServiceAccountToken", .bool(false)), ("priorityClassName", .string("kiln-serving")),
      ("securityContext", PodTemplates.podSecurityContext()),
      ("affinity", PodTemplates.affinity(label: label, cluster: serving.entry.cluster.name.value)),
      ("tolerations", PodTemplates.tolerations(gpuResource)),
      ("containers", .array([container(name: containerName, probes: probes)])),
      ("volumes", .array(volumes)),
    ])
  }

  /// `exclusiveTopology`: the node label a LeaderWorkerSet places each replica alone under (one block of the
  /// fabric), or nil.
  func documents(label: (key: String, value: String), exclusiveTopology: String? = nil) -> [JSONValue] {
    let entry = serving.entry
    var documents: [JSONValue] = []
    let template: JSONValue = .object([
      (
        "metadata",
        .object(
          [("labels", .object(labels))] + (podAnnotations.isEmpty ? [] : [("annotations", .object(podAnnotations))]))
      ),
      ("spec", podSpec(containerName: entry.engine.value.rawValue, probes: true, label: label)),
    ])
    if serving.serversPerReplica <= 1 {
      documents.append(
        .object([
          ("apiVersion", .string(workload.apiVersion)), ("kind", .string(workload.kind)),
          ("metadata", metadata(annotations: checkovSkips)),
          (
            "spec",
            .object([
              // No `replicas`: the HPA owns it, and re-applying must not scale back to the minimum.
              ("selector", selector),
              (
                "strategy",
                .object([
                  ("type", .string("RollingUpdate")),
                  ("rollingUpdate", .object([("maxUnavailable", .int(1)), ("maxSurge", .int(0))])),
                ])
              ),
              ("template", template),
            ])
          ),
        ]))
    } else {
      let worker: JSONValue = .object([
        ("metadata", .object([("labels", .object(labels))])),
        ("spec", podSpec(containerName: "\(entry.engine.value)-worker", probes: false, label: label)),
      ])
      documents.append(
        .object([
          ("apiVersion", .string(workload.apiVersion)), ("kind", .string(workload.kind)),
          (
            "metadata",
            metadata(
              annotations: exclusiveTopology.map { [("leaderworkerset.sigs.k8s.io/exclusive-topology", .string($0))] }
                ?? [])
          ),
          (
            "spec",
            .object([
              ("startupPolicy", .string("LeaderCreated")),
              (
                "leaderWorkerTemplate",
                .object([
                  ("size", .int(serving.serversPerReplica)), ("restartPolicy", .string("RecreateGroupOnPodRestart")),
                  ("leaderTemplate", template), ("workerTemplate", worker),
                ])
              ),
            ])
          ),
        ]))
    }
    documents.append(ObjectTemplates.service(metadata: metadata(), selector: serviceSelector, port: port))
    documents.append(
      .object([
        ("apiVersion", .string("autoscaling/v2")), ("kind", .string("HorizontalPodAutoscaler")),
        ("metadata", metadata()),
        (
          "spec",
          .object([
            (
              "scaleTargetRef",
              .object([
                ("apiVersion", .string(workload.apiVersion)), ("kind", .string(workload.kind)), ("name", .string(name)),
              ])
            ),
            ("minReplicas", .int(max(1, entry.minReplicas.value))),
            ("maxReplicas", .int(max(1, entry.maxReplicas.value))),
            (
              "metrics",
              .array([
                // Scale when the running requests per pod approach the batch the engine is sized for.
                .object([
                  ("type", .string("Pods")),
                  (
                    "pods",
                    .object([
                      ("metric", .object([("name", .string(metrics.running))])),
                      (
                        "target",
                        .object([
                          ("type", .string("AverageValue")), ("averageValue", .string(String(max(1, batch * 8 / 10)))),
                        ])
                      ),
                    ])
                  ),
                ])
              ])
            ),
          ])
        ),
      ]))
    documents.append(ObjectTemplates.podDisruptionBudget(metadata: metadata(), selector: selector))
    let peers: JSONValue = .object([("podSelector", peerSelector)])
    documents.append(
      ObjectTemplates.networkPolicy(
        metadata: metadata(), podSelector: selector,
        // A pool of a disaggregated entry is reached through its router, not from the ingress.
        ingress: (serving.role == .combined
          ? [ObjectTemplates.port(port, fromNamespace: settings.kubernetes.ingressNamespace.value)]
            + [
              FrontDoorObjects.gatewayPeer(serving.region, port: port), FrontDoorObjects.endpointPickerPeer(serving),
            ].compactMap { $0 } : []) + [
            ObjectTemplates.port(port, fromNamespace: settings.kubernetes.monitoringNamespace.value),
            .object([("from", .array([peers]))]),
          ],
        egress: [.object([("to", .array([peers]))]), ObjectTemplates.dnsEgress, ObjectTemplates.httpsEgress]))
    let monitoringLabels = settings.kubernetes.monitoringLabels.sorted { $0.key < $1.key }.map {
      ($0.key, JSONValue.string($0.value))
    }
    documents.append(
      .object([
        ("apiVersion", .string("monitoring.coreos.com/v1")), ("kind", .string("ServiceMonitor")),
        ("metadata", metadata(monitoringLabels)),
        (
          "spec",
          .object([
            ("selector", selector),
            (
              "endpoints",
              .array([
                .object([("port", .string("http")), ("path", .string("/metrics")), ("interval", .string("30s"))])
              ])
            ),
          ])
        ),
      ]))
    var rules: [JSONValue] = []
    let scope = self.scope
    let metrics = self.metrics
    // A latency objective: the p95 of the engine's histogram over 5 minutes, in seconds; of the first of its
    // names the engine exports.
    func latencyAlert(_ alertName: String, _ buckets: [String], _ objective: Double?, _ what: String) {
      guard let objective else { return }
      let limit = Self.number(objective)
      rules.append(
        alert(alertName, "\(p95(buckets, window: "5m")) > \(limit)", "p95 \(what) above the \(limit)s objective"))
    }
    // A disaggregated entry's TTFT is its prefill pool's, its TPOT its decode pool's.
    latencyAlert(
      "TTFTAboveObjective", [metrics.ttftBucket], serving.role == .decode ? nil : entry.ttft?.value,
      "time to first token"
    )
    latencyAlert(
      "TPOTAboveObjective", metrics.tpotBuckets, serving.role == .prefill ? nil : entry.tpot?.value,
      "time per output token")
    if let availability = entry.availability?.value {
      // Google SRE workbook: page when the 1-hour burn rate exceeds 14.4 (2 % of a 30-day budget).
      let threshold = Self.number(14.4 * (1 - availability))
      let failed = "{namespace=\"\(namespace)\", service=\"\(name)\", finished_reason=\"abort\"}"
      rules.append(
        alert(
          "AvailabilityBurnRate",
          "(sum(rate(\(metrics.requests)\(failed)[1h])) / clamp_min(sum(rate(\(metrics.requests)\(scope)[1h])), 1e-9)) > \(threshold)",
          "error budget burning 14.4x faster than the \(Self.number(availability * 100))% availability objective allows"
        ))
    }
    rules.append(
      alert("KVCachePressure", "max(\(metrics.kvUsage(scope))) > 0.95", "KV cache above 95% on a replica"))
    documents.append(
      .object([
        ("apiVersion", .string("monitoring.coreos.com/v1")), ("kind", .string("PrometheusRule")),
        ("metadata", metadata(monitoringLabels)),
        (
          "spec",
          .object([("groups", .array([.object([("name", .string("\(name).slo")), ("rules", .array(rules))])]))])
        ),
      ]))
    return documents
  }

  /// The label matchers of this entry's series: the ServiceMonitor's target labels.
  var scope: String { "{namespace=\"\(namespace)\", service=\"\(name)\"}" }

  /// The p95 of a latency histogram over `window`, of the first of its names the engine exports.
  func p95(_ buckets: [String], window: String) -> String {
    "histogram_quantile(0.95, "
      + buckets.map { "sum by (le) (rate(\($0)\(scope)[\(window)]))" }.joined(separator: " or ") + ")"
  }

  /// A decimal without binary noise (0.0144, not 0.014399999999998414).
  static func number(_ value: Double) -> String { JSONValue.format((value * 1e9).rounded() / 1e9) }

  func alert(_ alertName: String, _ expression: String, _ summary: String) -> JSONValue {
    .object([
      ("alert", .string("\(alertName)")), ("expr", .string(expression)), ("for", .string("10m")),
      ("labels", .object([("severity", .string("warning")), ("kiln_serving", .string(name))])),
      ("annotations", .object([("summary", .string("\(source): \(summary)"))])),
    ])
  }
}
