import ArgumentParser

/// `kiln completions bash|zsh|fish`: a shell completion script on standard output (README says where
/// to put it).
struct Completions: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print a shell completion script: bash, zsh or fish.")

  enum Shell: String, ExpressibleByArgument, CaseIterable {
    case bash, zsh, fish
  }

  @Argument(help: "The shell: bash, zsh or fish.")
  var shell: Shell

  @OptionGroup var color: ColorOptions

  func run() throws {
    let completion: CompletionShell =
      switch shell {
      case .bash: .bash
      case .zsh: .zsh
      case .fish: .fish
      }
    print(KilnCommand.completionScript(for: completion), terminator: "")
  }
}
