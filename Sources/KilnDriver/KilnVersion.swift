/// Kiln's version, defined here only: `kiln --version`, SARIF's `tool.driver.version` and the docs'
/// release tags (`v` + this, checked by a test) all read it.
public enum KilnVersion {
  public static let current = "0.1.0"
}
