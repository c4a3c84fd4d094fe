import Testing

@testable import KilnSpec

/// Catalog prices do not contradict each other (CatalogPriceConsistency).
@Suite struct CatalogPriceTests {
  /// Every built-in server costs at least its GPUs. DGX-H100 at $199k was below 8 × the catalog's own
  /// $30k H100; it is $270k now (SemiAnalysis's estimate of NVIDIA's selling price, May 2023).
  @Test func builtInServersCoverTheirGPUs() {
    let catalog = TypedCatalog(HardwareCatalog.builtin().0)
    #expect(!catalog.servers.isEmpty)
    #expect(CatalogPriceConsistency.violations(catalog) == [])
    let dgx = catalog.servers.first { $0.name == "DGX-H100" }
    #expect(dgx?.price == 270_000)
  }

  /// The rule finds a server priced below its GPUs.
  @Test func aServerBelowItsGPUsIsFound() {
    var catalog = TypedCatalog(HardwareCatalog.builtin().0)
    let index = catalog.servers.firstIndex { $0.name == "DGX-H100" }!
    catalog.servers[index].price = 199_000
    #expect(
      CatalogPriceConsistency.violations(catalog)
        == [CatalogPriceConsistency.Violation(server: "DGX-H100", price: 199_000, floor: 240_000)])
  }
}
