import KilnDiagnostics

/// The messages of `StorageCheck`.
enum StorageMessage: DiagnosticMessage {
  case computeFabric(fabric: String)
  case priceAndMonthlyPrice

  enum ID {
    static let computeFabric = MessageID(
      SpecCodes.wrongReferenceTarget, "storage-compute-fabric", "a Storage's 'fabric' names compute Fabric/FABRIC")
    static let priceAndMonthlyPrice = MessageID(
      SpecCodes.invalidValue, "storage-price-and-monthly-price", "a Storage gives both 'price' and 'monthlyPrice'")
  }

  static let all = [ID.computeFabric, ID.priceAndMonthlyPrice]

  var id: MessageID {
    switch self {
    case .computeFabric: ID.computeFabric
    case .priceAndMonthlyPrice: ID.priceAndMonthlyPrice
    }
  }

  var text: String {
    switch self {
    case .computeFabric(let fabric): "Fabric/\(fabric) is a compute fabric; a Storage's 'fabric' is a storage fabric"
    case .priceAndMonthlyPrice: "give either 'price' (capex) or 'monthlyPrice' (opex), not both"
    }
  }
}
