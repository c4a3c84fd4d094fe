import KilnDiagnostics

/// A serving entry's parallelism fits its model and cluster: no more tensor ranks than attention heads
/// (unless attention runs data-parallel), no more expert ranks than experts, no more pipeline stages
/// than layers, and a replica that spans servers runs on a cluster with a fabric.
struct ServingParallelismCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed
    for serving in typed.regions.flatMap(\.serving) {
      guard let model = typed[serving.model] else { continue }
      let maxLength = serving.maxModelLen(serving: model)
      let input = serving.averageInput.value
      let output = serving.averageOutput.value
      if input > maxLength || output > maxLength || input + output > maxLength {
        engine.emit(
          Diagnostic(
            ParallelismMessage.profileBeyondContext(input: input, output: output, maxLength: maxLength),
            at: serving.averageInput.isDefault ? serving.peakDemand.range : serving.averageInput.range,
            help: ["the averages describe requests the engine accepts: lower them, or raise maxModelLen"]))
      }
      if let pool = serving.prefill, serving.engine.value != .sglang {
        engine.emit(
          Diagnostic(
            ParallelismMessage.prefillPoolEngine(engine: serving.engine.value.rawValue),
            at: serving.engine.isDefault ? pool.range : serving.engine.range,
            notes: [Note("the prefill pool", at: pool.range)],
            help: ["use engine: sglang, or remove the prefill pool"]))
      }
      // The entry's layout, and its prefill pool's.
      for layout in serving.layouts {
        check(layout, model: model, typed: typed, engine)
      }
    }
  }

  func check(_ serving: RegionSpec.Serving, model: ModelSpec, typed: TypedProject, _ engine: DiagnosticEngine) {
    if let heads = model.attentionHeads?.value, serving.tensor.value > heads,
      serving.attentionParallelism.value == .tensor
    {
      engine.emit(
        Diagnostic(
          ParallelismMessage.tensorAboveHeads(tensor: serving.tensor.value, heads: heads, model: model.name),
          at: serving.tensor.range, notes: [Note("attentionHeads: \(heads)", at: model.attentionHeads?.range)],
          help: ["use at most \(heads) tensor ranks, or run attention data-parallel (parallelism.attention: data)"]))
    }
    if serving.expert.value > 1 {
      if let experts = model.experts?.value {
        if serving.expert.value > experts {
          engine.emit(
            Diagnostic(
              ParallelismMessage.expertAboveExperts(
                expert: serving.expert.value, experts: experts, model: model.name),
              at: serving.expert.range, help: ["use at most \(experts) expert ranks"]))
        }
      } else {
        engine.emit(
          Diagnostic(
            ParallelismMessage.expertWithoutExperts(expert: serving.expert.value, model: model.name),
            at: serving.expert.range, help: ["remove parallelism.expert, or give the model its experts"]))
      }
    }
    if let layers = model.layers?.value, serving.pipeline.value > layers {
      engine.emit(
        Diagnostic(
          ParallelismMessage.pipelineAboveLayers(pipeline: serving.pipeline.value, layers: layers, model: model.name),
          at: serving.pipeline.range, help: ["use at most \(layers) pipeline stages"]))
    }
    // A copy (tensor × pipeline) wider than a server's NVLink domain talks over the cluster's fabric.
    if let cluster = typed[serving.cluster], cluster.fabric == nil {
      let copy = serving.tensor.value * serving.pipeline.value
      let domains = cluster.rackGroups.compactMap { typed.catalog[$0.server] }.filter { $0.gpuCount > 0 }
        .map { max($0.scaleUpDomain ?? $0.gpuCount, $0.gpuCount) }
      if let largest = domains.max(), copy > largest {
        engine.emit(
          Diagnostic(
            ParallelismMessage.replicaNeedsFabric(gpus: copy, domain: largest, cluster: cluster.name),
            at: serving.tensor.isDefault ? serving.pipeline.range : serving.tensor.range,
            notes: [Note("Cluster/\(cluster.name) declares no fabric", at: cluster.nameRange)],
            help: [
              "give Cluster/\(cluster.name) a compute fabric, or use at most \(largest) GPUs per tensor × pipeline group"
            ]))
      }
    }
  }
}
