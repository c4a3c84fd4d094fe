import KilnDiagnostics
import Testing

@testable import KilnYAML

@Suite struct YAMLWriterTests {
  @Test func writesBlockYAMLInKeyOrder() throws {
    let text = try YAMLWriter().write([
      .object([
        ("apiVersion", .string("v1")), ("kind", .string("Namespace")),
        ("metadata", .object([("name", .string("kiln-train")), ("labels", .object([("tier", .string("gold"))]))])),
        (
          "spec",
          .object([
            ("replicas", .int(3)), ("ratio", .double(0.5)), ("on", .bool(true)), ("list", .array([.string("a")])),
          ])
        ),
      ])
    ])
    #expect(
      text == """
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: kiln-train
          labels:
            tier: gold
        spec:
          replicas: 3
          ratio: 0.5
          "on": true
          list:
          - a

        """)
  }

  /// libyaml would write these plain, and a YAML 1.1 or 1.2 reader would not get the string back.
  @Test(arguments: [
    "NO", "no", "on", "Off", "y", "~", "null", "true", "1.30", "8", "0x1F", "1:30", "1_000", "", " lead", "a: b", "#x",
    "*ref", "- item", ".5", "1e3",
  ])
  func quotesLookAlikes(text: String) throws {
    #expect(YAMLWriter.needsQuotes(text))
    let written = try YAMLWriter().write([.object([("value", .string(text))])])
    // Reading it back with Kiln's parser gives the same text, quoted.
    let (file, diagnostics) = YAMLParser().parse(SourceFile(path: "t.yaml", text: written))
    #expect(diagnostics.isEmpty)
    let document = try #require(file.documents.first)
    let value = document[document.entries(of: document.root)[0].value]
    #expect(value.value == text)
    #expect(value.style != .plain)
  }

  @Test(arguments: [
    "kiln-train", "nvidia.com/gpu.product", "NVIDIA-H800-80GB-HBM3", "v0.8.5", "vllm/vllm-openai:v0.8.5",
  ])
  func leavesOrdinaryTextPlain(text: String) {
    #expect(!YAMLWriter.needsQuotes(text))
  }
}
