import Foundation
import KilnDriver

/// One fuzz input as a project: the bytes are split into spec files at lines `#%FILE`, each written as
/// `fN.yaml` beside a fixed kiln.yaml in a scratch folder, then linted, reported in every format and
/// built. Any signal (a trap, an overflow, an out-of-bounds index) is a crash libFuzzer reports; a
/// diagnostic is the expected answer to bad input.
enum FuzzProject {
  static let separator = Array("\n#%FILE\n".utf8)
  static let projectFile = "apiVersion: kiln/v1\nkind: Project\nmetadata: {name: fuzz}\nspec: {}\n"

  static let folder: String = {
    let path = NSTemporaryDirectory() + "kiln-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  static func files(_ bytes: [UInt8]) -> [[UInt8]] {
    var files: [[UInt8]] = []
    var start = 0
    var index = 0
    while index + separator.count <= bytes.count {
      if bytes[index..<index + separator.count].elementsEqual(separator) {
        files.append(Array(bytes[start..<index]))
        index += separator.count
        start = index
      } else {
        index += 1
      }
    }
    files.append(Array(bytes[start...]))
    return files.prefix(16).map { $0 }
  }

  static func run(_ bytes: [UInt8]) {
    let manager = FileManager.default
    for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
      try? manager.removeItem(atPath: folder + "/" + name)
    }
    _ = manager.createFile(atPath: folder + "/kiln.yaml", contents: Data(projectFile.utf8))
    for (index, file) in files(bytes).enumerated() {
      _ = manager.createFile(atPath: folder + "/f\(index).yaml", contents: Data(file))
    }
    guard let lint = try? Linter().lint(folder) else { return }
    _ = DiagnosticPrinter(format: .human, useColor: false, sourceRootURI: nil).render(lint)
    _ = DiagnosticPrinter(format: .sarif, useColor: false, sourceRootURI: nil).render(lint)
    guard lint.ir != nil else { return }
    for format in ReportFormat.allCases {
      _ = try? Reporter().report(folder, format: format)
    }
    _ = try? Builder().build(folder)
  }
}

/// libFuzzer's driver, called from main: SwiftPM gives every executable its own entry point, so libFuzzer's
/// main is not used (docs/performance.md, Fuzzing).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
struct KilnFuzz {
  static func main() {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = runFuzzerDriver(&argc, &argv) { data, size in
      guard let data else { return 0 }
      FuzzProject.run(Array(UnsafeBufferPointer(start: data, count: size)))
      return 0
    }
    exit(status)
  }
}
