import ArgumentParser
import KilnDriver

/// `kiln graph [PROJECT]`: Graphviz DOT of the project.
struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a Graphviz DOT graph of sites, clusters, fabrics, storage and regions.")

  @OptionGroup var options: ProjectOutputOptions

  func run() throws { try options.emit(.dot) }
}
