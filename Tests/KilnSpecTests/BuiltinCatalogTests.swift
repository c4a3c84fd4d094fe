import Foundation
import KilnDiagnostics
import KilnYAML
import Testing
import _KilnTestSupport

@testable import KilnSpec

/// Every built-in figure that shared/data has must equal it (compare numbers: the data's memory_gb is
/// the vendor's "80" even where Kiln stores 80 GiB).
@Suite struct BuiltinCatalogTests {
  static let dataPath = Golden.repositoryRoot + "/../shared/data/hardware-catalog.yaml"

  /// The shared data as nested dictionaries of text, read with Kiln's own YAML front end.
  static func sharedData() throws -> [String: [String: [String: String]]] {
    let data = try #require(FileManager.default.contents(atPath: dataPath))
    let (file, diagnostics) = YAMLParser().parse(SourceFile(path: dataPath, bytes: [UInt8](data)))
    #expect(diagnostics.isEmpty)
    let document = try #require(file.documents.first)
    var result: [String: [String: [String: String]]] = [:]
    for (key, value) in document.entries(of: document.root) where document[value].kind == .sequence {
      var section: [String: [String: String]] = [:]
      for item in document[value].children where document[item].kind == .mapping {
        var fields: [String: String] = [:]
        for (fieldKey, fieldValue) in document.entries(of: item) where document[fieldValue].kind == .scalar {
          fields[document[fieldKey].value] = document[fieldValue].value
        }
        if let id = fields["id"] { section[id] = fields }
      }
      result[document[key].value] = section
    }
    return result
  }

  @Test func builtinCatalogIsValid() {
    let (catalog, diagnostics) = HardwareCatalog.builtin()
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    for name in [
      "A100-SXM4-80GB", "A100-PCIe-80GB", "A100-PCIe-40GB", "H100-SXM5-80GB", "H100-PCIe-80GB", "H800-SXM5-80GB",
      "H200-SXM-141GB", "B200", "L40S", "A10", "H20", "MI300X",
    ] {
      #expect(catalog.entry(.gpus, name) != nil, "missing GPU \(name)")
    }
    for name in [
      "DGX-A100", "DGX-H100", "HGX-H800-8GPU", "DGX-H200", "DGX-B200", "FF-PCIe-A100-8GPU", "PCIe-L40S-8GPU",
      "MI300X-8GPU", "CPU-2S",
    ] {
      #expect(catalog.entry(.servers, name) != nil, "missing server \(name)")
    }
    for name in ["QM8700", "QM9700", "SN5600", "Q3400"] { #expect(catalog.entry(.switches, name) != nil) }
    for name in ["OSFP-800G-2xSR4", "OSFP-400G-SR4", "QSFP56-200G"] {
      #expect(catalog.entry(.transceivers, name) != nil)
    }
  }

  @Test func everyEntryHasASourceAndEstimatesHaveABasis() {
    let (catalog, _) = HardwareCatalog.builtin()
    for section in HardwareCatalog.Section.allCases {
      for name in catalog.names(section) {
        let entry = catalog.entry(section, name)?.fields
        #expect(entry?["source"]?.text?.isEmpty == false, "\(name) has no source")
        if entry?["estimate"]?.bool == true {
          #expect(entry?["basis"]?.text?.isEmpty == false, "\(name) is an estimate without a basis")
          #expect(entry?["estimatedFields"]?.items.isEmpty == false, "\(name) does not say which fields are estimates")
        }
      }
    }
  }

  func expectEqual(_ builtin: Double?, _ data: String?, scale: Double, _ what: String) {
    guard let data, let dataValue = Double(data) else { return }
    guard let builtin else {
      Issue.record("\(what): shared data has \(data), the built-in entry has none")
      return
    }
    #expect(
      abs(builtin / scale - dataValue) <= abs(dataValue) * 1e-9,
      "\(what): built-in \(builtin / scale), data \(dataValue)")
  }

