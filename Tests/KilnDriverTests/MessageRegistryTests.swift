import Foundation
import KilnDiagnostics
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Every diagnostic is a typed message with its own id: no code is emitted with two wordings under one id.
@Suite struct MessageRegistryTests {
  @Test func messageIDsAreUniqueAndEveryCodeHasMessages() {
    let ids = DiagnosticRegistry.messages.map(\.id)
    #expect(
      Set(ids).count == ids.count,
      "repeated: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted())")
    for message in DiagnosticRegistry.messages {
      #expect(message.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(message.id) is not kebab-case")
      #expect(DiagnosticRegistry.code(message.code.id) != nil, "\(message.id) has an unregistered code")
    }
    for code in DiagnosticRegistry.all {
      #expect(!DiagnosticRegistry.messages(of: code).isEmpty, "\(code.id) has no message")
    }
  }

  /// In every message enum, each case maps to the ID constant of its own name, so two cases (two
  /// wordings) never share an id; and every ID constant is registered.
  @Test func everyCaseHasItsOwnRegisteredID() throws {
    let root = Golden.repositoryRoot
    let mapping = try NSRegularExpression(pattern: #"^\s*case \.(\w+)[^:]*:\s*ID\.(\w+)\s*$"#)
    var constructed = 0
    var mismatched: [String] = []
    let files = FileManager.default.enumerator(atPath: root + "/Sources")?.compactMap { $0 as? String } ?? []
    for file in files.sorted() where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: root + "/Sources/" + file, encoding: .utf8)
      guard text.contains(": DiagnosticMessage {") else { continue }
      constructed += text.components(separatedBy: "MessageID(").count - 1
      for line in text.split(separator: "\n").map(String.init) {
        guard let match = mapping.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
          let caseName = Range(match.range(at: 1), in: line).map({ line[$0] }),
          let idName = Range(match.range(at: 2), in: line).map({ line[$0] })
        else { continue }
        if caseName != idName { mismatched.append("\(file): case .\(caseName) → ID.\(idName)") }
      }
    }
    #expect(mismatched.isEmpty, "\(mismatched)")
    #expect(
      constructed == DiagnosticRegistry.messages.count,
      "MessageID constants: \(constructed), registered: \(DiagnosticRegistry.messages.count)")
  }

  /// What the invalid cases report carries registered ids.
  @Test(arguments: ProjectTests.invalidCases)
  func invalidCaseMessagesAreRegistered(name: String) throws {
    let result = try ProjectTests().lint(name)
    let known = Set(DiagnosticRegistry.messages)
    for diagnostic in result.diagnostics {
      #expect(known.contains(diagnostic.messageID), "\(name): \(diagnostic.messageID.id) is not registered")
    }
  }

  @Test func explainListsACodesMessages() throws {
    let code = try #require(DiagnosticRegistry.code("K2029"))
    let text = Explainer.explain(code)
    #expect(text.contains("Messages:"))
    for message in DiagnosticRegistry.messages(of: code) { #expect(text.contains(message.id)) }
    #expect(DiagnosticRegistry.messages(of: code).count > 1)
  }
}
