import KilnDiagnostics
import Testing

@testable import KilnYAML

@Suite struct YAMLParserTests {
  func parse(_ text: String) -> (YAMLFile, [Diagnostic]) {
    let result = YAMLParser().parse(SourceFile(path: "test.yaml", text: text))
    return (result.file, result.diagnostics)
  }

  @Test func nodesCarryPositions() throws {
    let (file, diagnostics) = parse("a: 1\nb:\n  c: [x, \"y\"]\n")
    #expect(diagnostics.isEmpty)
    let document = try #require(file.documents.first)
    let entries = document.entries(of: document.root)
    #expect(entries.count == 2)
    let b = document.entries(of: entries[1].value)
    let list = document[b[0].value]
    #expect(list.kind == .sequence)
    let y = document[list.children[1]]
    #expect(y.value == "y")
    #expect(y.style == .doubleQuoted)
    let range = file.range(of: y)
    #expect(range.start.line == 3)
    #expect(range.start.column == 10)
    #expect(range.end.column == 13)
  }

  @Test func columnsCountBytesAndCodePointsSeparately() throws {
    let (file, _) = parse("location: Zürich\nname: x\n")
    let document = try #require(file.documents.first)
    let name = document.entries(of: document.root)[1].value
    #expect(file.range(of: document[name]).start.column == 7)
    let (file2, _) = parse("ü: [Zürich, x]\n")
    let doc2 = try #require(file2.documents.first)
    let list = value(doc2, 0)
    let x = doc2[doc2[list].children[1]]
    let range = file2.range(of: x)
    #expect(range.start.codePointColumn == 13)
    #expect(range.start.column == 15)
  }

  func value(_ document: YAMLDocument, _ index: Int) -> Int32 { document.entries(of: document.root)[index].value }

  @Test func multipleDocumentsAndEmptyOnes() {
    let (file, diagnostics) = parse("a: 1\n---\n---\nb: 2\n")
    #expect(diagnostics.isEmpty)
    #expect(file.documents.count == 3)
    #expect(file.documents.filter { !$0.isEmpty }.count == 2)
  }

  @Test func duplicateKeyIsReportedAtTheSecondKey() throws {
    let (_, diagnostics) = parse("spec:\n  region: a\n  region: b\n")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code.id == "K1004")
    #expect(diagnostic.range.start.line == 3)
    #expect(diagnostic.range.start.column == 3)
    #expect(diagnostic.notes.first?.range?.start.line == 2)
  }

  @Test func mergeKeysMergeWithoutOverridingExplicitKeys() throws {
    let (file, diagnostics) = parse("base: &b {x: 1, y: 2}\nthing:\n  <<: *b\n  y: 3\n")
    #expect(diagnostics.isEmpty)
    let document = try #require(file.documents.first)
    let thing = document.entries(of: document.root)[1].value
    let pairs = document.entries(of: thing).map { (document[$0.key].value, document[$0.value].value) }
    #expect(pairs.map(\.0) == ["y", "x"])
    #expect(pairs.map(\.1) == ["3", "1"])
  }

  @Test func mergeOfAScalarIsAnError() {
    let (_, diagnostics) = parse("a: &a 3\nb:\n  <<: *a\n")
    #expect(diagnostics.map(\.code.id) == ["K2026"])
  }

  @Test func undefinedAliasIsAnError() throws {
    let (file, diagnostics) = parse("a: *nowhere\n")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code.id == "K1007")
    #expect(diagnostic.range.start.column == 4)
    #expect(file.documents.isEmpty)
  }

  @Test func aliasBombStopsEarly() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let (_, diagnostics) = parse(text)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code.id == "K1006")
    #expect(diagnostic.range.start.line <= 6)
  }

  @Test func deepNestingStopsAtTheBound() throws {
    let text = "a: " + String(repeating: "[", count: 100_000) + "\n"
    let (file, diagnostics) = parse(text)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code.id == "K1005")
    // The mapping is level 1, so the 256th bracket is level 257.
    #expect(diagnostic.range.start.column == 3 + 256)
    #expect(file.documents.isEmpty)
  }

  @Test func nestingAtTheBoundIsAccepted() {
    let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256) + "\n"
    let (_, diagnostics) = parse(text)
    #expect(diagnostics.isEmpty)
  }

  @Test func nulByteIsLocated() throws {
    let (_, diagnostics) = YAMLParser().parse(SourceFile(path: "t.yaml", bytes: Array("a: 1\nb: x\0y\n".utf8)))
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code.id == "K1002")
    #expect(diagnostic.range.start.line == 2)
    #expect(diagnostic.range.start.column == 5)
  }

  @Test func invalidUTF8IsLocated() throws {
    let bytes: [UInt8] = Array("a: 1\nloc: Z".utf8) + [0xFC] + Array("rich\n".utf8)
    let (_, diagnostics) = YAMLParser().parse(SourceFile(path: "t.yaml", bytes: bytes))
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code.id == "K1003")
    #expect(diagnostic.range.start.line == 2)
    #expect(diagnostic.range.start.column == 7)
  }

  @Test func syntaxErrorHasLibyamlPositionAndContext() throws {
    let (_, diagnostics) = parse("a: [1, 2\nb: 3\n")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code.id == "K1001")
    #expect(diagnostic.range.start.line == 2)
    #expect(diagnostic.notes.first?.range?.start.line == 1)
  }

  @Test func scalarsStayText() throws {
    let (file, _) = parse("jurisdiction: NO\nenabled: on\nversion: 1.30\n")
    let document = try #require(file.documents.first)
    let values = document.entries(of: document.root).map { document[$0.value].value }
    #expect(values == ["NO", "on", "1.30"])
  }

  @Test(arguments: [
    ("1.30", YAMLCoreSchema.ImplicitType.float), ("8", .int), ("0x1F", .int), ("true", .bool), ("~", .null),
    ("1e3", .float), (".inf", .float),
  ])
  func yaml12ImplicitTypes(text: String, type: YAMLCoreSchema.ImplicitType) {
    #expect(YAMLCoreSchema.implicitType(of: text) == type)
  }

  @Test(arguments: ["NO", "on", "yes", "10.2kW", "1:30", "v1.30", "0o"])
  func yaml12Text(text: String) {
    #expect(YAMLCoreSchema.implicitType(of: text) == nil)
  }
}
