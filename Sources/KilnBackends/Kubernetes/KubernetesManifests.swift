import KilnAnalysis
import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// One generated file: its path below the output folder and its documents, or, for a file that is not
/// Kubernetes YAML (a node-label list, a script), its text.
public struct ManifestFile: Sendable {
  public var path: String
  public var documents: [JSONValue]
  public var text: String?

  public init(path: String, documents: [JSONValue], text: String? = nil) {
    self.path = path
    self.documents = documents
    self.text = text
  }

  /// Whether a file's objects belong to the fleet as one stream (`kiln build -o -`, plans): Kubernetes YAML
  /// other than kustomizations and the cluster folders' copies of the priority classes, which the top
  /// `priority.yaml` holds once.
  public static func isFleetObjects(_ path: String) -> Bool {
    path.hasSuffix(".yaml") && !path.hasSuffix("kustomization.yaml")
      && !(path.contains("/") && path.hasSuffix("/priority.yaml"))
  }
}

/// The Kubernetes backend (docs/kubernetes.md): per cluster a Namespace, Kueue
/// Topology, ResourceFlavors, ClusterQueues and LocalQueues; the priority classes once at the top and once in
/// each cluster folder, so a folder applies alone to its own Kubernetes cluster; a kustomization per cluster,
/// and one at the top over the top's priority classes and the clusters' other files, so the whole fleet
/// applies to one Kubernetes cluster without a duplicate. Deterministic: files and objects in sorted order.
public enum KubernetesManifests {
  /// Kueue's storage version (`v1beta1` is deprecated).
  static let kueueAPI = "kueue.x-k8s.io/v1beta2"

  /// The manifests of an analysed IR; serving workloads take their batch and figures from `analysis`.
  public static func render(_ ir: IRProject, analysis: Analysis, projectName: String) -> [ManifestFile] {
    let settings = ir.project
    var files: [ManifestFile] = []
    var topResources = ["priority.yaml"]
    let priority = PriorityObjects.documents(projectName: projectName)
    for cluster in ir.clusters.sorted(by: { $0.name < $1.name }) {
      let placement = PlacementObjects(cluster: cluster, placement: Placement(cluster, in: ir), settings: settings)
      let objects = ClusterObjects(
        cluster: cluster, settings: settings, projectName: projectName, levels: placement.levels)
      let documents = objects.documents
      guard !documents.isEmpty else { continue }
      files.append(ManifestFile(path: "\(cluster.name)/cluster.yaml", documents: documents))
      var resources = ["cluster.yaml"]
      let entries = ir.serving.indices.filter { ir.serving[$0].clusterID == cluster.id }
        .sorted { ir.serving[$0].id < ir.serving[$1].id }
      let serving = entries.flatMap { index in
        let pool = ServingObjects(
          serving: ir.serving[index], model: analysis.servingModels[index], settings: settings,
          projectName: projectName, namespace: objects.namespace)
        // A disaggregated entry's router comes with its decode pool.
        let router = ir.serving[index].role == .decode ? DisaggregationRouter(decode: pool).documents() : []
        return router
          + pool.documents(
            label: objects.nodeLabel(gpu: ir.serving[index].server?.gpu?.name),
            exclusiveTopology: Self.exclusiveTopology(
              ir.serving[index], placement: placement.placement, settings: settings))
      }
      if !serving.isEmpty {
        files.append(ManifestFile(path: "\(cluster.name)/serving.yaml", documents: serving))
        resources.append("serving.yaml")
      }
      // Each region served from here gets its front door in this namespace.
      let regions = Dictionary(grouping: entries.map { ir.serving[$0] }, by: \.region.name)
      let frontDoor = regions.keys.sorted().flatMap { name in
        let region = regions[name] ?? []
        return FrontDoorObjects(
          region: region[0].region, entries: region, settings: settings, projectName: projectName,
          namespace: objects.namespace
        ).documents()
      }
      if !frontDoor.isEmpty {
        files.append(ManifestFile(path: "\(cluster.name)/front-door.yaml", documents: frontDoor))
        resources.append("front-door.yaml")
      }
      let dashboards = DashboardObjects(
        cluster: cluster, ir: ir, analysis: analysis, settings: settings, projectName: projectName,
        namespace: objects.namespace
      ).documents()
      files.append(ManifestFile(path: "\(cluster.name)/dashboards.yaml", documents: dashboards))
      resources.append("dashboards.yaml")
      // A run without an image has no JobSet (K7004 warns).
      let runs = ir.trainingRuns.filter { $0.cluster?.name == cluster.name && $0.spec.image != nil }
      let training = runs.sorted { $0.id < $1.id }.flatMap {
        run in
        TrainingObjects(
          run: run, cluster: cluster, settings: settings, projectName: projectName, namespace: objects.namespace
        )
        .documents(label: objects.nodeLabel(gpu: run.gpu?.name), placement: placement.placement)
      }
      if !training.isEmpty {
        files.append(ManifestFile(path: "\(cluster.name)/training.yaml", documents: training))
        resources.append("training.yaml")
      }
      topResources += resources.map { "\(cluster.name)/\($0)" }
      files.append(ManifestFile(path: "\(cluster.name)/priority.yaml", documents: priority))
      files += placement.files
      files.append(
        ManifestFile(
          path: "\(cluster.name)/kustomization.yaml", documents: [kustomization(["priority.yaml"] + resources)]))
    }
    files.append(ManifestFile(path: "priority.yaml", documents: priority))
    files.append(ManifestFile(path: "kustomization.yaml", documents: [kustomization(topResources)]))
    return files
  }

