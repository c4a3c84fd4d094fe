import ArgumentParser
import KilnDriver

/// `kiln schema`: the JSON Schema of the language, for editors.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema (draft-07 keywords) of Kiln spec documents, or of overlays with --overlay.")

  @Flag(help: "The schema of overlay documents (an environment's overlays): nothing required beyond the envelope.")
  var overlay = false

  @OptionGroup var color: ColorOptions

  func run() throws {
    print(SchemaExporter.jsonSchema(overlay: overlay), terminator: "")
  }
}
