import ArgumentParser
import KilnDriver

/// `kiln schema`: the JSON Schema of the language, for editors.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print the JSON Schema (draft 2020-12) of Kiln specs.")

  @OptionGroup var color: ColorOptions

  func run() throws {
    print(SchemaExporter.jsonSchema(), terminator: "")
  }
}
