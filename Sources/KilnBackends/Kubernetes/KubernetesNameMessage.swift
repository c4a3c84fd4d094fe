import KilnDiagnostics

/// The messages of `KubernetesNames`: generated names Kubernetes would refuse.
enum KubernetesNameMessage: DiagnosticMessage {
  case clusterObjectTooLong(kind: String, name: String, maximum: Int)
  case servingWorkloadTooLong(name: String, maximum: Int)
  case jobSetJobTooLong(jobSet: String, job: String, maximum: Int)
  case leaderWorkerSetTooLong(name: String, maximum: Int)
  case serviceFirstLetter(name: String)
  case trainingWithoutImage(run: String)
  case noGatewayClass(region: String, loadBalancer: String?)
  case routeConflict(region: String, model: String, first: String, second: String)
  case trainingSlices(run: String, pods: Int, perBlock: Int, slice: Int)

  enum ID {
    static let clusterObjectTooLong = MessageID(
      BackendCodes.nameTooLong, "kubernetes-cluster-object-name-too-long",
      "the KIND name NAME of a cluster is longer than Kubernetes allows")
    static let servingWorkloadTooLong = MessageID(
      BackendCodes.nameTooLong, "kubernetes-serving-workload-name-too-long",
      "the serving workload name NAME is longer than Kubernetes allows")
    static let jobSetJobTooLong = MessageID(
      BackendCodes.nameTooLong, "kubernetes-jobset-job-name-too-long",
      "the JobSet JOBSET creates the Job JOB, longer than Kubernetes allows")
    static let leaderWorkerSetTooLong = MessageID(
      BackendCodes.leaderWorkerSetNameTooLong, "kubernetes-leader-worker-set-name-too-long",
      "the LeaderWorkerSet NAME is longer than its worker StatefulSets allow")
    static let serviceFirstLetter = MessageID(
      BackendCodes.serviceName, "kubernetes-service-name-first-letter", "the Service NAME must start with a letter")
    static let trainingWithoutImage = MessageID(
      BackendCodes.trainingWithoutImage, "kubernetes-training-run-without-image",
      "TrainingRun RUN names no image, so no JobSet is generated")
    static let noGatewayClass = MessageID(
      BackendCodes.regionWithoutGatewayClass, "kubernetes-region-without-gateway-class",
      "Region REGION names no gateway class, so it gets no Gateway")
    static let routeConflict = MessageID(
      BackendCodes.routeConflict, "kubernetes-route-conflict",
      "entries FIRST and SECOND of Region REGION would share the route of model MODEL")
    static let trainingSlices = MessageID(
      BackendCodes.trainingSlices, "kubernetes-training-slices",
      "TrainingRun RUN's PODS pods divide only into slices of SLICE, under half a block of PER_BLOCK")
  }

  static let all = [
    ID.clusterObjectTooLong, ID.servingWorkloadTooLong, ID.jobSetJobTooLong, ID.leaderWorkerSetTooLong,
    ID.serviceFirstLetter, ID.trainingWithoutImage, ID.noGatewayClass, ID.routeConflict, ID.trainingSlices,
  ]

  var id: MessageID {
    switch self {
    case .clusterObjectTooLong: ID.clusterObjectTooLong
    case .servingWorkloadTooLong: ID.servingWorkloadTooLong
    case .jobSetJobTooLong: ID.jobSetJobTooLong
    case .leaderWorkerSetTooLong: ID.leaderWorkerSetTooLong
    case .serviceFirstLetter: ID.serviceFirstLetter
    case .trainingWithoutImage: ID.trainingWithoutImage
    case .noGatewayClass: ID.noGatewayClass
    case .routeConflict: ID.routeConflict
    case .trainingSlices: ID.trainingSlices
    }
  }

  var text: String {
    switch self {
    case .clusterObjectTooLong(let kind, let name, let maximum):
      "the \(kind) name '\(name)' has \(name.utf8.count) characters; Kubernetes allows \(maximum)"
    case .servingWorkloadTooLong(let name, let maximum):
      "the serving workload name '\(name)' has \(name.utf8.count) characters; Kubernetes allows \(maximum)"
    case .jobSetJobTooLong(let jobSet, let job, let maximum):
      "the JobSet '\(jobSet)' creates the Job '\(job)', which has \(job.utf8.count) characters; Kubernetes allows \(maximum)"
    case .leaderWorkerSetTooLong(let name, let maximum):
      "the LeaderWorkerSet '\(name)' has \(name.utf8.count) characters; its worker StatefulSets need it within \(maximum)"
    case .serviceFirstLetter(let name): "the Service '\(name)' must start with a letter (DNS-1035)"
    case .trainingWithoutImage(let run): "TrainingRun '\(run)' names no image; kiln build generates no JobSet for it"
    case .noGatewayClass(let region, let loadBalancer):
      "Region '\(region)' names no gateway class\(loadBalancer.map { " (loadBalancer: \($0) has no default)" } ?? ""); kiln build writes no Gateway or HTTPRoutes for it"
    case .trainingSlices(let run, let pods, let perBlock, let slice):
      "TrainingRun '\(run)' has \(pods) pods, which divide only into slices of \(slice), under half of its fabric's \(perBlock)-server blocks"
    case .routeConflict(let region, let model, let first, let second):
      "'\(first)' and '\(second)' of Region '\(region)' both serve '\(model)': with match: header they would share one route"
    }
  }
}
