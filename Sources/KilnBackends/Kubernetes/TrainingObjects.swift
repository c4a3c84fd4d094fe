import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// A TrainingRun as a suspended JobSet in its queue: Kueue admits it and unsuspends it. The topology
/// request is the tightest level of the fabric that holds the run (a block, else a pod of blocks), preferred
/// at the coarsest when none does, with slices of whole blocks where the pods divide into them.
struct TrainingObjects {
  let run: IRTrainingRun
  let cluster: IRCluster
  let settings: ProjectSpec
  let projectName: String
  let namespace: String

  var name: String { GeneratedNames.jobSet(run) }

  /// torchrun's default rendezvous port.
  static let masterPort = 29_500

  /// torchrun's environment, from the JobSet itself (docs/kubernetes.md §5.4): with DNS hostnames on, pod i
  /// of the one Job is `<jobset>-workers-0-<i>` under the JobSet's headless Service `<jobset>`, so pod 0 is
  /// the master; the Job's completion index is the node rank (JobSet's PyTorch example).
  func rendezvous(nodes: Int, gpusPerNode: Int) -> [JSONValue] {
    func value(_ name: String, _ text: String) -> JSONValue {
      .object([("name", .string(name)), ("value", .string(text))])
    }
    return [
      value("MASTER_ADDR", "\(GeneratedNames.jobSetJob(run))-0.\(name)"), value("MASTER_PORT", String(Self.masterPort)),
      value("NNODES", String(nodes)), value("NPROC_PER_NODE", String(gpusPerNode)),
      .object([
        ("name", .string("NODE_RANK")),
        (
          "valueFrom",
          .object([
            (
              "fieldRef",
              .object([("fieldPath", .string("metadata.annotations['batch.kubernetes.io/job-completion-index']"))])
            )
          ])
        ),
      ]),
    ]
  }

  /// Pods per slice: the largest divisor of the run's pods that fits a block, so every slice is whole and
  /// inside one block; nil when the run fits one block or there are no blocks.
  static func sliceSize(pods: Int, serversPerBlock: Int?) -> Int? {
    guard let perBlock = serversPerBlock, perBlock > 0, pods > perBlock else { return nil }
    return (1...perBlock).reversed().first { pods % $0 == 0 }
  }

  /// The pod template's Kueue topology annotations (docs/kubernetes.md §5.4).
  func topologyAnnotations(pods: Int, placement: Placement) -> [(String, JSONValue)] {
    let kubernetes = settings.kubernetes
    let block = kubernetes.blockLabel.value
    if let perBlock = placement.serversPerBlock, pods <= perBlock {
      return [("kueue.x-k8s.io/podset-required-topology", .string(block))]
    }
    var annotations: [(String, JSONValue)]
    if let perPod = placement.serversPerPod, pods <= perPod {
      annotations = [("kueue.x-k8s.io/podset-required-topology", .string(kubernetes.podLabel.value))]
    } else {
      // The coarsest level the Topology has: pods, blocks, or racks where the fabric gives no blocks.
      let top =
        placement.serversPerPod != nil
        ? kubernetes.podLabel.value : placement.serversPerBlock != nil ? block : kubernetes.rackLabel.value
      annotations = [("kueue.x-k8s.io/podset-preferred-topology", .string(top))]
    }
    if let slice = Self.sliceSize(pods: pods, serversPerBlock: placement.serversPerBlock) {
      annotations += [
        ("kueue.x-k8s.io/podset-slice-required-topology", .string(block)),
        ("kueue.x-k8s.io/podset-slice-size", .string(String(slice))),
      ]
    }
    return annotations
  }

  func documents(label: (key: String, value: String), placement: Placement) -> [JSONValue] {
    guard let group = cluster.rackGroups.first(where: { $0.server.gpuCount > 0 }) else { return [] }
    let perNode = group.server.gpuCount
    let nodes = max(1, (run.spec.gpus.value + perNode - 1) / perNode)
    let queue = run.queue
    let gpuResource = PodTemplates.gpuResource(group.server.gpu)
    let command = run.spec.command.map(\.value)
    var container: [(String, JSONValue)] = [
      ("name", .string("trainer")),
      (
        "image",
        .string(
          PodTemplates.image(run.spec.image?.value ?? "", registry: settings.kubernetes.imageRegistry?.value))
      ),
      ("imagePullPolicy", .string("Always")),
    ]
    if !command.isEmpty { container.append(("command", .array(command.map { .string($0) }))) }
    container += [
      ("env", .array(PodTemplates.baseEnvironment + rendezvous(nodes: nodes, gpusPerNode: perNode))),
      ("resources", PodTemplates.resources(server: group.server, gpus: perNode, gpuResource: gpuResource)),
      ("securityContext", PodTemplates.securityContext()), ("volumeMounts", .array(PodTemplates.volumeMounts)),
    ]
    let pod: JSONValue = .object([
      ("metadata", .object([("annotations", .object(topologyAnnotations(pods: nodes, placement: placement)))])),
      (
        "spec",
        .object([
          ("restartPolicy", .string("Never")), ("automountServiceAccountToken", .bool(false)),
          ("priorityClassName", .string("kiln-training")), ("securityContext", PodTemplates.podSecurityContext()),
          ("affinity", PodTemplates.affinity(label: label, cluster: cluster.name)),
          ("tolerations", PodTemplates.tolerations(gpuResource)), ("containers", .array([.object(container)])),
          ("volumes", .array(PodTemplates.volumes(shmGi: 64))),
        ])
      ),
    ])
    return [
      .object([
        ("apiVersion", .string("jobset.x-k8s.io/v1alpha2")), ("kind", .string("JobSet")),
        (
          "metadata",
          KubernetesManifests.metadata(
            name: name, namespace: namespace, component: "training", projectName: projectName, source: run.id,
            labels: [
              (
                "kueue.x-k8s.io/queue-name",
                .string(GeneratedNames.localQueue(queue, among: cluster.spec.queues.map(\.name.value)))
              ),
              ("kueue.x-k8s.io/priority-class", .string("kiln-training")),
            ])
        ),
        (
          "spec",
          .object([
            ("suspend", .bool(true)), ("failurePolicy", .object([("maxRestarts", .int(3))])),
            ("network", .object([("enableDNSHostnames", .bool(true))])),
            (
              "replicatedJobs",
              .array([
                .object([
                  ("name", .string(GeneratedNames.replicatedJob)), ("replicas", .int(1)),
                  (
                    "template",
                    .object([
                      (
                        "spec",
                        .object([
                          ("parallelism", .int(nodes)), ("completions", .int(nodes)), ("backoffLimit", .int(0)),
                          ("completionMode", .string("Indexed")), ("template", pod),
                        ])
                      )
                    ])
                  ),
                ])
              ])
            ),
          ])
        ),
      ])
    ]
  }
}
