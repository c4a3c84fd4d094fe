import Foundation
import KilnSpec
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Generated files are committed on purpose; these tests keep them current.
@Suite struct GeneratedFilesTests {
  @Test func diagnosticsReferenceIsCurrent() {
    Golden.assertMatches(Explainer.markdown(), file: "docs/diagnostics.md")
  }

  @Test func committedSchemaIsCurrent() {
    Golden.assertMatches(SchemaExporter.jsonSchema(), file: "schema/kiln.schema.json")
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
