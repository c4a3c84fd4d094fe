import KilnDiagnostics

extension SpecMessages {
  /// The messages of the spec stage's cross-object checks.
  static var checkFamilies: [MessageID] {
    let families: [[MessageID]] = [
      DuplicateObjectMessage.all, SingletonMessage.all, ReferenceMessage.all, UnusedObjectMessage.all,
      SiteOwnershipMessage.all, JurisdictionMessage.all, ImageTagMessage.all, ModelConsistencyMessage.all,
      PolicyRuleMessage.all, ClusterMessage.all, RegionMessage.all, TrainingRunMessage.all, FabricSiteMessage.all,
      StorageMessage.all, MetadataMessage.all, ParallelismMessage.all,
    ]
    return families.flatMap { $0 }
  }
}
