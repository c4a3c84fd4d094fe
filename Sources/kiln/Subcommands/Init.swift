import ArgumentParser
import Foundation
import KilnDriver

/// `kiln init [DIR]`: a small, commented project that lints clean, reports and builds.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create a small, commented project (one site, cluster, model and region) in a new or empty folder.")

  @Argument(help: "The folder to create the project in (created when missing).")
  var folder: String = "."

  @OptionGroup var color: ColorOptions

  func run() throws {
    let written: [String]
    do {
      written = try ProjectInitializer.initialize(folder)
    } catch {
      throw failure(error.message)
    }
    for path in written { print("created \(path)") }
    let target = folder == "." ? "" : " \(folder)"
    print("next: kiln lint\(target), kiln report\(target), kiln build\(target) -o manifests")
  }
}
