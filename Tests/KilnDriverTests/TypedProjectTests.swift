import KilnDiagnostics
import KilnSpec
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// The typed view applies the defaults of docs/language.md and keeps a location for every value.
@Suite struct TypedProjectTests {
  func typed(_ path: String) throws -> TypedProject {
    let result = try inRepository { try Linter().lint(path) }
    return result.project.typed
  }

  @Test func siteDefaults() throws {
    let project = try typed("specs/reference")
    let frankfurt = try #require(project.sites.first { $0.name == "frankfurt-1" })
    #expect(frankfurt.ownership.value == .colocation)
    #expect(frankfurt.pue.value == 1.35)
    #expect(frankfurt.rackPowerLimit.value == 35_000)
    #expect(frankfurt.colocationPrice?.value == 180)
    #expect(frankfurt.energyPrice == nil)
    let cloud = try #require(project.sites.first { $0.ownership.value == .cloud })
    #expect(cloud.powerCapacity == nil)
    #expect(cloud.gpuHourPrice?.value == 2)
    #expect(cloud.rackUnits.value == 42)
    #expect(cloud.rackUnits.isDefault)
    // A default rack power limit points at the field that chose it.
    #expect(cloud.rackPowerLimit.value == SiteSpec.defaultRackPowerLimit(cloud.cooling.value))
    #expect(cloud.rackPowerLimit.range == cloud.cooling.range)
  }

  @Test func projectAndServingDefaults() throws {
    let project = try typed("specs/examples/starter")
    let settings = project.project
    #expect(settings.lifetime.value == 4 * 365 * 86_400)
    #expect(settings.utilization.value == 0.8)
    #expect(settings.loadFactor == nil)
    #expect(settings.trainingLoadFactor.value == 0.75 && settings.trainingLoadFactor.isDefault)
    #expect(settings.inferenceLoadFactor.value == 0.65 && settings.storageLoadFactor.value == 1)
    #expect(settings.networkLoadFactor.value == 0.65)
    #expect(settings.kubernetes.version.value == "1.31")
    #expect(settings.kubernetes.ingressNamespace.value == "ingress")
    #expect(settings.kubernetes.blockLabel.value == "kiln.dev/fabric-block")
    let serving = try #require(project.regions.first?.serving.first)
    #expect(serving.engine.value == .vllm)
    #expect(serving.pipeline.value == 1)
    #expect(serving.gpusPerReplica == serving.tensor.value)
    #expect(serving.minReplicas.value == 2)
    #expect(serving.maxReplicas.value == 12)
    // A cluster that declares no queues gets one queue with the whole share.
    let cluster = try #require(project.clusters.first { $0.name == "infer-1" })
    #expect(cluster.queues.map(\.share.value) == [1])
  }

  @Test func modelDefaultsAndKVFromGeometry() throws {
    let project = try typed("specs/reference")
    let v3 = try #require(project.models.first { $0.name == "deepseek-v3" })
    #expect(v3.parameters.value == 671e9)
    #expect(v3.activeParameters.value == 37e9)
    #expect(v3.kvCacheBytesPerToken?.value == 70_272)
    #expect(v3.contextLength.value == 131_072)
    let dense = try #require(project.models.first { $0.name == "qwen-72b" })
    #expect(dense.activeParameters.value == dense.parameters.value)
    #expect(dense.activeParameters.isDefault)
    // 2 × 80 layers × 8 KV heads × 128 × 2 B.
    #expect(dense.kvCacheBytesPerToken?.value == 327_680)
  }

  @Test func trainingRunDefaults() throws {
    let project = try typed("specs/reference")
    let run = try #require(project.trainingRuns.first { $0.model.name.value == "deepseek-v3" })
    #expect(run.gpus.value == 2048)
    #expect(run.tokens.value == 14.8e12)
    #expect(run.checkpointBytesPerParameter.value == 14)
    // References are linked once, when the project is typed.
    #expect(project[run.model]?.name == "deepseek-v3")
    #expect(project[run.cluster]?.name == run.cluster.name.value)
  }
}
