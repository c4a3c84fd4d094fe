import Foundation
import KilnDiagnostics
import KilnYAML
import Testing
import _KilnTestSupport

@testable import KilnSpec

/// The built-in catalog is valid and every entry says where its figures come from. Its figures are compared
/// with the sourced hardware data set they were taken from by Scripts/check_catalog_data.py in CI (the data
/// set is not part of the repository).
@Suite struct BuiltinCatalogTests {
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
}
