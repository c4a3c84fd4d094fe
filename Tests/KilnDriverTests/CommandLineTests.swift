import Foundation
import Testing
import _KilnTestSupport

/// Runs the built `kiln` binary: exit codes, streams, formats.
@Suite struct CommandLineTests {
  static let binary: String = {
    let candidates = [".build/debug/kiln", ".build/release/kiln"].map { Golden.repositoryRoot + "/" + $0 }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }()

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? Golden.repositoryRoot)
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test func cleanProjectExitsZero() throws {
    let result = try run(["lint", "specs/reference"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("0 errors, 0 warnings in"))
  }

  @Test func projectWithErrorsExitsOne() throws {
    let result = try run(["lint", "specs/invalid/K2010-unknown-unit"])
    #expect(result.status == 1)
    #expect(result.stdout.contains("error[K2010]"))
    // The whole summary line: a miscompiled typed throw once garbled the file count here.
    #expect(result.stdout.hasSuffix("\n1 error, 0 warnings in 3 files\n"))
  }

  @Test func warningsPassUnlessTreatedAsErrors() throws {
    let lenient = try run(["lint", "specs/invalid/K3003-unused-object"])
    #expect(lenient.status == 0)
    #expect(lenient.stdout.contains("warning[K3003]"))
    // Only the exit code changes: the warning is still reported as a warning.
    let strict = try run(["lint", "specs/invalid/K3003-unused-object", "--warnings-as-errors"])
    #expect(strict.status == 1)
    #expect(strict.stdout == lenient.stdout)
    #expect(strict.stderr.contains("--warnings-as-errors"))
  }

  @Test func environmentOverlaysApply() throws {
    #expect(try run(["lint", "specs/reference", "--env", "staging"]).status == 0)
    let unknown = try run(["lint", "specs/reference", "--env", "prod"])
    #expect(unknown.status == 1)
    #expect(unknown.stdout.contains("error[K3006]: unknown environment 'prod'"))
  }

  @Test func unknownOptionExitsTwoWithOneLine() throws {
    let result = try run(["lint", "--bogus"])
    #expect(result.status == 2)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stdout.isEmpty)
  }

  @Test func missingProjectExitsTwo() throws {
    let result = try run(["lint", "no/such/project"])
    #expect(result.status == 2)
    #expect(result.stderr == "kiln: no such file or directory: no/such/project\n")
  }

  @Test func folderWithoutKilnYAMLExitsTwo() throws {
    let result = try run(["lint", "docs"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("not a Kiln project"))
  }

  @Test func unknownFormatExitsTwo() throws {
    let result = try run(["lint", "specs/reference", "--format", "xml"])
    #expect(result.status == 2)
  }

  @Test func noColourWhenPiped() throws {
    let result = try run(["lint", "specs/invalid/K2010-unknown-unit"], environment: ["NO_COLOR": "1"])
    #expect(!result.stdout.contains("\u{1B}["))
  }

  @Test func jsonFormat() throws {
    let result = try run(["lint", "specs/invalid/K2010-unknown-unit", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let diagnostics = object?["diagnostics"] as? [[String: Any]]
    #expect(diagnostics?.first?["code"] as? String == "K2010")
    for key in ["severity", "message", "file", "line", "column", "endLine", "endColumn", "notes", "fixes"] {
      #expect(diagnostics?.first?[key] != nil, "missing \(key)")
    }
    #expect((object?["summary"] as? [String: Any])?["errors"] as? Int == 1)
  }

  @Test func githubFormat() throws {
    let result = try run(["lint", "specs/invalid/K2010-unknown-unit", "--format", "github"])
    #expect(result.stdout.hasPrefix("::error file=specs/invalid/K2010-unknown-unit/"))
    #expect(result.stdout.contains("title=K2010::"))
  }

  @Test func explainAndSchema() throws {
    #expect(try run(["explain", "K2004"]).stdout.hasPrefix("K2004: unknown field"))
    #expect(try run(["explain", "K0000"]).status == 2)
    let schema = try run(["schema"])
    #expect(schema.status == 0)
    #expect(schema.stdout.contains("\"$schema\": \"http://json-schema.org/draft-07/schema#\""))
    let overlay = try run(["schema", "--overlay"])
    #expect(overlay.status == 0)
    #expect(overlay.stdout.contains("\"$id\": \"https://kiln.dev/schema/v1/kiln-overlay.schema.json\""))
  }

  @Test func hostileInputsFailFast() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-hostile-\(getpid())")
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let project = "apiVersion: kiln/v1\nkind: Project\nmetadata: {name: hostile}\nspec: {}\n"
    try Data(project.utf8).write(to: directory.appendingPathComponent("kiln.yaml"))
    try Data(("a: " + String(repeating: "[", count: 100_000)).utf8).write(
      to: directory.appendingPathComponent("deep.yaml"))
    var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...30 {
      bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    try Data(bomb.utf8).write(to: directory.appendingPathComponent("bomb.yaml"))
    let digits =
      "apiVersion: kiln/v1\nkind: Model\nmetadata: {name: m}\nspec: {parameters: "
      + String(repeating: "9", count: 200_000) + "}\n"
    try Data(digits.utf8).write(to: directory.appendingPathComponent("digits.yaml"))
    var binary = [UInt8](repeating: 0, count: 4096)
    for index in binary.indices { binary[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
    try Data(binary).write(to: directory.appendingPathComponent("blob.yaml"))
    let result = try run(["lint", directory.path, "--format", "json"])
    #expect(result.status == 1)
    for code in ["K1005", "K1006", "K2012"] { #expect(result.stdout.contains("\"\(code)\""), "missing \(code)") }
    #expect(result.stdout.contains("\"K1002\"") || result.stdout.contains("\"K1003\""))
  }
}
