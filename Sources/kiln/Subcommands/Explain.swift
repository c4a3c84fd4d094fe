import ArgumentParser
import Foundation
import KilnDriver

/// `kiln explain CODE`: the long form of a diagnostic code or Policy check id.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Explain a diagnostic code (K2004) or a Policy check id.")

  @Argument(help: "A diagnostic code or check id.")
  var code: String?

  @Flag(help: "Print every code as Markdown (docs/diagnostics.md).")
  var markdown = false

  func run() throws {
    if markdown {
      print(Explainer.markdown(), terminator: "")
      return
    }
    guard let code else {
      throw ValidationError("give a code such as K2004, or --markdown for all of them")
    }
    guard let text = Explainer.explain(code) else {
      FileHandle.standardError.write(Data("kiln: unknown diagnostic code or check '\(code)'\n".utf8))
      throw ExitCode(2)
    }
    print(text, terminator: "")
  }
}
