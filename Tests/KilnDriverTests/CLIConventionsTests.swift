import Foundation
import KilnDriver
import Testing
import _KilnTestSupport

/// The conventions users know from cargo, terraform and kubectl: one-line usage errors naming the valid
/// values, `--color`, a build summary, completions, did-you-mean in `explain`, `--version`, `kiln init`.
@Suite struct CLIConventionsTests {
  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandLineTests.Run {
    try CommandLineTests().run(arguments, environment: environment)
  }

  static func temporaryFolder(_ tag: String) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-\(tag)-\(getpid())").path
    try? FileManager.default.removeItem(atPath: path)
    return path
  }

  @Test(arguments: [
    (["report", "specs/reference", "--format", "pdf"], ["markdown", "json", "html", "csv"]),
    (["lint", "specs/reference", "--format", "xml"], ["human", "json", "sarif", "github"]),
    (["lint", "specs/reference", "--color", "purple"], ["auto", "always", "never"]),
    (["build", "specs/reference", "-o", "-", "--color", "yes"], ["auto", "always", "never"]),
    (["completions", "tcsh"], ["bash", "zsh", "fish"]),
  ])
  func invalidValueIsOneCompleteLine(arguments: [String], values: [String]) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    for value in values { #expect(result.stderr.contains("'\(value)'"), "\(result.stderr) does not name \(value)") }
    #expect(!result.stderr.hasSuffix(":\n"), "cut off: \(result.stderr)")
  }

  @Test func reportFormatsAreTheDocumentedOnes() throws {
    let help = try run(["report", "--help"]).stdout
    #expect(help.contains("markdown, json, html, csv"))
    #expect(!help.contains("dot") && !help.contains(" ir"), "report --help lists graph/ir formats:\n\(help)")
  }

  @Test func planUsageErrorsExitOne() throws {
    let result = try run(["plan", "specs/reference", "--base-dir", "specs/reference", "--format", "pdf"])
    #expect(result.status == 1)
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("'human'") && result.stderr.contains("'json'"))
  }

  @Test func colourFollowsTheFlagAndTheEnvironment() throws {
    let project = "specs/invalid/K2010-unknown-unit"
    func coloured(_ extra: [String], _ environment: [String: String]) throws -> Bool {
      var base = ["NO_COLOR": "", "FORCE_COLOR": "", "CLICOLOR_FORCE": ""]
      base.merge(environment) { $1 }
      return try run(["lint", project] + extra, environment: base).stdout.contains("\u{1B}[")
    }
    // Piped: no colour unless asked for.
    #expect(try !coloured([], [:]))
    #expect(try coloured(["--color", "always"], [:]))
    #expect(try coloured([], ["FORCE_COLOR": "1"]))
    #expect(try coloured([], ["CLICOLOR_FORCE": "1"]))
    #expect(try !coloured([], ["FORCE_COLOR": "0"]))
    #expect(try !coloured([], ["NO_COLOR": "1", "FORCE_COLOR": "1"]))
    #expect(try !coloured(["--color", "never"], ["FORCE_COLOR": "1"]))
    #expect(try coloured(["--color", "always"], ["NO_COLOR": "1"]))
  }

  @Test func autoColourOnATerminal() {
    let terminal = ["TERM": "xterm-256color"]
    #expect(ColorChoice.auto.useColor(environment: terminal, isTerminal: true))
    #expect(!ColorChoice.auto.useColor(environment: ["TERM": "dumb"], isTerminal: true))
    #expect(!ColorChoice.auto.useColor(environment: ["TERM": "xterm", "NO_COLOR": "1"], isTerminal: true))
    #expect(ColorChoice.auto.useColor(environment: ["TERM": "dumb", "CLICOLOR_FORCE": "1"], isTerminal: true))
    #expect(!ColorChoice.auto.useColor(environment: terminal, isTerminal: false))
    #expect(!ColorChoice.never.useColor(environment: ["FORCE_COLOR": "1"], isTerminal: true))
  }

  @Test func everyCommandTakesColour() throws {
    let commands = ["init", "lint", "build", "report", "plan", "graph", "ir", "explain", "schema", "completions"]
    for command in commands {
      #expect(try run([command, "--help"]).stdout.contains("--color <color>"), "\(command) has no --color")
    }
  }

  @Test func buildEndsWithASummary() throws {
    let folder = Self.temporaryFolder("build-summary")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let first = try run(["build", "specs/examples/starter", "-o", folder])
    #expect(first.status == 0)
    #expect(first.stdout.isEmpty)
    #expect(first.stderr == "kiln: 10 files in \(folder): 10 written, 0 unchanged, 0 removed\n")
    let again = try run(["build", "specs/examples/starter", "-o", folder])
    #expect(again.stderr == "kiln: 10 files in \(folder): 0 written, 10 unchanged, 0 removed\n")
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completions(shell: String) throws {
    let result = try run(["completions", shell])
    #expect(result.status == 0)
    #expect(result.stdout.contains("kiln"))
    for command in ["lint", "build", "report", "plan", "init"] {
      #expect(result.stdout.contains(command), "\(shell) completions do not know \(command)")
    }
  }

  @Test func explainSuggestsTheClosestCodeOrCheck() throws {
    let check = try run(["explain", "rack-powr"])
    #expect(check.status == 2)
    #expect(check.stderr == "kiln: unknown diagnostic code or check 'rack-powr'; did you mean 'rack-power'?\n")
    #expect(try run(["explain", "K410"]).stderr.contains("did you mean 'K4101'?"))
    #expect(try run(["lnt"]).stderr.contains("did you mean 'lint'?"))
  }

  @Test func versionIsDefinedOnce() throws {
    let result = try run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == KilnVersion.current + "\n")
    // The docs pin releases by the same version.
    let ci = try String(contentsOfFile: Golden.repositoryRoot + "/docs/ci.md", encoding: .utf8)
    let tags = ci.matches(of: /\bv(\d+\.\d+\.\d+)\b/).map { String($0.1) }
    #expect(!tags.isEmpty)
    for tag in tags { #expect(tag == KilnVersion.current, "docs/ci.md names v\(tag)") }
  }

  @Test func initWritesAProjectThatLintsReportsAndBuilds() throws {
    let folder = Self.temporaryFolder("init")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let created = try run(["init", folder + "/My Fleet"])
    #expect(created.status == 0, "\(created.stderr)")
    let project = folder + "/My Fleet"
    for file in ["kiln.yaml", "site.yaml", "cluster.yaml", "model.yaml", "region.yaml"] {
      #expect(FileManager.default.fileExists(atPath: project + "/" + file), "no \(file)")
    }
    let kiln = try String(contentsOfFile: project + "/kiln.yaml", encoding: .utf8)
    #expect(kiln.contains("name: my-fleet"))
    let lint = try run(["lint", project])
    #expect(lint.status == 0)
    #expect(lint.stdout.hasSuffix("0 errors, 0 warnings in 5 files\n"), "\(lint.stdout)")
    let report = try run(["report", project, "--format", "json"])
    #expect(report.status == 0)
    #expect(report.stdout.contains("\"totals\""))
    let build = try run(["build", project, "-o", folder + "/manifests"])
    #expect(build.status == 0, "\(build.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder + "/manifests/kustomization.yaml"))
  }

  @Test func initRefusesToOverwriteOrAdoptYAML() throws {
    let folder = Self.temporaryFolder("init-refuses")
    let manager = FileManager.default
    defer { try? manager.removeItem(atPath: folder) }
    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // A file init would write: named, nothing written, the file untouched.
    try Data("mine\n".utf8).write(to: URL(fileURLWithPath: folder + "/region.yaml"))
    let overwrite = try run(["init", folder])
    #expect(overwrite.status == 2)
    #expect(overwrite.stderr == "kiln: \(folder)/region.yaml exists; kiln init overwrites nothing (nothing written)\n")
    #expect(!manager.fileExists(atPath: folder + "/kiln.yaml"))
    #expect(try String(contentsOfFile: folder + "/region.yaml", encoding: .utf8) == "mine\n")
    // Other YAML would join the new project.
    try manager.removeItem(atPath: folder + "/region.yaml")
    try manager.createDirectory(atPath: folder + "/deploy", withIntermediateDirectories: true)
    try Data("a: 1\n".utf8).write(to: URL(fileURLWithPath: folder + "/deploy/values.yaml"))
    let adopt = try run(["init", folder])
    #expect(adopt.status == 2)
    #expect(adopt.stderr.contains("deploy/values.yaml"))
    #expect(adopt.stderr.split(separator: "\n").count == 1)
    #expect(try manager.contentsOfDirectory(atPath: folder) == ["deploy"])
    // Files that are not YAML (a README, .git) are fine.
    try manager.removeItem(atPath: folder + "/deploy")
    try Data("# notes\n".utf8).write(to: URL(fileURLWithPath: folder + "/README.md"))
    #expect(try run(["init", folder]).status == 0)
  }

  @Test func projectNamesFromFolders() {
    #expect(ProjectTemplate.projectName(forFolder: "My Fleet") == "my-fleet")
    #expect(ProjectTemplate.projectName(forFolder: "infra_2026.v2") == "infra-2026-v2")
    #expect(ProjectTemplate.projectName(forFolder: "42") == "my-fleet")
    #expect(ProjectTemplate.projectName(forFolder: "---") == "my-fleet")
  }
}
