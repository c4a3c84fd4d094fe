import KilnDiagnostics
import KilnSpec
import KilnSupport

/// A GPU model with its figures in canonical units (bytes, bytes/s, FLOPS, W, $).
public struct GPUModel: Sendable, Hashable {
  public var name: String
  public var vendor: String
  public var memory: Double
  public var memoryBandwidth: Double
  /// Dense peak FLOPS by precision (`bf16`, `fp8`, …); a precision the GPU lacks is absent.
  public var compute: [String: Double]
  public var power: Double
  public var price: Double?
  public var nodeLabel: (key: String, value: String)?
  /// Fields whose figures are estimates (catalog `estimatedFields`).
  public var estimatedFields: Set<String>

  public static func == (lhs: GPUModel, rhs: GPUModel) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A group of identical NIC ports of a server.
public struct NICGroup: Sendable, Hashable {
  public var role: String
  public var count: Int
  /// Bytes per second.
  public var speed: Double
  public var transceiver: String?
}

/// A server model.
public struct ServerModel: Sendable, Hashable {
  public var name: String
  public var gpu: GPUModel?
  public var gpuCount: Int
  public var rackUnits: Int
  /// Maximum system power, W.
  public var power: Double
  public var price: Double?
  public var nics: [NICGroup]
  public var estimatedFields: Set<String>
  /// Host CPU cores and memory (bytes), for Kueue's cpu and memory quotas.
  public var cpuCores: Int?
  public var hostMemory: Double?

  public func ports(role: String) -> Int { nics.filter { $0.role == role }.reduce(0) { $0 + $1.count } }
  public func portSpeed(role: String) -> Double? { nics.first { $0.role == role }?.speed }

  public static func == (lhs: ServerModel, rhs: ServerModel) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A switch model.
public struct SwitchModel: Sendable, Hashable {
  public var name: String
  public var technology: String
  public var ports: Int
  /// Bytes per second.
  public var speed: Double
  public var breakoutPorts: Int?
  public var breakoutSpeed: Double?
  public var rackUnits: Int
  public var power: Double?
  public var price: Double?
  public var estimatedFields: Set<String>
}

/// An optical module.
public struct TransceiverModel: Sendable, Hashable {
  public var name: String
  public var speed: Double
  public var ports: Int
  public var power: Double?
  public var price: Double?
  public var estimatedFields: Set<String>
}

/// Typed access to the project's catalog (built-in entries with the project's overrides).
public struct CatalogModels: Sendable {
  public var catalog: HardwareCatalog

  public init(_ catalog: HardwareCatalog) {
    self.catalog = catalog
  }

  static func estimated(_ node: SpecNode) -> Set<String> {
    guard node["estimate"]?.bool == true else { return [] }
    return Set((node["estimatedFields"]?.items ?? []).compactMap(\.text))
  }

  public func gpu(_ name: String) -> GPUModel? {
    guard let node = catalog.entry(.gpus, name)?.fields else { return nil }
    var compute: [String: Double] = [:]
    for field in node["compute"]?.fields ?? [] { if let value = field.node.number { compute[field.name] = value } }
    let label = node["nodeLabel"].flatMap { label -> (key: String, value: String)? in
      guard let key = label["key"]?.text, let value = label["value"]?.text else { return nil }
      return (key, value)
    }
    return GPUModel(
      name: name, vendor: node["vendor"]?.text ?? "other", memory: node["memory"]?.number ?? 0,
      memoryBandwidth: node["memoryBandwidth"]?.number ?? 0, compute: compute, power: node["power"]?.number ?? 0,
      price: node["price"]?.number, nodeLabel: label, estimatedFields: Self.estimated(node))
  }

  public func server(_ name: String) -> ServerModel? {
    guard let node = catalog.entry(.servers, name)?.fields else { return nil }
    let nics = (node["nics"]?.items ?? []).map { nic in
      NICGroup(
        role: nic["role"]?.text ?? "compute", count: Int(saturating: nic["count"]?.number ?? 0),
        speed: nic["speed"]?.number ?? 0,
        transceiver: nic["transceiver"]?.text)
    }
    // Read step by step: optional chains here crash the Swift 6.3.1 optimizer (CopyPropagation) in
    // release builds, as in switchModel.
    var gpuModel: GPUModel?
    if let gpuName = node["gpu"]?.text { gpuModel = gpu(gpuName) }
    var cpuCores: Int?
    if let cores = node["cpuCores"]?.number { cpuCores = Int(saturating: cores) }
    let hostMemory = node["memory"]?.number
    let price = node["price"]?.number
    return ServerModel(
      name: name, gpu: gpuModel, gpuCount: Int(saturating: node["gpuCount"]?.number ?? 0),
      rackUnits: Int(saturating: node["rackUnits"]?.number ?? 0), power: node["power"]?.number ?? 0, price: price,
      nics: nics, estimatedFields: Self.estimated(node), cpuCores: cpuCores, hostMemory: hostMemory)
  }

  public func switchModel(_ name: String) -> SwitchModel? {
    guard let node = catalog.entry(.switches, name)?.fields else { return nil }
    // Read step by step: a single optional chain here crashed the Swift 6.3.1 optimizer (CopyPropagation).
    let breakout = node["breakout"]
    var breakoutPorts: Int?
    if let ports = breakout?["ports"]?.number { breakoutPorts = Int(saturating: ports) }
    let breakoutSpeed = breakout?["speed"]?.number
    return SwitchModel(
      name: name, technology: node["technology"]?.text ?? "infiniband",
      ports: Int(saturating: node["ports"]?.number ?? 0),
      speed: node["speed"]?.number ?? 0, breakoutPorts: breakoutPorts, breakoutSpeed: breakoutSpeed,
      rackUnits: Int(saturating: node["rackUnits"]?.number ?? 1), power: node["power"]?.number,
      price: node["price"]?.number,
      estimatedFields: Self.estimated(node))
  }

  public func transceiver(_ name: String) -> TransceiverModel? {
    guard let node = catalog.entry(.transceivers, name)?.fields else { return nil }
    return TransceiverModel(
      name: name, speed: node["speed"]?.number ?? 0, ports: Int(saturating: node["ports"]?.number ?? 1),
      power: node["power"]?.number,
      price: node["price"]?.number, estimatedFields: Self.estimated(node))
  }
}
