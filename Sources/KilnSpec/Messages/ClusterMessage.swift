import KilnDiagnostics
import KilnSupport

/// The messages of `ClusterCheck`.
enum ClusterMessage: DiagnosticMessage {
  case missingFabric(purpose: ClusterSpec.Purpose)
  case storageFabric(fabric: String)
  case duplicateEntry(what: String, name: String)
  case queueShares(percent: Double)
  case reserveTooLarge

  enum ID {
    static let missingFabric = MessageID(
      SpecCodes.missingField, "cluster-fabric", "a training or mixed cluster names no compute fabric")
    static let storageFabric = MessageID(
      SpecCodes.wrongReferenceTarget, "storage-fabric-for-compute", "a cluster's 'fabric' is a storage fabric")
    static let duplicateEntry = MessageID(
      SpecCodes.duplicateEntry, "cluster-entry-twice", "a rack group or queue name is used twice in a cluster")
    static let queueShares = MessageID(SpecCodes.queueShares, "shares-above-100", "queue shares add up to above 100%")
    static let reserveTooLarge = MessageID(SpecCodes.invalidValue, "reserve-100", "a cluster's reserve is 100% or more")
  }

  static let all = [ID.missingFabric, ID.storageFabric, ID.duplicateEntry, ID.queueShares, ID.reserveTooLarge]

  var id: MessageID {
    switch self {
    case .missingFabric: ID.missingFabric
    case .storageFabric: ID.storageFabric
    case .duplicateEntry: ID.duplicateEntry
    case .queueShares: ID.queueShares
    case .reserveTooLarge: ID.reserveTooLarge
    }
  }

  var text: String {
    switch self {
    case .missingFabric(let purpose): "missing 'fabric': a \(purpose) cluster needs a compute fabric"
    case .storageFabric(let fabric): "Fabric/\(fabric) is a storage fabric; 'fabric' names the compute fabric"
    case .duplicateEntry(let what, let name): "\(what) '\(name)' is defined twice"
    case .queueShares(let percent): "queue shares add up to \(JSONValue.format(percent))%, above 100%"
    case .reserveTooLarge: "reserve must be below 100%: nothing would be schedulable"
    }
  }
}
