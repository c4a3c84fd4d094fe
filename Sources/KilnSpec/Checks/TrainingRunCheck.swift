import KilnDiagnostics
import KilnSupport

/// A TrainingRun's queue exists on its cluster, its GPUs are whole servers, and its precision has
/// a peak on the cluster's GPU.
struct TrainingRunCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for run in project.objects(.trainingRun) {
      let spec = run.spec
      guard let clusterName = spec["cluster"]?.text, let cluster = project.object(.cluster, clusterName) else {
        continue
      }
      let queues = (cluster.spec["queues"]?.items ?? []).compactMap { $0["name"]?.text }
      if let queueNode = spec["queue"], let queue = queueNode.text {
        let known = queues.isEmpty ? [ClusterSpec.defaultQueueName] : queues
        if !known.contains(queue) {
          let suggestion = DidYouMean.suggestion(for: queue, among: known)
          engine.emit(
            Diagnostic(
              SpecCodes.unresolvedReference, "Cluster/\(clusterName) has no queue '\(queue)'", at: queueNode.range,
              help: suggestion == nil ? ["queues: \(known.joined(separator: ", "))"] : [],
              fixIts: suggestion.map {
                [FixIt(message: "did you mean '\($0)'?", edits: [TextEdit(range: queueNode.range, replacement: $0)])]
              } ?? []))
        }
      }
      let servers = (cluster.spec["racks"]?.items ?? []).compactMap { group -> HardwareCatalog.Entry? in
        guard let model = group["servers"]?["model"]?.text else { return nil }
        return project.catalog.entry(.servers, model)
      }
      if let gpusNode = spec["gpus"], let gpus = gpusNode.number {
        let perServer = servers.compactMap { $0.fields["gpuCount"]?.number }.filter { $0 > 0 }
        if gpus == 0 {
          engine.emit(Diagnostic(SpecCodes.invalidValue, "'gpus' must be at least 1", at: gpusNode.range))
        } else if let size = perServer.first, perServer.allSatisfy({ $0 == size }),
          gpus.truncatingRemainder(dividingBy: size) != 0
        {
          let down = (gpus / size).rounded(.down) * size
          let up = (gpus / size).rounded(.up) * size
          engine.emit(
            Diagnostic(
              SpecCodes.invalidValue,
              "'gpus' must be whole servers of \(JSONValue.format(size)) GPUs; \(JSONValue.format(gpus)) is not",
              at: gpusNode.range, help: ["use \(JSONValue.format(down > 0 ? down : up)) or \(JSONValue.format(up))"]))
        }
      }
      if let precisionNode = spec["precision"], let precision = precisionNode.text {
        for server in servers {
          guard let gpuName = server.fields["gpu"]?.text, let gpu = project.catalog.entry(.gpus, gpuName) else {
            continue
          }
          if gpu.fields["compute"]?[precision] == nil {
            engine.emit(
              Diagnostic(
                SpecCodes.unsupportedPrecision, "\(gpuName) in Cluster/\(clusterName) has no \(precision) peak",
                at: precisionNode.range, help: ["use bf16, or a cluster whose GPUs support \(precision)"]))
            break
          }
        }
      }
    }
  }
}
