import KilnDiagnostics
import KilnIR
import KilnSpec

/// `memory-fit`: weights + KV for one full-context sequence ≤ the replica's GPU memory ×
/// gpuMemoryUtilization.
struct MemoryFitCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    ir.serving.indices.compactMap { index -> Diagnostic? in
      guard let model = context.servingModels[index], let spec = ir.serving[index].model else { return nil }
      let entry = ir.serving[index].entry
      let contextLength = ir.serving[index].maxModelLen
      let needed = model.fullContextBytes(contextLength: contextLength)
      guard needed > model.usableMemory else { return nil }
      return Diagnostic(
        MemoryFitMessage.exceedsMemory(
          serving: entry.name.value, needed: needed, weights: model.weightBytes, contextLength: contextLength,
          gpus: model.gpusPerReplica, usable: model.usableMemory, utilization: entry.gpuMemoryUtilization.value),
        at: entry.tensor.isDefault ? entry.model.name.range : entry.tensor.range,
        notes: [Note("Model/\(spec.name)", at: spec.parameters.range)],
        help: [
          "use more GPUs per replica (parallelism.tensor or pipeline), GPUs with more memory, or a shorter maxModelLen"
        ],
        subjects: [ir.serving[index].id])
    }
  }
}
