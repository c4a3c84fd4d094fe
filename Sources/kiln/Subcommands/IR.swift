import ArgumentParser
import KilnDriver

/// `kiln ir [PROJECT]`: the canonical IR as JSON (what `kiln plan` compares).
struct IR: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ir", abstract: "Print the canonical IR of a project as JSON (available whenever K1–K3 are clean).")

  @OptionGroup var options: ProjectOutputOptions

  func run() throws { try options.emit(.ir) }
}
