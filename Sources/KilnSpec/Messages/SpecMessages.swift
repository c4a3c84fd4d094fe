import KilnDiagnostics

/// Every message of the spec stage, for `kiln explain` and docs/diagnostics.md.
public enum SpecMessages {
  public static var all: [MessageID] { schemaFamilies + checkFamilies }
}
