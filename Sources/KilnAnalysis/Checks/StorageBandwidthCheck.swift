import KilnDiagnostics
import KilnIR
import KilnSpec

/// `storage-read-per-gpu`: a tier's read bandwidth shared by every GPU that reads from it.
struct StorageBandwidthCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let minimum = context.threshold("storage-read-per-gpu", .minimum, default: 0.5e9)
    return ir.storage.compactMap { storage -> Diagnostic? in
      let readers = ir.clusters.filter { cluster in cluster.spec.storage.contains { $0.name.value == storage.name } }
      let gpus = readers.reduce(0) { $0 + $1.gpus }
      guard gpus > 0 else { return nil }
      let perGPU = storage.readBandwidth.value / Double(gpus)
      guard perGPU < minimum else { return nil }
      return Diagnostic(
        StorageBandwidthMessage.readPerGPUBelowMinimum(
          storage: storage.name, perGPU: perGPU, gpus: gpus, minimum: minimum),
        at: storage.readBandwidth.range,
        notes: readers.map { Note("\($0.id): \(Figures.count($0.gpus)) GPUs read from it", at: $0.spec.nameRange) },
        help: [
          "give it at least \(Figures.format1(minimum * Double(gpus) / 1e9)) GB/s of read bandwidth for these GPUs, or lower the minimum"
        ],
        subjects: ["Storage/\(storage.name)"])
    }
  }
}
