import Testing

@testable import KilnDiagnostics

@Suite struct RendererTests {
  static let code = DiagnosticCode("K9001", "test code", explanation: "e", example: "x", fix: "f")

  /// The one message of the test code.
  struct Wrong: DiagnosticMessage {
    var id: MessageID { MessageID(RendererTests.code, "wrong", "something is wrong") }
    var text: String { "something is wrong" }
  }

  func diagnostic(_ source: SourceFile, from start: Int, to end: Int) -> Diagnostic {
    Diagnostic(Wrong(), at: source.range(fromByte: start, toByte: end), help: ["do this"])
  }

  @Test func humanFormHasHeaderLocationSnippetAndHelp() {
    let source = SourceFile(path: "a.yaml", text: "spec:\n  power: 10kw\n")
    let output = HumanRenderer(useColor: false).render(diagnostic(source, from: 15, to: 19), source: source)
    #expect(
      output == """
        error[K9001]: something is wrong
         --> a.yaml:2:10
          |
        2 |   power: 10kw
          |          ^^^^
          = help: do this

        """)
  }

  @Test func colourOnlyWhenAsked() {
    let source = SourceFile(path: "a.yaml", text: "x: 1\n")
    let plain = HumanRenderer(useColor: false).render(diagnostic(source, from: 3, to: 4), source: source)
    let coloured = HumanRenderer(useColor: true).render(diagnostic(source, from: 3, to: 4), source: source)
    #expect(!plain.contains("\u{1B}["))
    #expect(coloured.contains("\u{1B}[1;31merror[K9001]"))
  }

  @Test func caretCountsCodePointsAfterNonASCII() {
    let source = SourceFile(path: "a.yaml", text: "location: Zürich, kw\n")
    let start = Array("location: Zürich, ".utf8).count
    let output = HumanRenderer(useColor: false).render(diagnostic(source, from: start, to: start + 2), source: source)
    #expect(output.contains("\n  |                   ^^\n"))
  }

  @Test func controlCharactersAreNeverPrinted() {
    let source = SourceFile(path: "a.yaml", bytes: Array("a: x\u{0}y\n".utf8))
    let output = HumanRenderer(useColor: false).render(diagnostic(source, from: 4, to: 5), source: source)
    #expect(!output.unicodeScalars.contains("\u{0}"))
    #expect(output.contains("a: x\u{FFFD}y"))
  }

  @Test func longLinesAreCutAroundTheColumn() {
    let line = "n: " + String(repeating: "9", count: 200_000)
    let source = SourceFile(path: "a.yaml", text: line + "\n")
    let output = HumanRenderer(useColor: false).render(diagnostic(source, from: 3, to: line.utf8.count), source: source)
    #expect(output.count < 500)
    #expect(output.contains("…"))
  }

  @Test func summarySentence() {
    let source = SourceFile(path: "a.yaml", text: "x\n")
    var warning = diagnostic(source, from: 0, to: 1)
    warning.severity = .warning
    let summary = DiagnosticSummary(diagnostics: [diagnostic(source, from: 0, to: 1), warning, warning], files: 6)
    #expect(summary.sentence == "1 error, 2 warnings in 6 files")
  }

  @Test func gitHubCommandsEscapeData() {
    let source = SourceFile(path: "dir,x/a.yaml", text: "x\n")
    var item = diagnostic(source, from: 0, to: 1)
    item.message = "50% of\nit"
    let output = GitHubRenderer().render([item])
    #expect(
      output.hasPrefix("::error file=dir%2Cx/a.yaml,line=1,col=1,endLine=1,endColumn=2,title=K9001::50%25 of%0Ait"))
  }

  @Test(arguments: [
    ("regoin", ["region", "location"], "region"), ("Cluser", ["Cluster", "Site"], "Cluster"), ("zzz", ["region"], nil),
  ])
  func didYouMean(word: String, candidates: [String], expected: String?) {
    #expect(DidYouMean.suggestion(for: word, among: candidates) == expected)
  }
}
