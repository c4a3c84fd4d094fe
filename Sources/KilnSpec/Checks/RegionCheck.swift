import KilnDiagnostics
import KilnSupport

/// A Region's serving entries: distinct names, clusters that serve (inference or mixed), a rack
/// group that exists and has GPUs, replica bounds in order, secrets exposed one way.
struct RegionCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed
    for region in typed.regions {
      var seen: [String: SourceRange] = [:]
      for serving in region.serving {
        let name = serving.name
        if !name.isDefault {
          if let first = seen[name.value] {
            engine.emit(
              Diagnostic(
                RegionMessage.servingTwice(serving: name.value, region: region.name),
                at: name.range, notes: [Note("first defined here", at: first)],
                help: ["rename one of them: the name becomes the Kubernetes workload's name"]))
          }
          seen[name.value] = name.range
        }
        if let cluster = typed[serving.cluster] {
          checkCluster(serving, cluster, catalog: typed.catalog, engine)
        }
        for layout in serving.layouts
        where layout.minReplicas.value > layout.maxReplicas.value && !layout.maxReplicas.isDefault {
          engine.emit(
            Diagnostic(
              RegionMessage.replicasOrder(min: layout.minReplicas.value, max: layout.maxReplicas.value),
              at: layout.minReplicas.range))
        }
        for secret in serving.secrets where (secret.env != nil) == (secret.mountPath != nil) {
          let hasEnv = secret.env != nil
          engine.emit(
            Diagnostic(
              hasEnv ? RegionMessage.secretEnvAndMount : RegionMessage.secretEnvOrMount, at: secret.range))
        }
      }
    }
  }

  private func checkCluster(
    _ serving: RegionSpec.Serving, _ cluster: ClusterSpec, catalog: TypedCatalog, _ engine: DiagnosticEngine
  ) {
    let clusterRange = serving.cluster.name.range
    if cluster.purpose.value == .training {
      engine.emit(
        Diagnostic(
          RegionMessage.trainingCluster(cluster: cluster.name),
          at: clusterRange, notes: [Note("purpose: training", at: cluster.purpose.range)],
          help: ["serve from a cluster with purpose inference or mixed"]))
    }
    // Serving needs GPUs: the named rack group, or at least one group of the cluster, must have them.
    let wanted = serving.rackGroup?.value
    let groups = cluster.rackGroups.filter { wanted == nil || $0.name.value == wanted }
    let gpuCounts = groups.compactMap { catalog[$0.server]?.gpuCount }
    if !gpuCounts.isEmpty && gpuCounts.allSatisfy({ $0 == 0 }) {
      engine.emit(
        Diagnostic(
          RegionMessage.clusterWithoutGPUs(cluster: cluster.name),
          at: serving.rackGroup?.range ?? clusterRange,
          help: ["add a rack group of GPU servers, or serve from another cluster"]))
    }
    if let group = serving.rackGroup {
      let names = cluster.rackGroups.map(\.name.value)
      if !names.contains(group.value) {
        let suggestion = DidYouMean.suggestion(for: group.value, among: names)
        engine.emit(
          Diagnostic(
            RegionMessage.unknownRackGroup(cluster: cluster.name, rackGroup: group.value),
            at: group.range,
            help: suggestion == nil ? ["rack groups: \(names.joined(separator: ", "))"] : [],
            fixIts: suggestion.map {
              [FixIt.didYouMean($0, at: group.range)]
            } ?? []))
      }
    }
  }
}
