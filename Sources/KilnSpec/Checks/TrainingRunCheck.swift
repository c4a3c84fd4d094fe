import KilnDiagnostics
import KilnSupport

/// A TrainingRun's queue exists on its cluster, its GPUs are whole servers, and its precision has
/// a peak on the cluster's GPU.
struct TrainingRunCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed
    for run in typed.trainingRuns {
      guard let cluster = typed[run.cluster] else { continue }
      if let queue = run.queue {
        let known = cluster.queues.map(\.name.value)
        if !known.contains(queue.value) {
          let suggestion = DidYouMean.suggestion(for: queue.value, among: known)
          engine.emit(
            Diagnostic(
              TrainingRunMessage.unknownQueue(cluster: cluster.name, queue: queue.value), at: queue.range,
              help: suggestion == nil ? ["queues: \(known.joined(separator: ", "))"] : [],
              fixIts: suggestion.map {
                [FixIt.didYouMean($0, at: queue.range)]
              } ?? []))
        }
      }
      let servers = cluster.rackGroups.compactMap { typed.catalog[$0.server] }
      let gpus = run.gpus
      let perServer = servers.map(\.gpuCount).filter { $0 > 0 }
      if !gpus.isDefault, gpus.value > 0, let size = perServer.first, perServer.allSatisfy({ $0 == size }),
        gpus.value % size != 0
      {
        let down = gpus.value / size * size
        let up = down + size
        engine.emit(
          Diagnostic(
            TrainingRunMessage.gpusNotWholeServers(gpusPerServer: size, gpus: gpus.value),
            at: gpus.range, help: ["use \(down > 0 ? down : up) or \(up)"]))
      }
      if !run.precision.isDefault {
        let precision = run.precision.value.rawValue
        for server in servers {
          guard let gpu = server.gpu else { continue }
          if gpu.compute[precision] == nil {
            engine.emit(
              Diagnostic(
                TrainingRunMessage.precisionWithoutPeak(
                  gpu: gpu.name, cluster: cluster.name, precision: run.precision.value),
                at: run.precision.range, help: ["use bf16, or a cluster whose GPUs support \(precision)"]))
            break
          }
        }
      }
    }
  }
}
