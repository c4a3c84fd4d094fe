import Foundation
import KilnSpec
import KilnSupport
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Generated files are committed on purpose; these tests keep them current.
@Suite struct GeneratedFilesTests {
  @Test func diagnosticsReferenceIsCurrent() {
    Golden.assertMatches(Explainer.markdown(), file: "docs/diagnostics.md")
  }

  /// docs/language.md's field tables come from the field tables; the prose around them is written by hand.
  @Test func fieldReferenceIsCurrent() throws {
    let path = Golden.repositoryRoot + "/docs/language.md"
    let document = try String(contentsOfFile: path, encoding: .utf8)
    for (name, _) in FieldReference.sections {
      #expect(document.contains("<!-- fields: \(name) -->\n"), "docs/language.md has no table for \(name)")
    }
    Golden.assertMatches(FieldReference.regenerate(document), file: "docs/language.md")
  }

  @Test func committedSchemaIsCurrent() {
    Golden.assertMatches(SchemaExporter.jsonSchema(), file: "schema/kiln.schema.json")
    Golden.assertMatches(SchemaExporter.jsonSchema(overlay: true), file: "schema/kiln-overlay.schema.json")
  }

  /// Older yaml-language-server releases read only draft-07: every keyword of both schemas is one of
  /// draft-07's (a property name is not a keyword, so the walk follows the schema's structure).
  @Test(arguments: [false, true])
  func schemaUsesOnlyDraft07Keywords(overlay: Bool) {
    var unknown: Set<String> = []
    func walk(_ schema: JSONValue) {
      guard case .object(let members) = schema else { return }
      for (key, value) in members {
        if !JSONSchemaExport.draft07Keywords.contains(key) { unknown.insert(key) }
        switch key {
        case "properties", "definitions", "patternProperties":
          if case .object(let children) = value { children.forEach { walk($0.1) } }
        case "items", "additionalProperties", "propertyNames", "if", "then", "else", "not", "contains":
          walk(value)
        case "allOf", "anyOf", "oneOf":
          if case .array(let children) = value { children.forEach(walk) }
        default: break
        }
      }
    }
    walk(JSONSchemaExport.document(overlay: overlay))
    #expect(unknown.isEmpty, "not draft-07 keywords: \(unknown.sorted())")
  }

  /// An overlay holds only what it changes: no spec field is required there, but its envelope is.
  @Test func overlaySchemaRequiresOnlyTheEnvelope() {
    let text = SchemaExporter.jsonSchema(overlay: true)
    let document = SchemaExporter.jsonSchema()
    #expect(document.contains("\"jurisdiction\""))
    #expect(text.contains("\"$patch\""))
    #expect(text.contains("\"required\": [\n    \"apiVersion\",\n    \"kind\",\n    \"metadata\"\n  ]"))
    #expect(
      document.contains("\"required\": [\n    \"apiVersion\",\n    \"kind\",\n    \"metadata\",\n    \"spec\"\n  ]"))
  }

  @Test func everyCodeExplainsItself() {
    for code in DiagnosticRegistry.all {
      let text = Explainer.explain(code.id)
      #expect(text?.contains(code.title) == true)
      #expect(text?.contains("Example:") == true)
      #expect(text?.contains("Fix:") == true)
    }
    #expect(Explainer.explain("rack-power")?.contains("Default severity: error") == true)
    #expect(Explainer.explain("K9999") == nil)
  }

  /// `kiln explain CHECK` lists the codes of a check; a check without codes would be a Policy id that
  /// does nothing.
  @Test func everyPolicyCheckHasCodes() {
    for check in PolicyChecks.all {
      #expect(DiagnosticRegistry.all.contains { $0.check == check.id }, "check '\(check.id)' has no diagnostic code")
    }
  }
}
