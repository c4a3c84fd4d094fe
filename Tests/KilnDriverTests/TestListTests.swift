import Foundation
import Testing
import _KilnTestSupport

/// Tests driven by folders (one case per specs/invalid project, per example, per change, per doc) run no
/// case at all when the folder cannot be read; these keep such a list from coming back empty unnoticed.
@Suite struct TestListTests {
  @Test func folderDrivenListsAreNotEmpty() {
    #expect(ProjectTests.invalidCases.count >= 70, "specs/invalid: \(ProjectTests.invalidCases.count) cases")
    #expect(ProjectTests.exampleProjects.count >= 3, "examples: \(ProjectTests.exampleProjects)")
    #expect(PlanTests.cases.count >= 9, "specs/changes: \(PlanTests.cases)")
    #expect(DocsReferenceTests.documents.count >= 10, "docs: \(DocsReferenceTests.documents)")
    #expect(ProjectTests.fixableCases.count >= 20, "FIX files: \(ProjectTests.fixableCases.count)")
    #expect(BuildTests.projects.count >= 3, "build projects: \(BuildTests.projects)")
  }
}