  /// The LeaderWorkerSet of a serving entry whose replica spans servers asks LWS to place each replica alone
  /// in one block (`leaderworkerset.sigs.k8s.io/exclusive-topology`) when a replica fits a block and the
  /// cluster has a block for every replica at `replicas.max`; otherwise it asks nothing, since LWS offers
  /// only exclusive placement and it would leave replicas unscheduled.
  static func exclusiveTopology(_ serving: IRServing, placement: Placement, settings: ProjectSpec) -> String? {
    guard serving.serversPerReplica > 1, let perBlock = placement.serversPerBlock,
      serving.serversPerReplica <= perBlock
    else { return nil }
    let blocks = Set(placement.servers.compactMap(\.block)).count
    return blocks >= serving.entry.maxReplicas.value ? settings.kubernetes.blockLabel.value : nil
  }

  static func kustomization(_ resources: [String]) -> JSONValue {
    .object([
      ("apiVersion", .string("kustomize.config.k8s.io/v1beta1")), ("kind", .string("Kustomization")),
      ("resources", .array(resources.map { .string($0) })),
    ])
  }

  /// Labels every generated object carries, and the annotation naming its spec object.
  static func metadata(
    name: String, namespace: String? = nil, component: String, projectName: String, source: String,
    labels extra: [(String, JSONValue)] = [], annotations: [(String, JSONValue)] = [],
    specLabels: [String: String] = [:]
  ) -> JSONValue {
    var members: [(String, JSONValue)] = [("name", .string(name))]
    if let namespace { members.append(("namespace", .string(namespace))) }
    members.append(
      (
        "labels",
        .object(
          [
            ("app.kubernetes.io/name", .string(component)), ("app.kubernetes.io/part-of", .string(projectName)),
            ("app.kubernetes.io/managed-by", .string("kiln")),
          ] + extra
            + specLabels.keys.sorted().filter { key in !extra.contains { $0.0 == key } }.map {
              ($0, .string(specLabels[$0] ?? ""))
            })
      ))
    members.append(("annotations", .object([("kiln.dev/source", .string(source))] + annotations)))
    return .object(members)
  }
}

/// The Kueue and namespace objects of one cluster.
struct ClusterObjects {
  let cluster: IRCluster
  let settings: ProjectSpec
  let projectName: String
  /// The Topology's levels, coarsest first (PlacementObjects.levels).
  let levels: [String]

  var namespace: String { GeneratedNames.namespace(cluster, prefix: settings.kubernetes.namespacePrefix.value) }
  var topologyName: String { GeneratedNames.topology(cluster) }
  var source: String { cluster.id }

