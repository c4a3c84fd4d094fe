import KilnAnalysis
import KilnIR
import KilnSpec
import KilnSupport

/// The Grafana dashboards of one cluster (docs/kubernetes.md §5.7), each a ConfigMap in the cluster's
/// namespace labelled `grafana_dashboard: "1"` for the Grafana sidecar of kube-prometheus-stack: the fleet
/// (GPU utilization, GPU power per rack against its limit, fabric throughput), each region served here
/// (tokens/s against planned capacity, TTFT and TPOT against the SLO, KV cache, queue), and the queues
/// (GPUs admitted against quota, pending workloads, checkpoint age). Every threshold is an analysed figure.
struct DashboardObjects {
  let cluster: IRCluster
  let ir: IRProject
  let analysis: Analysis
  let settings: ProjectSpec
  let projectName: String
  let namespace: String

  func documents() -> [JSONValue] {
    var dashboards = [fleet(), queues()]
    let entries = ir.serving.indices.filter { ir.serving[$0].clusterID == cluster.id }
    let regions = Dictionary(grouping: entries, by: { ir.serving[$0].region.name })
    for region in regions.keys.sorted() {
      dashboards.append(serving(region: region, entries: regions[region] ?? []))
    }
    return dashboards.map(configMap)
  }

  func configMap(_ dashboard: (name: String, dashboard: GrafanaDashboard)) -> JSONValue {
    .object([
      ("apiVersion", .string("v1")), ("kind", .string("ConfigMap")),
      (
        "metadata",
        KubernetesManifests.metadata(
          name: dashboard.name, namespace: namespace, component: "dashboards", projectName: projectName,
          source: cluster.id, labels: [("grafana_dashboard", .string("1"))])
      ),
      ("data", .object([("\(dashboard.name).json", .string(dashboard.dashboard.json.serialized(pretty: false)))])),
    ])
  }

