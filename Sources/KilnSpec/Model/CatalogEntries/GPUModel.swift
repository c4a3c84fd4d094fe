import KilnDiagnostics

/// A GPU model with its figures in canonical units (bytes, bytes/s, FLOPS, W, $).
public struct GPUModel: CatalogEntryRecord, Hashable {
  public enum Vendor: String, ChoiceValue { case nvidia, amd, other }
  /// The precisions a GPU's dense peak is given in; `bf16` is required of a new GPU.
  public enum Precision: String, CaseIterable, Sendable { case bf16, fp16, fp32, tf32, int8, fp8, fp4, fp64 }

  public static let referenceKind = HardwareCatalog.Section.gpus.referenceName

  public var name = ""
  public var vendor: Vendor = .placeholder
  public var memory: Double = 0
  public var memoryBandwidth: Double = 0
  /// Dense peak FLOPS by precision (`bf16`, `fp8`, …); a precision the GPU lacks is absent.
  public var compute: [String: Double] = [:]
  public var power: Double = 0
  public var nvlinkBandwidth: Double?
  /// Host link per GPU, bidirectional, bytes/s: what tensor parallelism uses without NVLink.
  public var pcieBandwidth: Double?
  /// Achievable share of `pcieBandwidth` in collectives between the GPUs of a PCIe server.
  public var pcieEfficiency: Double = 0
  /// Achievable share of peak memory bandwidth in serving.
  public var memoryEfficiency: Double = 0
  /// Achievable share of the dense peak in serving's GEMMs, by precision; `defaultComputeEfficiency` where
  /// a precision is not given.
  public var computeEfficiency: [String: Double] = [:]
  public var price: Double?
  public var nodeLabel: NodeLabel?
  public var provenance = Provenance()

  public init() {}

  /// The name of the `compute` field, whose keys are precisions.
  public static let computeField = "compute"

  /// Achieved share of the dense peak when a GPU does not state one: one figure per precision for every GPU,
  /// fitted to TensorRT-LLM's published offline throughput (docs/models.md §8.2). Narrower formats reach a
  /// smaller share of their higher peak: the same data movement and non-GEMM work is spread over more FLOPs.
  public static func defaultComputeEfficiency(_ precision: Precision) -> Double {
    switch precision {
    case .fp4: return 0.35
    case .fp8, .int8: return 0.44
    default: return 0.55
    }
  }

  /// The achievable share of the dense peak at `precision`: the GPU's figure, else the default.
  public func computeEfficiency(at precision: Precision) -> Double {
    computeEfficiency[precision.rawValue] ?? Self.defaultComputeEfficiency(precision)
  }

  public static let table = FieldTable<GPUModel>(
    "A GPU model.",
    [
      nameEntry(),
      .plain("vendor", Vendor.fieldType, \.vendor, required: true, "vendor"),
      .plain(
        "memory", FieldTypes.dataSize, \.memory, required: true, range: .positive,
        "HBM capacity, as the hardware has it (`80GiB` for an \"80GB\" H100)"),
      .plain(
        "memoryBandwidth", FieldTypes.bandwidth, \.memoryBandwidth, required: true, range: .positive, "HBM bandwidth"),
      .custom(
        FieldSchema(
          computeField,
          .object(
            ObjectSchema(
              "Dense peak throughput per precision.",
              Precision.allCases.map {
                FieldSchema($0.rawValue, .quantity([.compute]), range: .positive, "dense \($0.rawValue) peak")
              })), required: true,
          "**dense** peak (no 2:4 sparsity) per precision. A new GPU must give `bf16` (K2003); leave out a precision the GPU lacks"
        )
      ) { root, node in
        for field in node?.fields ?? [] { if let value = field.node.number { root.compute[field.name] = value } }
      },
      .plain("power", FieldTypes.power, \.power, required: true, "board power (TDP)"),
      .optionalPlain(
        "nvlinkBandwidth", FieldTypes.bandwidth, \.nvlinkBandwidth, "scale-up bandwidth per GPU, bidirectional"),
      .optionalPlain(
        "pcieBandwidth", FieldTypes.bandwidth, \.pcieBandwidth,
        "host link per GPU, bidirectional (PCIe Gen4 x16: 64GB/s); tensor parallelism uses it when the GPU has no NVLink"
      ),
      .plain(
        "pcieEfficiency", FieldTypes.percent, \.pcieEfficiency, default: .value("50%"), range: .positive,
        "*(analyzer)* achievable share of `pcieBandwidth` in the all-reduces of tensor parallelism over PCIe (rings cross shared switches and the link between the CPU sockets)"
      ),
      .plain(
        "memoryEfficiency", FieldTypes.percent, \.memoryEfficiency, default: .value("90%"), range: .positive,
        "*(analyzer)* achievable share of peak memory bandwidth in serving (weights, KV cache)"),
      .custom(
        FieldSchema(
          "computeEfficiency",
          .object(
            ObjectSchema(
              "Achievable share of the dense peak per precision.",
              Precision.allCases.map {
                FieldSchema($0.rawValue, FieldTypes.percent, range: .positive, "share of the dense \($0.rawValue) peak")
              })),
          default: .rule("bf16, fp16 and wider 55%; fp8 and int8 44%; fp4 35%"),
          "*(analyzer)* achievable share of the dense peak in serving's GEMMs, per precision"
        )
      ) { root, node in
        for field in node?.fields ?? [] {
          if let value = field.node.number { root.computeEfficiency[field.name] = value }
        }
      },
      .optionalPlain("price", FieldTypes.money, \.price, "unit price"),
      .record(
        "nodeLabel", \.nodeLabel,
        "the Kubernetes node label that selects nodes with this GPU (`nvidia.com/gpu.product` for NVIDIA, `amd.com/gpu.product-name` for AMD). Both fields required"
      ),
    ] + provenanceEntries())

  public static func == (lhs: GPUModel, rhs: GPUModel) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
