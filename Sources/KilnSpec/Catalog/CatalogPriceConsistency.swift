/// A server's price must at least cover its GPUs: gpuCount × the GPU's price, plus the platform `base`
/// (CPUs, memory, NICs, chassis) the rule states. Estimated server prices in the built-in catalog follow
/// "8 × the GPU price + a platform share" (its header), so a price below the GPUs alone contradicts the
/// catalog itself.
public enum CatalogPriceConsistency {
  public struct Violation: Sendable, Equatable {
    public var server: String
    public var price: Double
    /// gpuCount × the GPU's price + base.
    public var floor: Double
  }

  /// The servers of `catalog` with a price below their GPUs' prices plus `base`.
  public static func violations(_ catalog: TypedCatalog, base: Double = 0) -> [Violation] {
    catalog.servers.compactMap { server in
      guard let price = server.price, let gpuPrice = server.gpu?.price, server.gpuCount > 0 else { return nil }
      let floor = Double(server.gpuCount) * gpuPrice + base
      return price < floor ? Violation(server: server.name, price: price, floor: floor) : nil
    }
  }
}
