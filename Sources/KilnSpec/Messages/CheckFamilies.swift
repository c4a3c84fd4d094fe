import KilnDiagnostics

extension SpecMessages {
  /// The messages of the spec stage's cross-object checks.
  static var checkFamilies: [MessageID] { ClusterMessage.all }
}
