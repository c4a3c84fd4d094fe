/// How `kiln lint` prints diagnostics.
public enum OutputFormat: String, CaseIterable, Sendable {
  case human
  case json
  case sarif
  case github
}
