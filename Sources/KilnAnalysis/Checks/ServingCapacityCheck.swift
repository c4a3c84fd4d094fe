import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// `serving-capacity` and `serving-headroom`: capacity at max replicas against peak demand.
struct ServingCapacityCheck: AnalysisCheck {
  func run(_ ir: IRProject, _ context: AnalysisContext) -> [Diagnostic] {
    let minimum = context.threshold("serving-headroom", .minimum, default: 0.20)
    var diagnostics: [Diagnostic] = []
    for index in ir.serving.indices {
      // A replica that cannot hold the model (memory-fit) or meet its TPOT at all (serving-slo) has
      // no meaningful capacity: those checks report it.
      guard let model = context.servingModels[index], model.batch > 0,
        model.role == .prefill || (model.tpotObjective.map({ model.stepTime(batch: 1) <= $0 }) ?? true)
      else { continue }
      // Read fields in place: copying a serving entry for each of tens of thousands costs more than the check.
      // A prefill pool is sized against the input tokens it must prefill, the rest against output tokens.
      let demand = model.demand
      let capacity = model.capacity
      guard demand > 0, capacity < demand * (1 + minimum) else { continue }
      let serving = ir.serving[index]
      let unit = model.role == .prefill ? "input tokens/s" : "tokens/s"
      let figures =
        "\(serving.entry.maxReplicas.value) replicas × \(Figures.rate(model.tokensPerSecond)) \(unit) (batch \(model.batch)) = \(Figures.rate(capacity)) \(unit)"
      if capacity < demand {
        let needed = Self.replicas(for: demand, model)
        diagnostics.append(
          Diagnostic(
            ServingCapacityMessage.belowPeak(
              serving: serving.label, region: serving.region.name, capacity: capacity, demand: demand, unit: unit),
            at: serving.entry.peakDemand.range, notes: [Note(figures, at: serving.entry.maxReplicas.range)],
            help: [Self.raise(to: needed, serving, ir, for: "the peak demand")],
            subjects: [serving.id] + [serving.clusterID].compactMap { $0 }))
      } else if capacity / demand - 1 < minimum {
        diagnostics.append(
          Diagnostic(
            ServingCapacityMessage.headroomBelowMinimum(
              serving: serving.label, region: serving.region.name, capacity: capacity, demand: demand,
              minimum: minimum),
            at: serving.entry.peakDemand.range, notes: [Note(figures, at: serving.entry.maxReplicas.range)],
            help: [
              Self.raise(
                to: Self.replicas(for: demand * (1 + minimum), model), serving, ir,
                for: "\(Figures.percent(minimum)) headroom")
                + ", or lower the minimum with a Policy rule {check: serving-headroom, min: …}"
            ],
            subjects: [serving.id] + [serving.clusterID].compactMap { $0 }))
      }
    }
    return diagnostics
  }
}

extension ServingCapacityCheck {
  /// "raise replicas.max to N" when N replicas fit the cluster beside its other serving entries;
  /// otherwise how many fit and how many GPUs the demand needs, so the help never suggests an
  /// autoscaler that cannot be scheduled.
  static func raise(to needed: Int, _ serving: IRServing, _ ir: IRProject, for goal: String) -> String {
    guard let position = serving.entry.cluster.target, let pool = ir.clusters[position].pool(serving.gpu),
      serving.gpusPerReplica > 0
    else { return "raise \(field(serving)) to \(needed) for \(goal)" }
    let others = pool.servingMaximum - serving.maxGPUs
    let fits = max(0, pool.schedulable - others) / serving.gpusPerReplica
    if needed <= fits { return "raise \(field(serving)) to \(needed) for \(goal)" }
    let gpus = Figures.count(saturatingMultiply(needed, serving.gpusPerReplica))
    return
      "\(goal) needs \(Figures.count(needed)) replicas (\(gpus) GPUs), but \(ir.clusters[position].id) has room for \(Figures.count(fits))\(others > 0 ? " beside its other serving entries" : ""): add servers, use faster GPUs, or serve part of the demand from another cluster"
  }

  /// The field that sets the pool's replicas.
  static func field(_ serving: IRServing) -> String {
    serving.role == .prefill ? "prefill.replicas.max" : "replicas.max"
  }

  /// The replicas whose capacity reaches `tokensPerSecond`.
  static func replicas(for tokensPerSecond: Double, _ model: ServingModel) -> Int {
    let replicas = (tokensPerSecond / model.tokensPerSecond).rounded(.up)
    return Int(saturating: replicas)
  }
}