  /// One ResourceFlavor per GPU type of the cluster's rack groups.
  struct Flavor {
    var name: String
    /// The catalog GPU: the flavor's quota comes from the cluster's pool of it.
    var gpu: String
    var resource: String
    var label: (key: String, value: String)
    var groups: [IRRackGroup]
  }

  var flavors: [Flavor] {
    var byName: [String: Flavor] = [:]
    for group in cluster.rackGroups {
      guard let gpu = group.server.gpu, group.server.gpuCount > 0 else { continue }
      let name = GeneratedNames.resourceFlavor(cluster, gpu: gpu.name)
      let resource = PodTemplates.gpuResource(gpu)
      let label =
        group.nodeLabel.map { (key: $0.key.value, value: $0.value.value) }
        ?? (gpu.vendor == .amd ? ("amd.com/gpu.product-name", gpu.name) : ("nvidia.com/gpu.product", gpu.name))
      byName[name, default: Flavor(name: name, gpu: gpu.name, resource: resource, label: label, groups: [])].groups
        .append(group)
    }
    return byName.keys.sorted().compactMap { byName[$0] }
  }

  /// The node label of the flavor holding `gpu` (a serving entry's or training run's GPU), so a pod
  /// lands on its own rack group's servers in a cluster of several GPU types.
  func nodeLabel(gpu: String?) -> (key: String, value: String) {
    let flavors = self.flavors
    let own = flavors.first { flavor in flavor.groups.contains { $0.server.gpu?.name == gpu } }
    return (own ?? flavors.first)?.label ?? ("nvidia.com/gpu.product", "")
  }

