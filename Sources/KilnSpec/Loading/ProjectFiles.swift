import Foundation
import KilnDiagnostics

/// Finds a project's files: every `*.yaml`/`*.yml` below the root that the include/exclude globs
/// select, never outside the root, in a stable order.
struct ProjectFiles {
  /// The name of the generated-files manifest `kiln build -o` writes; a folder holding one is output,
  /// not input.
  static let generatedManifestName = ".kiln-generated"

  let rootPath: String

  /// Relative paths of every candidate file, sorted, plus diagnostics for links that leave the root.
  func list(include: [Glob], exclude: [Glob], excludedFiles: Set<String>) -> (
    files: [String], problems: [(String, String)]
  ) {
    var found: [String] = []
    var problems: [(String, String)] = []
    let realRoot = Self.realPath(rootPath) ?? rootPath
    var pending: [String] = [""]
    while let relative = pending.popLast() {
      let absolute = relative.isEmpty ? rootPath : rootPath + "/" + relative
      guard let entries = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
      if !relative.isEmpty && entries.contains(Self.generatedManifestName) { continue }
      for entry in entries.sorted() where !entry.hasPrefix(".") {
        let childRelative = relative.isEmpty ? entry : relative + "/" + entry
        let childAbsolute = absolute + "/" + entry
        var info = stat()
        guard lstat(childAbsolute, &info) == 0 else { continue }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
          pending.append(childRelative)
          continue
        }
        guard entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") else { continue }
        let selected = include.contains { $0.matches(childRelative) } && !exclude.contains { $0.matches(childRelative) }
        guard selected, !excludedFiles.contains(childRelative) else { continue }
        if type == S_IFLNK {
          // A dangling link is kept: reading it fails with a located "cannot read" diagnostic.
          if let target = Self.realPath(childAbsolute), !target.hasPrefix(realRoot + "/") {
            problems.append((childRelative, "it is a symbolic link that leads outside the project root"))
            continue
          }
        } else if type != S_IFREG {
          continue
        }
        found.append(childRelative)
      }
    }
    return (found.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }), problems)
  }

  /// Relative paths (sorted) of files matching overlay globs.
  func matching(_ globs: [Glob]) -> [String] {
    list(include: globs, exclude: [], excludedFiles: []).files
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
