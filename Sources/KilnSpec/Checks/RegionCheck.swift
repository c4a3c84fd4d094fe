import KilnDiagnostics
import KilnSupport

/// A Region's serving entries: distinct names, clusters that serve (inference or mixed), a rack
/// group that exists and has GPUs, replica bounds in order.
struct RegionCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    // Whether a cluster (or one rack group of it) has GPU servers, computed once per pair.
    var hasGPUs: [String: Bool] = [:]
    for region in project.objects(.region) {
      var seen: [String: SourceRange] = [:]
      for serving in region.spec["serving"]?.items ?? [] {
        if let nameNode = serving["name"], let name = nameNode.text {
          if let first = seen[name] {
            engine.emit(
              Diagnostic(
                SpecCodes.duplicateEntry, "serving entry '\(name)' is defined twice in Region/\(region.name)",
                at: nameNode.range, notes: [Note("first defined here", at: first)],
                help: ["rename one of them: the name becomes the Kubernetes workload's name"]))
          }
          seen[name] = nameNode.range
        }
        if let clusterNode = serving["cluster"], let clusterName = clusterNode.text,
          let cluster = project.object(.cluster, clusterName)
        {
          let purpose = cluster.spec["purpose"]?.text
          if purpose == "training" {
            engine.emit(
              Diagnostic(
                SpecCodes.wrongReferenceTarget, "Cluster/\(clusterName) has purpose 'training' and cannot serve",
                at: clusterNode.range, notes: [Note("purpose: training", at: cluster.spec["purpose"]?.range)],
                help: ["serve from a cluster with purpose inference or mixed"]))
          }
          // Serving needs GPUs: the named rack group, or at least one group of the cluster, must have them.
          let wanted = serving["rackGroup"]?.text
          let cacheKey = clusterName + "/" + (wanted ?? "")
          let servesOnGPUs =
            hasGPUs[cacheKey]
            ?? {
              let groups = (cluster.spec["racks"]?.items ?? []).filter { group in
                wanted == nil || group["name"]?.text == wanted
              }
              let gpuCounts = groups.compactMap { group -> Double? in
                guard let model = group["servers"]?["model"]?.text else { return nil }
                return project.catalog.entry(.servers, model)?.fields["gpuCount"]?.number
              }
              let result = gpuCounts.isEmpty || !gpuCounts.allSatisfy { $0 == 0 }
              hasGPUs[cacheKey] = result
              return result
            }()
          if !servesOnGPUs {
            engine.emit(
              Diagnostic(
                SpecCodes.wrongReferenceTarget, "Cluster/\(clusterName) has no GPU servers to serve a model on",
                at: serving["rackGroup"]?.range ?? clusterNode.range,
                help: ["add a rack group of GPU servers, or serve from another cluster"]))
          }
          if let groupNode = serving["rackGroup"], let groupName = groupNode.text {
            let groups = (cluster.spec["racks"]?.items ?? []).compactMap { $0["name"]?.text }
            if !groups.contains(groupName) {
              let suggestion = DidYouMean.suggestion(for: groupName, among: groups)
              engine.emit(
                Diagnostic(
                  SpecCodes.unresolvedReference, "Cluster/\(clusterName) has no rack group '\(groupName)'",
                  at: groupNode.range,
                  help: suggestion == nil ? ["rack groups: \(groups.joined(separator: ", "))"] : [],
                  fixIts: suggestion.map {
                    [
                      FixIt(
                        message: "did you mean '\($0)'?", edits: [TextEdit(range: groupNode.range, replacement: $0)])
                    ]
                  } ?? []))
            }
          }
        }
        if let replicas = serving["replicas"], let minimum = replicas["min"], let maximum = replicas["max"],
          let low = minimum.number, let high = maximum.number, low > high
        {
          engine.emit(
            Diagnostic(
              SpecCodes.invalidValue,
              "replicas.min (\(JSONValue.format(low))) is above replicas.max (\(JSONValue.format(high)))",
              at: minimum.range))
        }
        for secret in serving["secrets"]?.items ?? [] where !secret.isInvalid {
          let hasEnv = secret["env"] != nil
          let hasMount = secret["mountPath"] != nil
          if hasEnv == hasMount {
            engine.emit(
              Diagnostic(
                hasEnv ? SpecCodes.invalidValue : SpecCodes.missingField,
                hasEnv
                  ? "a secret reference sets both 'env' and 'mountPath'; give one"
                  : "a secret reference needs 'env' (an environment variable) or 'mountPath' (a file)",
                at: secret.range))
          }
        }
        if let parallelism = serving["parallelism"] {
          for field in parallelism.fields where field.node.number == 0 {
            engine.emit(
              Diagnostic(SpecCodes.invalidValue, "parallelism '\(field.name)' must be at least 1", at: field.node.range)
            )
          }
        }
      }
    }
  }
}
