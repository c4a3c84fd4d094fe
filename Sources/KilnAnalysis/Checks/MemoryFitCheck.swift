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
      // Per GPU: weights and a cache copied over tensor ranks do not divide by the replica's GPUs.
      let needed = model.fullContextBytesPerGPU(contextLength: contextLength)
      guard needed > model.usableMemoryPerGPU else { return nil }
      let copyGPUs = Double(model.tensor * model.pipeline)
      return Diagnostic(
        MemoryFitMessage.exceedsMemory(
          serving: ir.serving[index].label, needed: needed * copyGPUs, weights: model.weightBytesPerGPU * copyGPUs,
          contextLength: contextLength, gpus: model.tensor * model.pipeline,
          usable: model.usableMemoryPerGPU * copyGPUs,
          utilization: entry.gpuMemoryUtilization.value),
        at: entry.tensor.isDefault ? entry.model.name.range : entry.tensor.range,
        notes: [Note("Model/\(spec.name)", at: spec.parameters.range)],
        help: [
          "use more GPUs per replica (parallelism.tensor or pipeline), GPUs with more memory, or a shorter maxModelLen"
        ],
        subjects: [ir.serving[index].id])
    }
  }
}
