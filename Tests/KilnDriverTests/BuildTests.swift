import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// `kiln build`: golden manifests, same bytes every run, atomic and careful writes.
@Suite struct BuildTests {
  static var projects: [String] {
    ["specs/reference"] + Golden.exampleProjects
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

  /// Cluster train-h800 has the label `preemptible: no` — a string in the spec (YAML 1.2), a boolean to
  /// a YAML 1.1 reader — so the manifests must quote it.
  @Test func labelValuesThatLookLikeYAMLStayStrings() throws {
    let files = try build("specs/reference")
    let cluster = try #require(files.first { $0.path == "train-h800/cluster.yaml" })
    #expect(cluster.text.contains("preemptible: \"no\"\n"))
    #expect(!cluster.text.contains("preemptible: no\n"))
    #expect(cluster.text.contains("team: pretraining\n"))
  }

  /// The same project presented with its files created in the opposite order builds identical bytes.
  @Test func sameBytesWhateverTheFileOrder() throws {
    let outputs = try FileOrder.outputsInBothOrders(of: Golden.repositoryRoot + "/specs/reference", tag: "build") {
      copy in
      Builder().stream(try #require(try Builder().build(copy).files))
    }
    #expect(outputs[0] == outputs[1])
  }

  /// A build writes an output folder; a later build of a broken project into the same folder exits 1 and
  /// leaves every file of it as it was.
  @Test func aFailingBuildLeavesThePreviousOutputIntact() throws {
    let folder = temporaryFolder("intact")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cli = CommandLineTests()
    #expect(try cli.run(["build", "specs/reference", "-o", folder]).status == 0)
    let before = try Self.contents(of: folder)
    #expect(before.count > 10, "the first build wrote \(before.count) files")
    let failed = try cli.run(["build", "specs/invalid/K4101-rack-power", "-o", folder])
    #expect(failed.status == 1)
    #expect(try Self.contents(of: folder) == before)
  }

  /// Every file below a folder with its bytes.
  static func contents(of folder: String) throws -> [String: Data] {
    var contents: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      contents[path] = FileManager.default.contents(atPath: folder + "/" + path)
    }
    return contents
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