  /// kube-state-metrics' name for a node label in `kube_node_labels` (given `--metric-labels-allowlist`).
  static func nodeLabel(_ key: String) -> String {
    "label_" + String(key.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  /// DCGM exporter series summed per rack: joined to the node's rack label through kube-state-metrics'
  /// kube_node_labels, for the racks whose label value matches `racks`.
  func byRack(_ metric: String, racks: String) -> String {
    let rack = Self.nodeLabel(settings.kubernetes.rackLabel.value)
    return
      "sum by (\(rack)) (\(metric) * on (Hostname) group_left (\(rack)) label_replace(kube_node_labels{\(rack)=~\"\(racks)\"}, \"Hostname\", \"$1\", \"node\", \"(.*)\"))"
  }

  func fleet() -> (name: String, dashboard: GrafanaDashboard) {
    var panels = [
      GrafanaDashboard.Panel(
        title: "GPU utilization by node", description: "DCGM exporter: the share of time a kernel ran on the GPU.",
        queries: [("avg by (Hostname) (DCGM_FI_DEV_GPU_UTIL)", "{{Hostname}}")], unit: "percent", threshold: nil)
    ]
    let rack = Self.nodeLabel(settings.kubernetes.rackLabel.value)
    for group in cluster.rackGroups where group.server.gpuCount > 0 {
      panels.append(
        GrafanaDashboard.Panel(
          title: "GPU power per rack, \(group.name), against its \(Int(group.powerLimit.value / 1_000)) kW limit",
          description:
            "DCGM exporter's GPU power summed per rack (the node label \(settings.kubernetes.rackLabel.value)); the GPUs are part of what a rack draws, so this is a floor. The line is the rack group's power limit.",
          queries: [(byRack("DCGM_FI_DEV_POWER_USAGE", racks: "\(group.name)-.*"), "{{\(rack)}}")], unit: "watt",
          threshold: group.powerLimit.value))
    }
    if let fabric = cluster.spec.fabric?.target.map({ ir.fabrics[$0] }), let speed = fabric.nicSpeed,
      let ports = cluster.rackGroups.first.map({ $0.server.ports(role: .compute) }), ports > 0
    {
      panels.append(
        GrafanaDashboard.Panel(
          title: "Compute fabric throughput by node (\(fabric.spec.name))",
          description:
            "node_exporter's InfiniBand counters (received + transmitted). The line is a node's compute NICs at line rate, one way.",
          queries: [
            (
              "sum by (instance) (rate(node_infiniband_port_data_received_bytes_total[$__rate_interval]) + rate(node_infiniband_port_data_transmitted_bytes_total[$__rate_interval])) * 8",
              "{{instance}}"
            )
          ], unit: "bps", threshold: Double(ports) * speed * 8))
    }
    return (
      "\(cluster.name)-fleet",
      GrafanaDashboard(
        key: "\(projectName)/\(cluster.name)/fleet", title: "\(cluster.name): GPUs, power and fabric",
        tags: ["kiln", projectName, cluster.name], panels: panels)
    )
  }

  func queues() -> (name: String, dashboard: GrafanaDashboard) {
    var panels: [GrafanaDashboard.Panel] = []
    let gpuResources = Set(
      cluster.rackGroups.compactMap { group in group.server.gpu.map { PodTemplates.gpuResource($0) } })
    let resources = gpuResources.sorted().joined(separator: "|")
    for queue in cluster.queueQuotas {
      let name = GeneratedNames.clusterQueue(cluster, queue: queue.name)
      panels.append(
        GrafanaDashboard.Panel(
          title: "GPUs admitted in \(name) against its \(queue.gpus)-GPU quota",
          description:
            "Kueue's kueue_cluster_queue_resource_usage (needs metrics.enableClusterQueueResources in Kueue's configuration). The line is the queue's nominal quota as Kiln planned it.",
          queries: [
            (
              "sum(kueue_cluster_queue_resource_usage{cluster_queue=\"\(name)\", resource=~\"\(resources)\"})",
              "in use"
            )
          ], unit: "none", threshold: Double(queue.gpus)))
    }
    panels.append(
      GrafanaDashboard.Panel(
        title: "Pending and admitted workloads",
        description: "Kueue's kueue_pending_workloads and kueue_admitted_active_workloads per ClusterQueue.",
        queries: [
          (
            "sum by (cluster_queue, status) (kueue_pending_workloads{cluster_queue=~\"\(cluster.name)-.*\"})",
            "pending {{cluster_queue}} {{status}}"
          ),
          (
            "sum by (cluster_queue) (kueue_admitted_active_workloads{cluster_queue=~\"\(cluster.name)-.*\"})",
            "admitted {{cluster_queue}}"
          ),
        ], unit: "none", threshold: nil))
    for run in ir.trainingRuns where run.cluster?.id == cluster.id {
      guard let interval = run.spec.checkpointInterval?.value else { continue }
      panels.append(
        GrafanaDashboard.Panel(
          title: "Checkpoint age of \(run.spec.name)",
          description:
            "Seconds since the last checkpoint, from kiln_checkpoint_timestamp_seconds, which the trainer must export (no engine does). The line is twice the checkpoint interval.",
          queries: [
            (
              "time() - max(kiln_checkpoint_timestamp_seconds{namespace=\"\(namespace)\", jobset=\"\(GeneratedNames.jobSet(run))\"})",
              "age"
            )
          ], unit: "s", threshold: 2 * interval))
    }
    return (
      "\(cluster.name)-queues",
      GrafanaDashboard(
        key: "\(projectName)/\(cluster.name)/queues", title: "\(cluster.name): queues and training",
        tags: ["kiln", projectName, cluster.name], panels: panels)
    )
  }

  func serving(region: String, entries: [Int]) -> (name: String, dashboard: GrafanaDashboard) {
    var panels: [GrafanaDashboard.Panel] = []
    for index in entries.sorted(by: { ir.serving[$0].id < ir.serving[$1].id }) {
      let serving = ir.serving[index]
      let model = analysis.servingModels[index]
      let pool = ServingObjects(
        serving: serving, model: model, settings: settings, projectName: projectName, namespace: namespace)
      let metrics = pool.metrics
      let label = GeneratedNames.serving(serving)
      let capacity = model?.capacity
      if serving.role != .prefill {
        panels.append(
          GrafanaDashboard.Panel(
            title: "\(label): output tokens/s against planned capacity",
            description: "The line is Kiln's capacity at replicas.max (kiln report's capacity_tokensPerSecond).",
            queries: [("sum(rate(\(metrics.generated)\(pool.scope)[$__rate_interval]))", "tokens/s")], unit: "none",
            threshold: capacity))
      }
      if serving.role != .decode, let ttft = serving.entry.ttft?.value {
        panels.append(
          GrafanaDashboard.Panel(
            title: "\(label): p95 time to first token", description: "The line is the SLO's ttft.",
            queries: [(pool.p95([metrics.ttftBucket], window: "$__rate_interval"), "p95")], unit: "s", threshold: ttft))
      }
      if serving.role != .prefill, let tpot = serving.entry.tpot?.value {
        panels.append(
          GrafanaDashboard.Panel(
            title: "\(label): p95 time per output token", description: "The line is the SLO's tpot.",
            queries: [(pool.p95(metrics.tpotBuckets, window: "$__rate_interval"), "p95")], unit: "s", threshold: tpot))
      }
      panels.append(
        GrafanaDashboard.Panel(
          title: "\(label): KV cache and queue",
          description: "The fullest replica's KV cache (a fraction) and the requests waiting for a slot.",
          queries: [
            ("max(\(metrics.kvUsage(pool.scope)))", "KV cache used"),
            ("sum(\(metrics.waiting)\(pool.scope))", "waiting"),
          ], unit: "none", threshold: 0.95))
    }
    return (
      "\(cluster.name)-serving-\(region)",
      GrafanaDashboard(
        key: "\(projectName)/\(cluster.name)/serving/\(region)", title: "\(region) serving on \(cluster.name)",
        tags: ["kiln", projectName, cluster.name, region], panels: panels)
    )
  }
}
