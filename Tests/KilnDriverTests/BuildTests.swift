import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// `kiln build`: golden manifests, same bytes every run, atomic and careful writes.
@Suite struct BuildTests {
  static var projects: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Golden.repositoryRoot + "/specs/examples")) ?? []
    return ["specs/reference"] + names.sorted().map { "specs/examples/" + $0 }
  }

  func build(_ path: String) throws -> [(path: String, text: String)] {
    let output = try inRepository { try Builder().build(path) }
    return try #require(output.files)
  }

  @Test(arguments: projects)
  func goldenManifests(project: String) throws {
    let stream = Builder().stream(try build(project))
    let name = project.split(separator: "/").last.map(String.init) ?? project
    Golden.assertMatches(stream, file: "golden/manifests/\(name).yaml")
  }

  @Test func sameBytesEveryBuild() throws {
    let first = try build("specs/reference")
    let second = try build("specs/reference")
    #expect(first.map(\.path) == second.map(\.path))
    #expect(first.map(\.text) == second.map(\.text))
  }

  @Test func labelValuesThatLookLikeYAMLStayStrings() throws {
    let files = try build("specs/reference")
    // Every quoted look-alike reads back as text: the writer quotes what YAML 1.1 or 1.2 would retype.
    for file in files {
      #expect(!file.text.contains(": no\n") && !file.text.contains(": on\n") && !file.text.contains(": 1.30\n"))
    }
  }

  func temporaryFolder(_ name: String) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-build-\(getpid())-\(name)").path
    try? FileManager.default.removeItem(atPath: path)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func userFilesSurviveAndStaleGeneratedFilesGo() throws {
    let folder = temporaryFolder("keep")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
    let files = try build("specs/reference")
    try ManifestOutput.write(files + [("old/cluster.yaml", "---\n")], to: folder)
    #expect(FileManager.default.fileExists(atPath: folder + "/old/cluster.yaml"))
    try ManifestOutput.write(files, to: folder)
    #expect(!FileManager.default.fileExists(atPath: folder + "/old/cluster.yaml"), "a stale generated file is removed")
    #expect(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8) == "mine\n", "a user file survives")
  }

  @Test func neverOverwritesAFileKilnDidNotGenerate() throws {
    let folder = temporaryFolder("overwrite")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data("hand-written\n".utf8).write(to: URL(fileURLWithPath: folder + "/priority.yaml"))
    let files = try build("specs/reference")
    #expect(throws: ManifestOutput.Failure.self) { try ManifestOutput.write(files, to: folder) }
    #expect(try String(contentsOfFile: folder + "/priority.yaml", encoding: .utf8) == "hand-written\n")
    #expect(!FileManager.default.fileExists(atPath: folder + "/" + ManifestOutput.manifestName))
  }

  @Test func aFailedLintWritesNothing() throws {
    let output = try inRepository { try Builder().build("specs/invalid/K4101-rack-power") }
    #expect(output.files == nil)
  }
}
