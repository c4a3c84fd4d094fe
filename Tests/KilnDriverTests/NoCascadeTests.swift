import Foundation
import KilnDiagnostics
import Testing
import _KilnTestSupport

@testable import KilnDriver
@testable import KilnSpec

/// A document that fails to parse (K1) or whose envelope is broken (K2) is dropped; references to what it
/// defines are not reported again as missing, and what only it uses is not reported as unused.
@Suite struct NoCascadeTests {
  /// Writes a project of `files` (kiln.yaml added) into a fresh folder and lints it.
  func lint(_ files: [String: String], tag: String) throws -> LintResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-cascade-\(tag)-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var all = files
    all["kiln.yaml"] = "apiVersion: kiln/v1\nkind: Project\nmetadata: {name: cascade}\nspec: {}\n"
    for (name, text) in all { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    return try Linter().lint(folder.path)
  }

  static let site = """
    apiVersion: kiln/v1
    kind: Site
    metadata: {name: lab-1}
    spec:
      region: us-east
      location: Ashburn, US
      jurisdiction: US
      ownership: owned
      power: {capacity: 100kW, price: $0.09/kWh}
      racks: {positions: 4}

    """

  static let trainingRun = """
    apiVersion: kiln/v1
    kind: TrainingRun
    metadata: {name: sft}
    spec:
      cluster: oslo-train
      model: tiny
      gpus: 8
      tokens: 1B
      mfu: 40%

    """

  @Test func namesAreReadFromTheTextOfAFileThatDoesNotParse() {
    var definitions = UnreadableDefinitions()
    let text = """
      kind: Cluster
      metadata:
        labels: {team: a}
        name: "oslo-train"
      spec:
        site: [oslo
      ---
      # comment only
      ---
      kind: Fabrik
      metadata: {name: ib-1}
      ---
      spec: {x: 1}

      """
    definitions.addUnparsedFile(SourceFile(path: "c.yaml", bytes: Array(text.utf8)))
    #expect(definitions.entries.map(\.kind) == [.cluster, .fabric, nil])
    #expect(definitions.entries.map(\.name) == ["oslo-train", "ib-1", nil])
    #expect(definitions.definition(of: .cluster, named: "oslo-train") != nil)
    #expect(definitions.definition(of: .site, named: "oslo-train") == nil)
    #expect(definitions.mentions("oslo"))
    #expect(definitions.unnamed(.model).count == 1)
  }

  @Test func referenceToAnObjectInAFileWithASyntaxErrorIsSilent() throws {
    let cluster = """
      apiVersion: kiln/v1
      kind: Cluster
      metadata:
        name: oslo-train
      spec:
        site: lab-1
        racks: [{name: gpu, count: 2
      """
    let result = try lint(["site.yaml": Self.site, "cluster.yaml": cluster, "run.yaml": Self.trainingRun], tag: "k1")
    #expect(result.diagnostics.map(\.code.id) == ["K1001", "K3001"])
    // The one K3001 left is the Model nobody defines, not the Cluster the broken file defines.
    #expect(result.diagnostics.last?.message.contains("Model/tiny") == true)
  }

  @Test func referenceToAnObjectOfAMisspeltKindIsSilent() throws {
    let cluster = """
      apiVersion: kiln/v1
      kind: Clustr
      metadata: {name: oslo-train}
      spec: {site: lab-1}

      """
    let model = "apiVersion: kiln/v1\nkind: Model\nmetadata: {name: tiny}\nspec: {parameters: 1B}\n"
    let result = try lint(
      ["site.yaml": Self.site, "cluster.yaml": cluster, "run.yaml": Self.trainingRun, "model.yaml": model], tag: "k2")
    #expect(result.diagnostics.map(\.code.id) == ["K2002"], "\(result.diagnostics.map(\.message))")
  }

  @Test func whenTheNameCannotBeReadTheMissingReferenceSaysWhereItMayBe() throws {
    let model = "apiVersion: kiln/v1\nkind: Model\nmetadata: {name: tiny}\nspec: {parameters: 1B}\n"
    let broken = "kind: Cluster\nmetadata: [\n"
    let result = try lint(
      ["site.yaml": Self.site, "broken.yaml": broken, "run.yaml": Self.trainingRun, "model.yaml": model], tag: "note")
    let missing = try #require(result.diagnostics.first { $0.code.id == "K3001" })
    #expect(
      missing.notes.map(\.message) == [
        "\(missing.range.file.dropLast("run.yaml".count))broken.yaml has syntax errors and may define it"
      ])
  }

  @Test func objectsUsedOnlyByADroppedDocumentAreNotUnused() throws {
    let storage = """
      apiVersion: kiln/v1
      kind: Storage
      metadata: {name: hot}
      spec: {site: lab-1, capacity: 1PB, readBandwidth: 100GB/s, writeBandwidth: 50GB/s}

      """
    let cluster = "apiVersion: kiln/v1\nkind: Cluster\nmetadata: {name: c}\nspec:\n  storage: [hot\n"
    let result = try lint(["site.yaml": Self.site, "storage.yaml": storage, "cluster.yaml": cluster], tag: "unused")
    #expect(!result.diagnostics.contains { $0.code.id == "K3003" }, "\(result.diagnostics.map(\.message))")
  }
}
