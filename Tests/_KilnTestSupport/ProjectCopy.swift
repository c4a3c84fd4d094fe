import Foundation

/// A repository project copied to a fresh temporary folder with text edits applied and files added, for
/// tests that need a variant of a real project (the starter, usually).
public enum ProjectCopy {
  public typealias Edit = (file: String, old: String, new: String)

  public struct MissingText: Error, CustomStringConvertible {
    public var description: String
  }

  /// The copy's path. `edits` replace every occurrence of `old` in `file` (which must contain it);
  /// `extra` adds files by name. The caller removes the folder.
  public static func make(
    of project: String = "specs/examples/starter", tag: String, edits: [Edit] = [], extra: [String: String] = [:]
  ) throws -> String {
    let manager = FileManager.default
    let folder = manager.temporaryDirectory.appendingPathComponent("kiln-\(tag)-\(getpid())").path
    try? manager.removeItem(atPath: folder)
    try manager.copyItem(atPath: Golden.repositoryRoot + "/" + project, toPath: folder)
    for edit in edits {
      let path = folder + "/" + edit.file
      let text = try String(contentsOfFile: path, encoding: .utf8)
      guard text.contains(edit.old) else { throw MissingText(description: "\(edit.file) has no '\(edit.old)'") }
      try Data(text.replacingOccurrences(of: edit.old, with: edit.new).utf8).write(to: URL(fileURLWithPath: path))
    }
    for (name, text) in extra { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    return folder
  }
}
