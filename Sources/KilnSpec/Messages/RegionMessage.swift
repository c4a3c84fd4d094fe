import KilnDiagnostics

/// The messages of `RegionCheck`.
enum RegionMessage: DiagnosticMessage {
  case servingTwice(serving: String, region: String)
  case replicasOrder(min: Int, max: Int)
  case secretEnvAndMount
  case secretEnvOrMount
  case trainingCluster(cluster: String)
  case clusterWithoutGPUs(cluster: String)
  case unknownRackGroup(cluster: String, rackGroup: String)

  enum ID {
    static let servingTwice = MessageID(
      SpecCodes.duplicateEntry, "region-serving-twice", "serving entry 'NAME' is defined twice in Region/REGION")
    static let replicasOrder = MessageID(
      SpecCodes.invalidValue, "region-replicas-order", "replicas.min (MIN) is above replicas.max (MAX)")
    static let secretEnvAndMount = MessageID(
      SpecCodes.invalidValue, "secret-env-and-mount", "a serving secret reference sets both 'env' and 'mountPath'")
    static let secretEnvOrMount = MessageID(
      SpecCodes.missingField, "secret-env-or-mount", "a serving secret reference sets neither 'env' nor 'mountPath'")
    static let trainingCluster = MessageID(
      SpecCodes.wrongReferenceTarget, "region-training-cluster",
      "a serving entry's Cluster/CLUSTER has purpose 'training' and cannot serve")
    static let clusterWithoutGPUs = MessageID(
      SpecCodes.wrongReferenceTarget, "region-cluster-without-gpus",
      "Cluster/CLUSTER (or the named rack group) has no GPU servers to serve a model on")
    static let unknownRackGroup = MessageID(
      SpecCodes.unresolvedReference, "region-rack-group", "Cluster/CLUSTER has no rack group 'GROUP'")
  }

  static let all = [
    ID.servingTwice, ID.replicasOrder, ID.secretEnvAndMount, ID.secretEnvOrMount, ID.trainingCluster,
    ID.clusterWithoutGPUs, ID.unknownRackGroup,
  ]

  var id: MessageID {
    switch self {
    case .servingTwice: ID.servingTwice
    case .replicasOrder: ID.replicasOrder
    case .secretEnvAndMount: ID.secretEnvAndMount
    case .secretEnvOrMount: ID.secretEnvOrMount
    case .trainingCluster: ID.trainingCluster
    case .clusterWithoutGPUs: ID.clusterWithoutGPUs
    case .unknownRackGroup: ID.unknownRackGroup
    }
  }

  var text: String {
    switch self {
    case .servingTwice(let serving, let region): "serving entry '\(serving)' is defined twice in Region/\(region)"
    case .replicasOrder(let min, let max): "replicas.min (\(min)) is above replicas.max (\(max))"
    case .secretEnvAndMount: "a secret reference sets both 'env' and 'mountPath'; give one"
    case .secretEnvOrMount: "a secret reference needs 'env' (an environment variable) or 'mountPath' (a file)"
    case .trainingCluster(let cluster): "Cluster/\(cluster) has purpose 'training' and cannot serve"
    case .clusterWithoutGPUs(let cluster): "Cluster/\(cluster) has no GPU servers to serve a model on"
    case .unknownRackGroup(let cluster, let rackGroup): "Cluster/\(cluster) has no rack group '\(rackGroup)'"
    }
  }
}
