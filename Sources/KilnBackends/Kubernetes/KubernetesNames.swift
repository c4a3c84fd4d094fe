import KilnDiagnostics
import KilnIR
import KilnSpec

/// The K7 diagnostics: what `kiln build` cannot compile as the spec says — names Kubernetes would refuse, a
/// region without a gateway class, two entries on one route, training pods that do not divide into the
/// fabric's blocks. Checked by `kiln lint` too, so CI catches them before a build.
public enum BackendCodes {
  public static let nameTooLong = DiagnosticCode(
    "K7001", "generated Kubernetes name too long",
    explanation:
      "A name Kiln generates (a namespace: namespacePrefix + cluster; a cluster-scoped Kueue object: cluster + suffix; a LocalQueue; a serving workload: region-serving; the Job a TrainingRun's JobSet creates: run + '-workers-0') is longer than Kubernetes' 63 characters. The names come from one place (GeneratedNames), which the manifests use too.",
    example: "metadata: {name: inference-cluster-for-the-european-union-frankfurt-a}   # + '-nvidia-h100-sxm5-80gb'",
    fix: "Use shorter cluster, region or serving names, or a shorter namespacePrefix.")
  public static let leaderWorkerSetNameTooLong = DiagnosticCode(
    "K7002", "LeaderWorkerSet name too long for its worker StatefulSets",
    explanation:
      "A serving entry whose replica spans several servers compiles to a LeaderWorkerSet named <region>-<serving>; its worker StatefulSets are named <name>-<groupIndex> and Kubernetes limits StatefulSet names to 63 characters with room for the pod suffix, so the LeaderWorkerSet name must stay within 52.",
    example: "Region eu-central-production, serving deepseek-v3-chat-long-context (multi-node)",
    fix: "Use shorter region or serving names.")
  public static let serviceName = DiagnosticCode(
    "K7003", "Service name must start with a letter",
    explanation:
      "A serving entry's Service is named <region>-<serving>; Service names are DNS-1035 labels and must start with a letter, so a region name starting with a digit cannot be used.",
    example: "kind: Region\nmetadata: {name: 1-eu}\n",
    fix: "Start the region name with a letter.")

  public static let trainingWithoutImage = DiagnosticCode(
    "K7004", "TrainingRun without an image", severity: .warning,
    explanation:
      "A TrainingRun compiles to a JobSet, whose pods need a container image. Capacity planning and reports do not, so a TrainingRun may leave `image` out; kiln build then generates no JobSet for it.",
    example: "kind: TrainingRun\nspec: {model: v3, cluster: train-1, gpus: 2048, tokens: 14.8T, mfu: 40%}\n",
    fix: "Add `image:` (and `command:`) to the TrainingRun.")

  public static let regionWithoutGatewayClass = DiagnosticCode(
    "K7005", "region without a gateway class", severity: .warning,
    explanation:
      "A Region's `ingress` compiles to a Gateway whose GatewayClass comes from `ingress.gatewayClass`, or from `ingress.loadBalancer` (nginx → nginx, envoy → eg, haproxy → haproxy). A `cloud` load balancer, or none, names no class common to every cluster, so kiln build writes no Gateway and no HTTPRoutes for the region. (A Region without `ingress` asks for no front door and gets none, without a warning.)",
    example: "ingress: {loadBalancer: cloud}\n",
    fix: "Add `gatewayClass:` with the class your cluster's Gateway controller installs (`kubectl get gatewayclass`).")
  public static let routeConflict = DiagnosticCode(
    "K7006", "two serving entries with the same route",
    explanation:
      "With `ingress.match: header`, a Region's HTTPRoutes tell entries apart by the model name clients send (the X-Gateway-Model-Name header the Inference Extension's body-based router sets from `model`). Two entries of one region serving the same model would share a match, and the gateway would pick one of them for every request.",
    example:
      "ingress: {match: header}\nserving:\n  - {name: chat, model: llama}\n  - {name: chat-long, model: llama}\n",
    fix: "Use `match: path`, or serve each model once per region (replicas scale one entry).")

  public static let trainingSlices = DiagnosticCode(
    "K7007", "training pods do not divide into the fabric's blocks", severity: .warning,
    explanation:
      "A TrainingRun larger than one block of its cluster's fabric (the servers under one leaf, or one scalable unit) asks Kueue for slices of whole blocks: the largest number of pods that divides the run and fits a block. When that is under half a block (a prime number of servers, say), each slice leaves most of its block idle for other work and the run's traffic crosses the spines more than it needs to.",
    example: "gpus: 56   # 7 servers, on a fabric with blocks of 4: slices of 1",
    fix: "Use a number of servers that divides into whole blocks (a multiple of the block, or a divisor of it).")

  public static let all: [DiagnosticCode] = [
    nameTooLong, leaderWorkerSetNameTooLong, serviceName, trainingWithoutImage, regionWithoutGatewayClass,
    routeConflict, trainingSlices,
  ]
}

/// Checks every name the Kubernetes backend would generate, as GeneratedNames makes it.
public enum KubernetesNames {
  static let maximumLength = 63
  static let leaderWorkerSetMaximum = 52