  var documents: [JSONValue] {
    let flavors = self.flavors
    guard !flavors.isEmpty else { return [] }
    var documents: [JSONValue] = []
    documents.append(
      .object([
        ("apiVersion", .string("v1")), ("kind", .string("Namespace")),
        (
          "metadata",
          KubernetesManifests.metadata(
            name: namespace, component: cluster.name, projectName: projectName, source: source,
            labels: [("kiln.dev/cluster", .string(cluster.name))], specLabels: cluster.spec.labels)
        ),
      ]))
    documents.append(
      .object([
        ("apiVersion", .string(KubernetesManifests.kueueAPI)), ("kind", .string("Topology")),
        (
          "metadata",
          KubernetesManifests.metadata(
            name: topologyName, component: cluster.name, projectName: projectName, source: source,
            specLabels: cluster.spec.labels)
        ),
        (
          "spec",
          .object([
            (
              "levels",
              .array(levels.map { .object([("nodeLabel", .string($0))]) })
            )
          ])
        ),
      ]))
    for flavor in flavors {
      documents.append(
        .object([
          ("apiVersion", .string(KubernetesManifests.kueueAPI)), ("kind", .string("ResourceFlavor")),
          (
            "metadata",
            KubernetesManifests.metadata(
              name: flavor.name, component: cluster.name, projectName: projectName, source: source,
              specLabels: cluster.spec.labels)
          ),
          (
            "spec",
            .object([
              (
                "nodeLabels",
                .object(
                  [(flavor.label.key, .string(flavor.label.value)), ("kiln.dev/cluster", .string(cluster.name))]
                    + (cluster.site.map { [("topology.kubernetes.io/region", JSONValue.string($0.region.value))] } ?? [])
                )
              ),
              (
                "tolerations",
                .array([
                  .object([
                    ("key", .string(flavor.resource)), ("operator", .string("Exists")),
                    ("effect", .string("NoSchedule")),
                  ])
                ])
              ),
              ("topologyName", .string(topologyName)),
            ])
          ),
        ]))
    }
    for (queueIndex, queue) in cluster.queueQuotas.enumerated() {
      // cpu and memory quotas come from the servers' catalog figures; without them only GPUs are covered.
      let hostFigures = flavors.allSatisfy {
        $0.groups.allSatisfy { $0.server.cpuCores != nil && $0.server.hostMemory != nil }
      }
      let resources = (hostFigures ? ["cpu", "memory"] : []) + Array(Set(flavors.map(\.resource))).sorted()
      let flavorEntries = flavors.map { flavor -> JSONValue in
        // The queue's share of this GPU type's queueable GPUs, as the IR counts them per pool.
        let gpus = flavor.groups.reduce(0) { $0 + $1.gpus }
        let gpuQuota = cluster.pool(flavor.gpu).map { cluster.queueQuotas(in: $0)[queueIndex].gpus } ?? 0
        let perGPU = gpus > 0 ? Double(gpuQuota) / Double(gpus) : 0
        let cores = flavor.groups.reduce(0.0) { $0 + Double($1.servers * ($1.server.cpuCores ?? 0)) } * perGPU
        let memory = flavor.groups.reduce(0.0) { $0 + Double($1.servers) * ($1.server.hostMemory ?? 0) } * perGPU
        let memoryGi = Int(saturating: (memory / 1_073_741_824).rounded(.down))
        return .object([
          ("name", .string(flavor.name)),
          (
            "resources",
            .array(
              resources.map { resource -> JSONValue in
                let quota: JSONValue =
                  resource == "cpu"
                  ? .int(Int(saturating: cores.rounded(.down)))
                  : resource == "memory" ? .string("\(memoryGi)Gi") : .int(resource == flavor.resource ? gpuQuota : 0)
                return .object([("name", .string(resource)), ("nominalQuota", quota)])
              })
          ),
        ])
      }
      documents.append(
        .object([
          ("apiVersion", .string(KubernetesManifests.kueueAPI)), ("kind", .string("ClusterQueue")),
          (
            "metadata",
            KubernetesManifests.metadata(
              name: GeneratedNames.clusterQueue(cluster, queue: queue.name), component: cluster.name,
              projectName: projectName, source: source,
              specLabels: cluster.spec.labels)
          ),
          (
            "spec",
            .object([
              ("cohortName", .string(cluster.name)),
              (
                "namespaceSelector",
                .object([("matchLabels", .object([("kubernetes.io/metadata.name", .string(namespace))]))])
              ),
              ("queueingStrategy", .string("BestEffortFIFO")),
              (
                "preemption",
                .object([("reclaimWithinCohort", .string("Any")), ("withinClusterQueue", .string("LowerPriority"))])
              ),
              (
                "resourceGroups",
                .array([
                  .object([
                    ("coveredResources", .array(resources.map { .string($0) })), ("flavors", .array(flavorEntries)),
                  ])
                ])
              ),
            ])
          ),
        ]))
      documents.append(
        .object([
          ("apiVersion", .string(KubernetesManifests.kueueAPI)), ("kind", .string("LocalQueue")),
          (
            "metadata",
            KubernetesManifests.metadata(
              name: GeneratedNames.localQueue(queue.name, among: cluster.spec.queues.map(\.name.value)),
              namespace: namespace, component: cluster.name,
              projectName: projectName, source: source,
              specLabels: cluster.spec.labels)
          ),
          ("spec", .object([("clusterQueue", .string(GeneratedNames.clusterQueue(cluster, queue: queue.name)))])),
        ]))
    }
    return documents
  }
}

/// PriorityClass and Kueue WorkloadPriorityClass, once: serving above training.
enum PriorityObjects {
  static let classes: [(name: String, value: Int, description: String)] = [
    ("kiln-serving", 100_000, "Serving workloads generated by Kiln: above training."),
    ("kiln-training", 10_000, "Training workloads generated by Kiln."),
  ]

  static func documents(projectName: String) -> [JSONValue] {
    var documents: [JSONValue] = []
    for item in classes {
      documents.append(
        .object([
          ("apiVersion", .string("scheduling.k8s.io/v1")), ("kind", .string("PriorityClass")),
          (
            "metadata",
            KubernetesManifests.metadata(
              name: item.name, component: "priority", projectName: projectName, source: "Project/\(projectName)")
          ),
          ("value", .int(item.value)), ("globalDefault", .bool(false)), ("description", .string(item.description)),
        ]))
      documents.append(
        .object([
          ("apiVersion", .string(KubernetesManifests.kueueAPI)), ("kind", .string("WorkloadPriorityClass")),
          (
            "metadata",
            KubernetesManifests.metadata(
              name: item.name, component: "priority", projectName: projectName, source: "Project/\(projectName)")
          ),
          ("value", .int(item.value)), ("description", .string(item.description)),
        ]))
    }
    return documents
  }
}
