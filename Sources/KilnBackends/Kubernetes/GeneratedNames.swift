import KilnIR
import KilnSpec

/// Every Kubernetes name Kiln generates, made in one place: the emitters name their objects with these
/// functions and the K7 checks (KubernetesNames) check what these functions return, so the two cannot
/// drift apart.
public enum GeneratedNames {
  /// A cluster's namespace: `namespacePrefix` + the cluster's name.
  public static func namespace(_ cluster: IRCluster, prefix: String) -> String { prefix + cluster.name }

  /// The cluster's Kueue Topology (cluster-scoped).
  public static func topology(_ cluster: IRCluster) -> String { "\(cluster.name)-topology" }

  /// The ResourceFlavor of a GPU type (cluster-scoped).
  public static func resourceFlavor(_ cluster: IRCluster, gpu: String) -> String {
    "\(cluster.name)-\(gpu.lowercased())"
  }

  /// The ClusterQueue of a spec queue (cluster-scoped).
  public static func clusterQueue(_ cluster: IRCluster, queue: String) -> String { "\(cluster.name)-\(queue)" }

  /// The LocalQueue of a spec queue. Never `default`: Kueue's LocalQueueDefaulting (on since v0.12)
  /// would put every unlabelled Deployment and LeaderWorkerSet of the namespace — the serving
  /// workloads, whose GPUs the training quota excludes — into a LocalQueue of that name.
  /// The replacement is the first of `training`, `training-1`, … that no other queue of the cluster
  /// uses, so two LocalQueues never share a name.
  public static func localQueue(_ queue: String, among queues: [String]) -> String {
    guard queue == ClusterSpec.defaultQueueName else { return queue }
    var candidate = "training"
    var suffix = 0
    while queues.contains(candidate) {
      suffix += 1
      candidate = "training-\(suffix)"
    }
    return candidate
  }

  /// A serving entry's workload, Service, autoscaler and the rest: `<region>-<serving>`.
  public static func serving(_ serving: IRServing) -> String {
    let base = "\(serving.region.name)-\(serving.entry.name.value)"
    return serving.role == .combined ? base : "\(base)-\(serving.role.rawValue)"
  }

  /// The router of a disaggregated entry takes the entry's own name, which clients and the ingress use.
  public static func router(_ serving: IRServing) -> String { "\(serving.region.name)-\(serving.entry.name.value)" }

  /// A region's Gateway in each cluster namespace that serves it: the region's name.
  public static func gateway(_ region: RegionSpec) -> String { region.name }

  /// A serving entry's HTTPRoute and InferencePool: the entry's own name, like its Service (or router).
  public static func route(_ serving: IRServing) -> String { router(serving) }

  /// The endpoint picker an InferencePool names: `<pool>-epp`, as the Inference Extension's `inferencepool`
  /// Helm chart names the picker it installs for a pool.
  public static func endpointPicker(_ serving: IRServing) -> String { "\(route(serving))-epp" }

  /// A TrainingRun's JobSet.
  public static func jobSet(_ run: IRTrainingRun) -> String { run.spec.name }

  /// The JobSet's one replicated job.
  public static let replicatedJob = "workers"

  /// The Job the JobSet controller creates: `<jobset>-<replicatedJob>-<index>` (one replica, index 0).
  public static func jobSetJob(_ run: IRTrainingRun) -> String { "\(jobSet(run))-\(replicatedJob)-0" }
}
