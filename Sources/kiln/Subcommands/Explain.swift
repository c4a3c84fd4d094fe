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

  @OptionGroup var color: ColorOptions

  func run() throws {
    if markdown {
      print(Explainer.markdown(), terminator: "")
      return
    }
    guard let code else {
      throw ValidationError("give a code such as K2004, or --markdown for all of them")
    }
    guard let text = Explainer.explain(code) else {
      let hint =
        Explainer.suggestion(for: code).map { "; did you mean '\($0)'?" } ?? " (kiln explain --markdown lists them)"
      throw failure("unknown diagnostic code or check '\(code)'\(hint)")
    }
    print(text, terminator: "")
  }
}
