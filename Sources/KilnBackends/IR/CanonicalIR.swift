import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// The canonical, deterministic JSON form of the IR that `kiln plan` diffs: every object by its
/// stable id, in sorted order, with the figures the analyzer and backends derive from it.
public enum CanonicalIR {
  public static func render(_ ir: IRProject) -> String {
    var objects: [(String, JSONValue)] = []
    for site in ir.sites {
      objects.append(
        (
          "Site/\(site.name)",
          .compactObject([
            ("jurisdiction", .string(site.jurisdiction.value)), ("ownership", .string(site.ownership.value.rawValue)),
            ("powerCapacity_W", site.powerCapacity.map { .double($0.value) }), ("pue", .double(site.pue.value)),
            ("rackPositions", site.rackPositions.map { .int($0.value) }), ("rackUnits", .int(site.rackUnits.value)),
            ("rackPowerLimit_W", .double(site.rackPowerLimit.value)),
          ])
        ))
    }
    for cluster in ir.clusters {
      objects.append(
        (
          cluster.id,
          .object([
            ("site", .string(cluster.spec.site.name.value)), ("purpose", .string(cluster.spec.purpose.value.rawValue)),
            ("gpus", .int(cluster.gpus)), ("servers", .int(cluster.servers)), ("racks", .int(cluster.racks)),
            ("schedulableGpus", .int(cluster.schedulableGPUs)), ("queueableGpus", .int(cluster.queueableGPUs)),
            (
              "rackGroups",
              .array(
                cluster.rackGroups.map { group in
                  .object([
                    ("name", .string(group.name)), ("racks", .int(group.racks)), ("server", .string(group.server.name)),
                    ("serversPerRack", .int(group.serversPerRack)), ("rackPower_W", .double(group.rackPower)),
                    ("powerLimit_W", .double(group.powerLimit.value)),
                  ])
                })
            ),
            ("queues", .object(cluster.queueQuotas.map { ($0.name, .int($0.gpus)) })),
          ])
        ))
    }
    for fabric in ir.fabrics {
      var members: [(String, JSONValue?)] = [
        ("switch", .string(fabric.spec.switchModel.name.value)),
        ("spineSwitch", fabric.spineSwitch.map { .string($0.name) }),
        ("coreSwitch", fabric.coreSwitch.map { .string($0.name) }),
        ("topology", .string(fabric.spec.topology.value.rawValue)),
        ("attached", .array(fabric.attached.sorted().map { .string($0) })),
        ("endpoints", fabric.request.map { .int($0.endpoints) }),
        ("storageEndpoints", fabric.request.flatMap { $0.storageEndpoints > 0 ? .int($0.storageEndpoints) : nil }),
      ]
      if let size = fabric.sizeValue {
        members += [
          ("tiers", .int(size.tiers)), ("planes", .int(size.planes)), ("leaves", .int(size.leaves)),
          ("storageLeaves", size.storageLeaves > 0 ? .int(size.storageLeaves) : nil),
          ("spines", .int(size.spines)), ("cores", .int(size.cores)),
          ("pods", size.pods > 0 ? .int(size.pods) : nil), ("switchLinks", .int(size.switchLinks)),
          ("transceivers", .int(fabric.transceiverModules)),
        ]
      }
      objects.append((fabric.id, .compactObject(members)))
    }
    for storage in ir.storage {
      objects.append(
        (
          "Storage/\(storage.name)",
          .compactObject([
            ("site", .string(storage.site.name.value)), ("class", .string(storage.storageClass.value.rawValue)),
            ("capacity_B", .double(storage.capacity.value)),
            ("readBandwidth_Bps", .double(storage.readBandwidth.value)),
            ("fabric", storage.fabric.map { .string($0.name.value) }),
            ("nodes", storage.nodeCount.map { .int($0.value) }),
            ("nodeNICs", storage.nodeNICs.map { .int($0.value) }),
          ])
        ))
    }
    for model in ir.models {
      objects.append(
        (
          "Model/\(model.name)",
          .compactObject([
            ("parameters", .double(model.parameters.value)),
            ("activeParameters", .double(model.activeParameters.value)),
            ("weightsPrecision", .string(model.weightsPrecision.value.rawValue)),
            ("kvCacheBytesPerToken", model.kvCacheBytesPerToken.map { .double($0.value) }),
            ("contextLength", .int(model.contextLength.value)),
          ])
        ))
    }
    for serving in ir.serving {
      objects.append(
        (
          serving.id,
          .object(
            [
              ("model", .string(serving.entry.model.name.value)),
              ("cluster", .string(serving.entry.cluster.name.value)),
              ("engine", .string(serving.entry.engine.value.rawValue)), ("image", .string(serving.entry.image.value)),
              ("gpusPerReplica", .int(serving.gpusPerReplica)), ("serversPerReplica", .int(serving.serversPerReplica)),
              ("replicasMin", .int(serving.entry.minReplicas.value)),
              ("replicasMax", .int(serving.entry.maxReplicas.value)),
              ("demand_tokensPerSecond", .double(serving.entry.peakDemand.value)),
            ] + (serving.role == .combined ? [] : [("role", .string(serving.role.rawValue))]))
        ))
    }
    for run in ir.trainingRuns {
      objects.append(
        (
          run.id,
          .compactObject([
            ("model", .string(run.spec.model.name.value)), ("cluster", .string(run.spec.cluster.name.value)),
            ("gpus", .int(run.spec.gpus.value)), ("tokens", .double(run.spec.tokens.value)),
            ("precision", .string(run.spec.precision.value.rawValue)), ("mfu", .double(run.spec.mfu.value)),
            ("flops", .double(run.flops)), ("gpuHours", run.gpuHours.map { .double($0) }),
          ])
        ))
    }
    objects.sort { $0.0 < $1.0 }
    return JSONValue.object([("formatVersion", .int(1)), ("objects", .object(objects))]).serialized() + "\n"
  }
}
