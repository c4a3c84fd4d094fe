import Foundation
import Testing
import _KilnTestSupport

@testable import KilnBackends
@testable import KilnDriver

/// What `kiln build` puts in the manifests for spec choices the example projects do not make.
@Suite struct ManifestContentTests {
  /// A copy of the starter project with `edits` (old => new) applied to its files.
  func starter(_ name: String, _ edits: [ProjectCopy.Edit]) throws -> String {
    try ProjectCopy.make(tag: "content-" + name, edits: edits)
  }

  func stream(_ folder: String) throws -> String {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return Builder().stream(try #require(try Builder().build(folder).files))
  }

  /// Two keys of one Secret mounted as files: one volume each, projecting only its key, mounted by
  /// subPath at the file the spec names; no secret in the environment.
  @Test func secretsMountedAsFiles() throws {
    let text = try stream(
      starter(
        "secrets",
        [
          (
            "serving.yaml", "secrets: [{name: hf-token, key: token, env: HF_TOKEN}]",
            "secrets: [{name: hf-token, key: token, mountPath: /run/hf/token}, {name: hf-token, key: org, mountPath: /run/hf/org}]"
          )
        ]))
    #expect(text.contains("- name: secret-0\n          mountPath: /run/hf/token\n          subPath: token\n"))
    #expect(text.contains("- name: secret-1\n          mountPath: /run/hf/org\n          subPath: org\n"))
    #expect(text.contains("secretName: hf-token\n          items:\n          - key: org\n            path: org\n"))
    #expect(!text.contains("secretKeyRef"))
    #expect(!text.contains("CKV_K8S_35"))
  }

  /// A serving entry's `port` is the engine's flag, the container port, the Service's port and the port
  /// the NetworkPolicy opens; nothing else still says 8000.
  @Test func servingPortComesFromTheSpec() throws {
    let text = try stream(
      starter(
        "port",
        [
          (
            "serving.yaml", "      image: vllm/vllm-openai:v0.8.5",
            "      image: vllm/vllm-openai:v0.8.5\n      port: 9100"
          )
        ]))
    #expect(text.contains("- \"--port\"\n        - \"9100\""))
    #expect(text.contains("containerPort: 9100"))
    #expect(text.contains("port: 9100\n"))
    #expect(!text.contains("8000"))
  }

  @Test func imageRegistryPrefixesImagesWithoutOne() throws {
    let text = try stream(
      starter(
        "registry",
        [("kiln.yaml", "namespacePrefix: kiln-", "namespacePrefix: kiln-\n    imageRegistry: registry.example.com")]))
    #expect(text.contains("image: registry.example.com/vllm/vllm-openai:v0.8.5\n"))
  }

  @Test(arguments: [
    ("vllm/vllm-openai:v0.8.5", "mirror.example/vllm/vllm-openai:v0.8.5"),
    ("ubuntu:24.04", "mirror.example/ubuntu:24.04"),
    ("nvcr.io/nvidia/tritonserver:25.04", "nvcr.io/nvidia/tritonserver:25.04"),
    ("localhost:5000/trainer:1", "localhost:5000/trainer:1"),
    ("localhost/trainer:1", "localhost/trainer:1"),
  ])
  func registryRule(image: String, expected: String) {
    #expect(PodTemplates.image(image, registry: "mirror.example") == expected)
    #expect(PodTemplates.image(image, registry: nil) == image)
  }

  /// The spec queue `default` becomes LocalQueue `training` (Kueue's LocalQueueDefaulting would
  /// capture unlabelled serving workloads), or the next free name when a queue is already `training`.
  @Test func localQueueNamesStayUnique() throws {
    let text = try stream(
      starter(
        "queues",
        [
          (
            "infrastructure.yaml", "   # ... of one built-in DGX-H100 each: 16 GPUs",
            "\n  queues: [{name: default, share: 50%}, {name: training, share: 50%}]"
          )
        ]))
    #expect(text.contains("kind: LocalQueue\nmetadata:\n  name: training-1\n"))
    #expect(text.contains("kind: LocalQueue\nmetadata:\n  name: training\n"))
    #expect(!text.contains("kind: LocalQueue\nmetadata:\n  name: default\n"))
  }

  /// `kubectl apply -f -` admits pods only once the PriorityClass they name exists.
  @Test func streamStartsWithThePriorityClasses() throws {
    let text = try stream(starter("order", []))
    let first = try #require(text.range(of: "kind: "))
    #expect(text[first.lowerBound...].hasPrefix("kind: PriorityClass"))
  }

  /// A TrainingRun without an image is a K7004 warning; the build succeeds without its JobSet.
  @Test func trainingWithoutImageHasNoJobSet() throws {
    let output = try inRepository { try Builder().build("specs/invalid/K7004-training-without-image") }
    #expect(output.lint.diagnostics.map(\.code.id) == ["K7004"])
    let files = try #require(output.files)
    #expect(!files.contains { $0.path.hasSuffix("training.yaml") })
    #expect(!files.contains { $0.text.contains("kind: JobSet") })
  }

  /// vLLM runs data-parallel attention as one engine core per rank: tensor parallelism 1 and
  /// `--data-parallel-size` the entry's tensor degree.
  @Test func vllmDataParallelAttention() throws {
    let text = try stream(
      starter(
        "vllm-dp-attention",
        [
          ("serving.yaml", "parallelism: {tensor: 1}", "parallelism: {tensor: 2, attention: data}"),
          ("serving.yaml", "replicas: {min: 2, max: 12}", "replicas: {min: 2, max: 8}"),
        ]))
    #expect(text.contains("- \"--tensor-parallel-size\"\n        - \"1\"\n"))
    #expect(text.contains("- \"--data-parallel-size\"\n        - \"2\"\n"))
  }

  /// Training pods get torchrun's rendezvous from the JobSet: pod 0 of the one Job under the JobSet's
  /// headless Service as master, the node count, the GPUs per node and the completion index as node rank.
  @Test func trainingPodsGetTheRendezvous() throws {
    let text = try stream(try ProjectCopy.make(of: "specs/examples/superpod-h100", tag: "rendezvous"))
    #expect(
      text.contains("- name: MASTER_ADDR\n                value: llama3-70b-pretrain-workers-0-0.llama3-70b-pretrain\n")
    )
    #expect(text.contains("- name: MASTER_PORT\n                value: \"29500\"\n"))
    #expect(text.contains("- name: NNODES\n                value: \"112\"\n"))
    #expect(text.contains("- name: NPROC_PER_NODE\n                value: \"8\"\n"))
    #expect(text.contains("fieldPath: metadata.annotations['batch.kubernetes.io/job-completion-index']"))
  }
}
