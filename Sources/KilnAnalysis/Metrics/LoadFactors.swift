import KilnIR
import KilnSpec

/// Average draw ÷ maximum power, by what the equipment does (docs/models.md §3.5). The figures are the
/// spec's: a Cluster's `loadFactor`, the Project's `loadFactors` as declared, the Project's single
/// `loadFactor`, a server's measured `trainingPower` from the catalog, and the `loadFactors` defaults, in
/// that order.
struct LoadFactors {
  let project: ProjectSpec

  /// The load factor of a rack group's servers, and the average draw of one server, W: the factor × the
  /// catalog's maximum, bounded by the rack group's power cap.
  func serverDraw(_ group: IRRackGroup, in cluster: IRCluster) -> (factor: Double, watts: Double) {
    let factor = serverFactor(group.server, in: cluster)
    return (factor, min(factor * group.server.power, group.serverPower))
  }

  func serverFactor(_ server: ServerModel, in cluster: IRCluster) -> Double {
    if let own = cluster.spec.loadFactor { return own.value }
    let purpose = cluster.spec.purpose.value == .inference ? project.inferenceLoadFactor : project.trainingLoadFactor
    if !purpose.isDefault { return purpose.value }
    if let single = project.loadFactor { return single.value }
    if cluster.spec.purpose.value != .inference, let measured = server.trainingPower, server.power > 0 {
      return min(1, measured / server.power)
    }
    return purpose.value
  }

  var storage: Double { resolved(project.storageLoadFactor) }
  var network: Double { resolved(project.networkLoadFactor) }

  private func resolved(_ purpose: Located<Double>) -> Double {
    purpose.isDefault ? project.loadFactor?.value ?? purpose.value : purpose.value
  }
}
