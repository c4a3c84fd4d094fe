import KilnDiagnostics

/// The messages of `StorageCheck`.
enum StorageMessage: DiagnosticMessage {
  case computeFabric(fabric: String)
  case priceAndMonthlyPrice
  case nodesWithoutNICs(fabric: String)

  enum ID {
    static let computeFabric = MessageID(
      SpecCodes.wrongReferenceTarget, "storage-compute-fabric", "a Storage's 'fabric' names compute Fabric/FABRIC")
    static let priceAndMonthlyPrice = MessageID(
      SpecCodes.invalidValue, "storage-price-and-monthly-price", "a Storage gives both 'price' and 'monthlyPrice'")
    static let nodesWithoutNICs = MessageID(
      SpecCodes.invalidValue, "storage-nodes-without-nics",
      "a Storage on Fabric/FABRIC declares nodes with no NIC ports")
  }

  static let all = [ID.computeFabric, ID.priceAndMonthlyPrice, ID.nodesWithoutNICs]

  var id: MessageID {
    switch self {
    case .computeFabric: ID.computeFabric
    case .priceAndMonthlyPrice: ID.priceAndMonthlyPrice
    case .nodesWithoutNICs: ID.nodesWithoutNICs
    }
  }

  var text: String {
    switch self {
    case .computeFabric(let fabric): "Fabric/\(fabric) is a compute fabric; a Storage's 'fabric' is a storage fabric"
    case .priceAndMonthlyPrice: "give either 'price' (capex) or 'monthlyPrice' (opex), not both"
    case .nodesWithoutNICs(let fabric):
      "the storage nodes have 0 NIC ports, so nothing connects them to Fabric/\(fabric)"
    }
  }
}
