import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport

/// Secure pod defaults shared by serving and training (docs/kubernetes.md §6): non-root, no privilege
/// escalation, all capabilities dropped, seccomp RuntimeDefault, read-only root file system with
/// writable emptyDirs, requests = limits, GPU toleration and node affinity, no service-account token.
enum PodTemplates {
  /// The extended resource a GPU is requested as (AMD's device plugin: `amd.com/gpu`).
  static func gpuResource(_ gpu: GPUModel?) -> String { gpu?.vendor == .amd ? "amd.com/gpu" : "nvidia.com/gpu" }

  /// The pod's share of one server: GPUs, and CPU and memory in proportion to them.
  static func resources(server: ServerModel?, gpus: Int, gpuResource: String) -> JSONValue {
    let perServer = max(1, server?.gpuCount ?? 1)
    let fraction = Double(gpus) / Double(perServer)
    let cpu = max(1, Int(saturating: (Double(server?.cpuCores ?? 8) * fraction * 0.9).rounded(.down)))
    let memoryGi = max(
      1, Int(saturating: ((server?.hostMemory ?? 64 * 1_073_741_824) * fraction * 0.9 / 1_073_741_824).rounded(.down)))
    let amounts: JSONValue = .object([
      ("cpu", .string(String(cpu))), ("memory", .string("\(memoryGi)Gi")), (gpuResource, .string(String(gpus))),
    ])
    return .object([("requests", amounts), ("limits", amounts)])
  }

  static func securityContext() -> JSONValue {
    .object([
      ("allowPrivilegeEscalation", .bool(false)), ("readOnlyRootFilesystem", .bool(true)),
      ("runAsNonRoot", .bool(true)), ("runAsUser", .int(10_001)), ("runAsGroup", .int(10_001)),
      ("capabilities", .object([("drop", .array([.string("ALL")]))])),
      ("seccompProfile", .object([("type", .string("RuntimeDefault"))])),
    ])
  }

  static func podSecurityContext() -> JSONValue {
    .object([
      ("runAsNonRoot", .bool(true)), ("runAsUser", .int(10_001)), ("runAsGroup", .int(10_001)),
      ("fsGroup", .int(10_001)), ("seccompProfile", .object([("type", .string("RuntimeDefault"))])),
    ])
  }

  static func tolerations(_ gpuResource: String) -> JSONValue {
    .array([
      .object([("key", .string(gpuResource)), ("operator", .string("Exists")), ("effect", .string("NoSchedule"))])
    ])
  }

  /// Required node affinity to the GPU product and the Kiln cluster.
  static func affinity(label: (key: String, value: String), cluster: String) -> JSONValue {
    .object([
      (
        "nodeAffinity",
        .object([
          (
            "requiredDuringSchedulingIgnoredDuringExecution",
            .object([
              (
                "nodeSelectorTerms",
                .array([
                  .object([
                    (
                      "matchExpressions",
                      .array([
                        .object([
                          ("key", .string(label.key)), ("operator", .string("In")),
                          ("values", .array([.string(label.value)])),
                        ]),
                        .object([
                          ("key", .string("kiln.dev/cluster")), ("operator", .string("In")),
                          ("values", .array([.string(cluster)])),
                        ]),
                      ])
                    )
                  ])
                ])
              )
            ])
          )
        ])
      )
    ])
  }

  /// `kubernetes.imageRegistry` prefixed to an image that names no registry: its first path
  /// component has no dot or port and is not localhost (Docker's reference rule).
  static func image(_ image: String, registry: String?) -> String {
    guard let registry, !registry.isEmpty else { return image }
    let parts = image.split(separator: "/", maxSplits: 1)
    if parts.count == 2, let first = parts.first, first.contains(".") || first.contains(":") || first == "localhost" {
      return image
    }
    return registry.hasSuffix("/") ? registry + image : registry + "/" + image
  }

  /// Writable folders for a read-only root: /dev/shm in memory, a HOME and a cache big enough for the
  /// weights the pod downloads (`cacheGi`).
  static func volumes(shmGi: Int, cacheGi: Int = 200) -> [JSONValue] {
    [
      .object([
        ("name", .string("dshm")),
        ("emptyDir", .object([("medium", .string("Memory")), ("sizeLimit", .string("\(shmGi)Gi"))])),
      ]),
      .object([("name", .string("home")), ("emptyDir", .object([("sizeLimit", .string("1Gi"))]))]),
      .object([("name", .string("cache")), ("emptyDir", .object([("sizeLimit", .string("\(cacheGi)Gi"))]))]),
      .object([("name", .string("tmp")), ("emptyDir", .object([("sizeLimit", .string("10Gi"))]))]),
    ]
  }

  static let volumeMounts: [JSONValue] = [
    .object([("name", .string("dshm")), ("mountPath", .string("/dev/shm"))]),
    .object([("name", .string("home")), ("mountPath", .string("/home/kiln"))]),
    .object([("name", .string("cache")), ("mountPath", .string("/home/kiln/.cache"))]),
    .object([("name", .string("tmp")), ("mountPath", .string("/tmp"))]),
  ]

  /// HOME must be writable and USER set for the vLLM image when it does not run as root: torch's
  /// getpass.getuser() fails for a UID absent from /etc/passwd unless USER is set (Python's getpass docs).
  static let baseEnvironment: [JSONValue] = [
    .object([("name", .string("HOME")), ("value", .string("/home/kiln"))]),
    .object([("name", .string("USER")), ("value", .string("kiln"))]),
    .object([("name", .string("XDG_CACHE_HOME")), ("value", .string("/home/kiln/.cache"))]),
    .object([("name", .string("HF_HOME")), ("value", .string("/home/kiln/.cache/huggingface"))]),
  ]
}
