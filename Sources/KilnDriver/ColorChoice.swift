/// `--color auto|always|never`, as cargo and git spell it.
public enum ColorChoice: String, CaseIterable, Sendable {
  case auto
  case always
  case never

  /// Whether to colour a stream. `auto` follows the conventions users set once for every tool:
  /// `NO_COLOR` (no-color.org) turns colour off and wins over the rest; `CLICOLOR_FORCE` or
  /// `FORCE_COLOR` (force-color.org) set to anything but empty or `0` turns it on; `TERM=dumb` turns it
  /// off; otherwise colour only when the stream is a terminal.
  public func useColor(environment: [String: String], isTerminal: Bool) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      func isSet(_ name: String) -> Bool {
        guard let value = environment[name] else { return false }
        return !value.isEmpty && value != "0"
      }
      if let value = environment["NO_COLOR"], !value.isEmpty { return false }
      if isSet("CLICOLOR_FORCE") || isSet("FORCE_COLOR") { return true }
      if environment["TERM"] == "dumb" { return false }
      return isTerminal
    }
  }
}
