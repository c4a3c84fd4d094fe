import KilnDiagnostics

/// Every message of the analyzer, for `kiln explain` and docs/diagnostics.md.
public enum AnalysisMessages {
  public static var all: [MessageID] {
    ExpansionBoundMessage.all + RackPowerMessage.all + RackUnitsMessage.all + SitePowerMessage.all
      + SitePositionsMessage.all + FabricMessage.all + StorageBandwidthMessage.all + CheckpointTimeMessage.all
      + TrainingGoodputMessage.all
      + BudgetMessage.all + MemoryFitMessage.all + ServingCapacityMessage.all + ServingSLOMessage.all
      + ServingPlacementMessage.all + ServingProfileMessage.all + DataResidencyMessage.all + TrainingCapacityMessage.all
  }
}