  @Test func gpuFiguresMatchSharedData() throws {
    let data = try Self.sharedData()["gpus"] ?? [:]
    let (catalog, _) = HardwareCatalog.builtin()
    for (name, id) in BuiltinCatalogDataIds.gpus {
      let facts = try #require(data[id], "no \(id) in shared data")
      let entry = try #require(catalog.entry(.gpus, name)?.fields)
      let memory = try #require(entry["memory"]?.quantity)
      // The vendor's number: "80" for 80 GiB, "141" for 141 GB.
      let memoryNumber = Double(memory.text.prefix { $0.isNumber || $0 == "." })
      expectEqual(memoryNumber, facts["memory_gb"], scale: 1, "\(name) memory")
      expectEqual(entry["memoryBandwidth"]?.number, facts["memory_bw_tbps"], scale: 1e12, "\(name) memory bandwidth")
      expectEqual(
        entry["compute"]?["bf16"]?.number, facts["bf16_tflops_dense"] ?? facts["bf16_tflops"], scale: 1e12,
        "\(name) bf16")
      expectEqual(
        entry["compute"]?["fp8"]?.number, facts["fp8_tflops_dense"] ?? facts["fp8_tflops"], scale: 1e12, "\(name) fp8")
      expectEqual(entry["compute"]?["fp16"]?.number, facts["fp16_tflops_dense"], scale: 1e12, "\(name) fp16")
      expectEqual(entry["compute"]?["tf32"]?.number, facts["tf32_tflops_dense"], scale: 1e12, "\(name) tf32")
      expectEqual(entry["power"]?.number, facts["tdp_w"], scale: 1, "\(name) power")
      expectEqual(entry["nvlinkBandwidth"]?.number, facts["nvlink_gbps_bidir"], scale: 1e9, "\(name) NVLink")
      if facts["fp8_tflops_dense"] == "null" {
        #expect(entry["compute"]?["fp8"] == nil, "\(name) has no FP8 in shared data")
      }
    }
  }

  @Test func serverFiguresMatchSharedData() throws {
    let data = try Self.sharedData()["servers"] ?? [:]
    let (catalog, _) = HardwareCatalog.builtin()
    for (name, id) in BuiltinCatalogDataIds.servers {
      let facts = try #require(data[id], "no \(id) in shared data")
      let entry = try #require(catalog.entry(.servers, name)?.fields)
      expectEqual(entry["gpuCount"]?.number, facts["gpus"], scale: 1, "\(name) GPUs")
      expectEqual(entry["power"]?.number, facts["max_power_kw"], scale: 1e3, "\(name) power")
      expectEqual(entry["rackUnits"]?.number, facts["rack_units"], scale: 1, "\(name) rack units")
      if let memory = entry["memory"]?.quantity, let ram = facts["ram_gb"], let gb = Double(ram) {
        // 2048 GB in the data is 2 TiB of DIMMs.
        #expect(abs(memory.value - gb * 1_073_741_824) < 1 || abs(memory.value - gb * 1e9) < 1, "\(name) memory")
      }
    }
  }

  @Test func switchFiguresMatchSharedData() throws {
    let data = try Self.sharedData()["switches"] ?? [:]
    let (catalog, _) = HardwareCatalog.builtin()
    for (name, id) in BuiltinCatalogDataIds.switches {
      let facts = try #require(data[id], "no \(id) in shared data")
      let entry = try #require(catalog.entry(.switches, name)?.fields)
      expectEqual(entry["ports"]?.number, facts["ports"], scale: 1, "\(name) ports")
      expectEqual(entry["speed"]?.number, facts["port_speed_gbps"], scale: 1e9 / 8, "\(name) speed")
      expectEqual(entry["rackUnits"]?.number, facts["rack_units"], scale: 1, "\(name) rack units")
    }
  }

  @Test func transceiverFiguresMatchSharedData() throws {
    let data = try Self.sharedData()["transceivers"] ?? [:]
    let (catalog, _) = HardwareCatalog.builtin()
    for (name, id) in BuiltinCatalogDataIds.transceivers {
      let facts = try #require(data[id], "no \(id) in shared data")
      let entry = try #require(catalog.entry(.transceivers, name)?.fields)
      expectEqual(entry["power"]?.number, facts["power_w"], scale: 1, "\(name) power")
    }
  }
}
