import Foundation

/// Reads a project as it was at a git revision: `git archive` of the revision into a fresh temporary
/// folder, never touching the work tree or the index.
public struct GitRevision: Sendable {
  public struct Failure: Error, Sendable {
    public var message: String
  }

  public var revision: String

  public init(_ revision: String) {
    self.revision = revision
  }

  /// Extracts the revision and returns the project's folder inside it plus the temporary folder to
  /// remove afterwards (Kiln made it, so Kiln deletes it).
  public func checkout(project: String) throws(Failure) -> (project: String, temporary: String) {
    let projectURL = URL(fileURLWithPath: project).standardizedFileURL.resolvingSymlinksInPath()
    let top = try run(
      ["git", "-C", projectURL.path, "rev-parse", "--show-toplevel"],
      failure: "no folder or git revision '\(revision)': \(projectURL.path) is not in a git repository"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !top.isEmpty else { throw Failure(message: "\(project) is not inside a git repository") }
    _ = try run(
      ["git", "-C", top, "rev-parse", "--verify", "--quiet", revision + "^{commit}"],
      failure: "unknown git revision '\(revision)'")
    let topPath = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
    let relative =
      projectURL.path == topPath ? "" : String(projectURL.path.dropFirst(topPath.count)).trimmingPrefix("/")
    let temporary = FileManager.default.temporaryDirectory
      .appendingPathComponent("kiln-plan-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
    do {
      try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    } catch {
      throw Failure(message: "cannot create a temporary folder: \(temporary)")
    }
    let archive = temporary + "/base.tar"
    do {
      var arguments = ["git", "-C", top, "archive", "--format=tar", "-o", archive, revision]
      if !relative.isEmpty { arguments.append(String(relative)) }
      _ = try run(arguments)
      _ = try run(["tar", "-xf", archive, "-C", temporary])
      try? FileManager.default.removeItem(atPath: archive)
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
    let folder = relative.isEmpty ? temporary : temporary + "/" + relative
    return (folder, temporary)
  }

  /// Runs a command; a failure is `failure`, or else the command and the first line it printed.
  func run(_ arguments: [String], failure: String? = nil) throws(Failure) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw Failure(message: "cannot run \(arguments[0])")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let detail = String(decoding: errorData, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
      throw Failure(message: failure ?? "\(arguments.prefix(4).joined(separator: " ")) failed: \(detail)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}

extension String {
  fileprivate func trimmingPrefix(_ prefix: String) -> Substring {
    hasPrefix(prefix) ? dropFirst(prefix.count) : Substring(self)
  }
}
