import KilnDiagnostics

/// Every message of the YAML stage, for `kiln explain` and docs/diagnostics.md.
public enum YAMLMessages {
  public static var all: [MessageID] { YAMLParserMessage.all }
}
