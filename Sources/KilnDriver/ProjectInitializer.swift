import Foundation

/// `kiln init [DIR]`: writes ProjectTemplate into a folder, creating it when missing. It never
/// overwrites a file and never adopts YAML files already there (every `*.yaml` below kiln.yaml would
/// join the new project): either all its files are written or none.
public enum ProjectInitializer {
  public enum Failure: Error, Equatable, Sendable {
    /// A file the template would write exists.
    case wouldOverwrite(String)
    /// The folder already holds YAML that would become part of the new project.
    case holdsYAML(folder: String, file: String)
    case notADirectory(String)
    case io(String)

    public var message: String {
      switch self {
      case .wouldOverwrite(let path): "\(path) exists; kiln init overwrites nothing (nothing written)"
      case .holdsYAML(let folder, let file):
        "\(folder) already holds \(file), which would become part of the new project; "
          + "run kiln init in an empty folder (nothing written)"
      case .notADirectory(let path): "not a directory: \(path)"
      case .io(let message): message
      }
    }
  }

  /// Writes the project and returns the paths written, in order.
  public static func initialize(_ folder: String) throws(Failure) -> [String] {
    let manager = FileManager.default
    let path = folder.isEmpty ? "." : folder
    var isDirectory: ObjCBool = false
    let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
    if exists && !isDirectory.boolValue { throw .notADirectory(folder) }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL
    let files = ProjectTemplate.files(projectName: ProjectTemplate.projectName(forFolder: absolute.lastPathComponent))
    let display = path == "." ? "" : (path.hasSuffix("/") ? path : path + "/")
    if exists {
      for file in files where manager.fileExists(atPath: display + file.path) {
        throw .wouldOverwrite(display + file.path)
      }
      if let yaml = firstYAMLFile(below: path) { throw .holdsYAML(folder: path, file: display + yaml) }
    } else {
      do {
        try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
      } catch {
        throw .io("cannot create \(path)")
      }
    }
    var written: [String] = []
    for file in files {
      do {
        try AtomicFile.write(file.text, to: display + file.path)
        written.append(display + file.path)
      } catch {
        // All or nothing: remove only what this run wrote.
        for path in written { try? manager.removeItem(atPath: path) }
        throw .io("cannot write \(display + file.path) (nothing written)")
      }
    }
    return written
  }

  /// The first `*.yaml` or `*.yml` below a folder, hidden folders (`.git`) skipped, in sorted order.
  static func firstYAMLFile(below folder: String) -> String? {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return nil }
    var found: [String] = []
    while let item = enumerator.nextObject() as? String {
      let name = (item as NSString).lastPathComponent
      if name.hasPrefix(".") {
        enumerator.skipDescendants()
        continue
      }
      if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { found.append(item) }
    }
    return found.min()
  }
}
