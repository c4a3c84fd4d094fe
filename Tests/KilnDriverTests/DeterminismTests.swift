import Foundation
import Testing
import _KilnTestSupport

/// Same input, same bytes: the reference project copied file by file in sorted and in reverse order, so
/// the file system hands Kiln its files in different orders, and each command run in its own process
/// (so nothing a process caches can make two outputs agree).
@Suite struct DeterminismTests {
  static let commands: [[String]] = [
    ["lint", ".", "--format", "json"], ["lint", "."], ["report", ".", "--format", "json"],
    ["report", ".", "--format", "markdown"], ["report", ".", "--format", "csv"], ["report", ".", "--format", "html"],
    ["graph", "."], ["ir", "."], ["ir", ".", "--expand"], ["build", ".", "-o", "-"],
  ]

  @Test(arguments: commands)
  func sameBytesWhateverTheFileOrderAndProcess(command: [String]) throws {
    let tag = command.joined(separator: "-").replacingOccurrences(of: ".", with: "p")
    let outputs = try FileOrder.outputsInBothOrders(of: Golden.repositoryRoot + "/specs/reference", tag: tag) { copy in
      let result = try CommandLineTests().run(command, in: copy)
      #expect(result.status == 0, "kiln \(command.joined(separator: " ")): \(result.stderr)")
      return result.stdout
    }
    #expect(!outputs[0].isEmpty)
    #expect(outputs[0] == outputs[1], "kiln \(command.joined(separator: " ")) differs with the file order")
  }

  @Test func planSameBytesWhateverTheFileOrderAndProcess() throws {
    let base = Golden.repositoryRoot + "/specs/changes/scale-out/base"
    let outputs = try FileOrder.outputsInBothOrders(
      of: Golden.repositoryRoot + "/specs/changes/scale-out/head", tag: "plan"
    ) {
      copy in
      try CommandLineTests().run(["plan", ".", "--base-dir", base, "--format", "json"], in: copy).stdout
    }
    #expect(outputs[0].contains("\"formatVersion\""))
    #expect(outputs[0] == outputs[1])
  }
}
