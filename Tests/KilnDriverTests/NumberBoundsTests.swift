import Foundation
import Testing
import _KilnTestSupport

/// No number makes Kiln exit on a signal: every input that once crashed the binary (SIGILL, exit 132)
/// is a located K2029 naming the range, or a K4001, and every command exits 0, 1 or 2.
@Suite struct NumberBoundsTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var file: String
    var old: String
    var new: String
    /// The diagnostic the value must cause, and where its message starts.
    var code: String
    var message: String

    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "racks", file: "infrastructure.yaml", old: "count: 2 ", new: "count: 1T ", code: "K2029",
      message: "'spec.racks[0].count' is 1T; it must be above 0 and at most 1,000,000"),
    Case(
      name: "per-rack", file: "infrastructure.yaml", old: "perRack: 1}", new: "perRack: 10M}", code: "K2029",
      message: "'spec.racks[0].servers.perRack' is 10M; it must be above 0 and at most 1,000"),
    Case(
      name: "parallelism", file: "serving.yaml", old: "parallelism: {tensor: 1}",
      new: "parallelism: {tensor: 1M, pipeline: 1M, data: 10M}", code: "K2029",
      message: "'spec.serving[0].parallelism.tensor' is 1M; it must be above 0 and at most 65,536"),
    Case(
      name: "peak", file: "serving.yaml", old: "peak: 15k tokens/s", new: "peak: 1e300 tokens/s", code: "K2029",
      message: "'spec.serving[0].demand.peak' is 1e300 tokens/s, above the largest value Kiln accepts"),
    Case(
      name: "energy-price", file: "infrastructure.yaml", old: "price: $0.09/kWh", new: "price: $1e300/kWh",
      code: "K2029", message: "'spec.power.price' is $1e300/kWh, above the largest value Kiln accepts"),
    Case(
      name: "site-power", file: "infrastructure.yaml", old: "capacity: 100kW", new: "capacity: 1e30W",
      code: "K2029", message: "'spec.power.capacity' is 1e30W, above the largest value Kiln accepts for power (100GW)"),
    Case(
      name: "catalog-gpu", file: "infrastructure.yaml", old: "servers: {model: DGX-H100, perRack: 1}",
      new: "servers: {model: Z-8, perRack: 1}", code: "K2029",
      message: "'spec.gpus[0].memoryBandwidth' is 0TB/s; it must be above 0"),
  ]

  /// A Catalog with a GPU of zero bandwidth and zero FLOPS, for the catalog case.
  static let zeroGPU = """
    apiVersion: kiln/v1
    kind: Catalog
    metadata: {name: zero}
    spec:
      gpus:
        - {name: Z1, vendor: nvidia, memory: 80GB, memoryBandwidth: 0TB/s, compute: {bf16: 0TFLOPS}, power: 700W, source: test}
      servers:
        - {name: Z-8, gpu: Z1, gpuCount: 8, rackUnits: 8, power: 10kW, source: test}

    """

  @Test(arguments: cases)
  func noNumberCrashes(_ item: Case) throws {
    let manager = FileManager.default
    let folder = try ProjectCopy.make(
      tag: "numbers-" + item.name, edits: [(item.file, item.old, item.new)],
      extra: item.name == "catalog-gpu" ? ["catalog.yaml": Self.zeroGPU] : [:])
    defer { try? manager.removeItem(atPath: folder) }
    let cli = CommandLineTests()
    let lint = try cli.run(["lint", folder, "--format", "json"])
    #expect(lint.status == 1)
    let json = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any]
    let diagnostics = (json?["diagnostics"] as? [[String: Any]]) ?? []
    #expect(
      diagnostics.contains {
        ($0["code"] as? String) == item.code && (($0["message"] as? String) ?? "").hasPrefix(item.message)
      },
      "\(diagnostics.map { "\($0["code"] ?? ""): \($0["message"] ?? "")" })")
    let output = folder + "-out"
    defer { try? manager.removeItem(atPath: output) }
    for command in [
      ["report", folder, "--format", "json"], ["report", folder, "--format", "csv"], ["report", folder],
      ["report", folder, "--format", "html"], ["build", folder, "-o", output], ["ir", folder], ["graph", folder],
    ] {
      let result = try cli.run(command)
      #expect((0...2).contains(result.status), "kiln \(command.joined(separator: " ")) exited \(result.status)")
    }
  }
}