  public static func problems(_ ir: IRProject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let prefix = ir.project.kubernetes.namespacePrefix.value
    for cluster in ir.clusters {
      let queues = cluster.spec.queues.map(\.name.value)
      var names = [
        ("namespace", GeneratedNames.namespace(cluster, prefix: prefix)),
        ("Topology", GeneratedNames.topology(cluster)),
      ]
      names += cluster.pools.map { ("ResourceFlavor", GeneratedNames.resourceFlavor(cluster, gpu: $0.gpu)) }
      names += queues.map { ("ClusterQueue", GeneratedNames.clusterQueue(cluster, queue: $0)) }
      names += queues.map { ("LocalQueue", GeneratedNames.localQueue($0, among: queues)) }
      if let (kind, name) = names.first(where: { $0.1.utf8.count > maximumLength }) {
        diagnostics.append(
          Diagnostic(
            KubernetesNameMessage.clusterObjectTooLong(kind: kind, name: name, maximum: maximumLength),
            at: cluster.spec.nameRange, help: ["shorten the cluster name (or namespacePrefix, or the queue name)"],
            subjects: [cluster.id]))
      }
    }
    for serving in ir.serving {
      let name = GeneratedNames.serving(serving)
      let range = serving.entry.name.range
      if name.utf8.count > maximumLength {
        diagnostics.append(
          Diagnostic(
            KubernetesNameMessage.servingWorkloadTooLong(name: name, maximum: maximumLength),
            at: range, help: ["shorten the region or serving name"], subjects: [serving.id]))
      } else if serving.serversPerReplica > 1, name.utf8.count > leaderWorkerSetMaximum {
        diagnostics.append(
          Diagnostic(
            KubernetesNameMessage.leaderWorkerSetTooLong(name: name, maximum: leaderWorkerSetMaximum),
            at: range,
            notes: [Note("a replica spans \(serving.serversPerReplica) servers, so it compiles to a LeaderWorkerSet")],
            help: ["shorten the region or serving name"], subjects: [serving.id]))
      }
      if let first = name.unicodeScalars.first, !("a"..."z").contains(first) {
        diagnostics.append(
          Diagnostic(
            KubernetesNameMessage.serviceFirstLetter(name: name), at: range,
            notes: [Note("Region/\(serving.region.name) starts with '\(first)'")],
            help: ["start the region name with a letter"], subjects: [serving.id]))
      }
    }
    diagnostics += frontDoorProblems(ir)
    for run in ir.trainingRuns where run.cluster != nil {
      guard run.spec.image != nil else {
        diagnostics.append(
          Diagnostic(
            KubernetesNameMessage.trainingWithoutImage(run: run.spec.name),
            at: run.spec.nameRange, help: ["add `image:` to the TrainingRun's spec"], subjects: [run.id]))
        continue
      }
      if let cluster = run.cluster,
        let perNode = cluster.rackGroups.first(where: { $0.server.gpuCount > 0 })?.server.gpuCount
      {
        let placement = Placement(cluster, in: ir)
        let pods = max(1, (run.spec.gpus.value + perNode - 1) / perNode)
        if let perBlock = placement.serversPerBlock,
          let slice = TrainingObjects.sliceSize(pods: pods, serversPerBlock: perBlock), 2 * slice < perBlock
        {
          diagnostics.append(
            Diagnostic(
              KubernetesNameMessage.trainingSlices(run: run.spec.name, pods: pods, perBlock: perBlock, slice: slice),
              at: run.spec.gpus.range,
              help: ["use a number of servers that divides into whole blocks of \(perBlock)"], subjects: [run.id]))
        }
      }
      let job = GeneratedNames.jobSetJob(run)
      if job.utf8.count > maximumLength {
        diagnostics.append(
          Diagnostic(
            KubernetesNameMessage.jobSetJobTooLong(
              jobSet: GeneratedNames.jobSet(run), job: job, maximum: maximumLength),
            at: run.spec.nameRange,
            help: [
              "shorten the TrainingRun's name to at most \(maximumLength - job.utf8.count + run.spec.name.utf8.count) characters"
            ],
            subjects: [run.id]))
      }
    }
    return diagnostics
  }

  /// Regions whose Gateway has no class, routes that two entries would share, and endpoint picker names
  /// over the limit.
  static func frontDoorProblems(_ ir: IRProject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var regions: [String: RegionSpec] = [:]
    for serving in ir.serving { regions[serving.region.name] = serving.region }
    for name in regions.keys.sorted() {
      guard let region = regions[name], region.ingressKey != nil, FrontDoorObjects.gatewayClass(region) == nil
      else { continue }
      diagnostics.append(
        Diagnostic(
          KubernetesNameMessage.noGatewayClass(
            region: name, loadBalancer: region.loadBalancer?.value.rawValue),
          at: region.loadBalancer?.range ?? region.ingressKey ?? region.nameRange,
          help: ["add ingress.gatewayClass: the class your Gateway controller installs (kubectl get gatewayclass)"],
          subjects: ["Region/\(name)"]))
    }
    var seen: [String: IRServing] = [:]
    for serving in ir.serving where serving.role != .prefill && serving.region.routeMatch.value == .header {
      let key = "\(serving.region.name)\u{0}\(FrontDoorObjects.modelName(serving))"
      guard let first = seen[key] else {
        seen[key] = serving
        continue
      }
      guard first.entry.name.value != serving.entry.name.value else { continue }
      diagnostics.append(
        Diagnostic(
          KubernetesNameMessage.routeConflict(
            region: serving.region.name, model: FrontDoorObjects.modelName(serving),
            first: first.entry.name.value, second: serving.entry.name.value),
          at: serving.entry.model.name.range,
          notes: [Note("\(first.entry.name.value) serves it too", at: first.entry.model.name.range)],
          help: ["use ingress.match: path, or serve the model once in this region"], subjects: [serving.id]))
    }
    for serving in ir.serving where serving.role == .combined && serving.region.routing.value == .inferencePool {
      let picker = GeneratedNames.endpointPicker(serving)
      guard picker.utf8.count > maximumLength else { continue }
      diagnostics.append(
        Diagnostic(
          KubernetesNameMessage.clusterObjectTooLong(kind: "endpoint picker", name: picker, maximum: maximumLength),
          at: serving.entry.name.range, help: ["shorten the region or serving name"], subjects: [serving.id]))
    }
    return diagnostics
  }
}
