import KilnDiagnostics
import KilnIR

/// `memory-fit`: weights + KV for one full-context sequence ≤ the replica's GPU memory ×
/// gpuMemoryUtilization.
struct MemoryFitCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    ir.serving.compactMap { serving -> Diagnostic? in
      guard let model = ServingModel(serving), let spec = serving.model else { return nil }
      let contextLength = serving.entry.maxModelLen?.value ?? spec.contextLength.value
      let needed = model.fullContextBytes(contextLength: contextLength)
      guard needed > model.usableMemory else { return nil }
      return Diagnostic(
        AnalysisCodes.memoryFit,
        "'\(serving.entry.name.value)' needs \(Figures.bytes(needed)) per replica (weights \(Figures.bytes(model.weightBytes)) + KV for \(Figures.count(contextLength)) tokens); \(Figures.plural(serving.gpusPerReplica, "GPU")) hold \(Figures.bytes(model.usableMemory)) at \(Figures.percent(serving.entry.gpuMemoryUtilization.value))",
        at: serving.entry.tensor.isDefault ? serving.entry.model.range : serving.entry.tensor.range,
        notes: [Note("Model/\(spec.name)", at: spec.parameters.range)],
        help: [
          "use more GPUs per replica (parallelism.tensor or pipeline), GPUs with more memory, or a shorter maxModelLen"
        ])
    }
  }
}
