import Foundation
import KilnPlan
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// `kiln plan`: golden plans for every specs/changes case, the risk each case is about, git bases,
/// same bytes every run.
@Suite struct PlanTests {
  static var cases: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: Golden.repositoryRoot + "/specs/changes")) ?? []).filter {
      !$0.hasPrefix(".")
    }.sorted()
  }

  func plan(_ name: String) throws -> Plan {
    try inRepository {
      try Planner().plan(project: "specs/changes/\(name)/head", base: .folder("specs/changes/\(name)/base"))
    }
  }

  @Test(arguments: cases)
  func goldenPlans(name: String) throws {
    let plan = try plan(name)
    Golden.assertMatches(HumanPlan.render(plan), file: "golden/plans/\(name).txt")
    Golden.assertMatches(MarkdownPlan.render(plan), file: "golden/plans/\(name).md")
    Golden.assertMatches(JSONPlan.render(plan), file: "golden/plans/\(name).json")
  }

  /// Each flag case raises its flag, and only the flag cases raise any.
  @Test(arguments: cases)
  func riskFlags(name: String) throws {
    let flags = Set(try plan(name).risks.map(\.flag.rawValue))
    let expected: Set<String> =
      switch name {
      case "capacity": ["capacity"]
      case "budget": ["budget"]
      case "residency": ["residency"]
      case "destructive-storage", "remove-serving", "shrink-cluster": ["destructive"]
      default: []
      }
    #expect(flags == expected)
  }

  @Test func noChangeMeansNoChange() throws {
    let plan = try plan("no-change")
    #expect(!plan.hasChanges)
    #expect(plan.objects.isEmpty && plan.kubernetes.isEmpty)
  }

  @Test func fieldPathsAndValuesAsWritten() throws {
    let change = try #require(try plan("scale-out").objects.first)
    #expect(change.address == "Cluster/infer-1")
    #expect(change.fields == [FieldChange(path: "racks[gpu].count", before: "2", after: "4")])
  }

  /// A real repository with two commits: `--base HEAD~1` reads the first through git, and the work
  /// tree and index stay as they were.
  @Test func gitBaseRevision() throws {
    let manager = FileManager.default
    let repository = manager.temporaryDirectory.appendingPathComponent("kiln-plan-git-\(getpid())").path
    try? manager.removeItem(atPath: repository)
    defer { try? manager.removeItem(atPath: repository) }
    try manager.createDirectory(atPath: repository, withIntermediateDirectories: true)
    let project = repository + "/infra"
    try manager.copyItem(atPath: Golden.repositoryRoot + "/specs/changes/scale-out/base", toPath: project)
    func git(_ arguments: String...) throws {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments =
        ["git", "-C", repository, "-c", "user.name=Kiln Test", "-c", "user.email=test@kiln.invalid"]
        + arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }
    try git("init", "-q")
    try git("add", "-A")
    try git("commit", "-q", "-m", "two racks")
    let file = project + "/infrastructure.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    try text.replacingOccurrences(of: "count: 2 ", with: "count: 4 ").write(
      toFile: file, atomically: true, encoding: .utf8)
    try git("commit", "-q", "-a", "-m", "four racks")
    let plan = try Planner().plan(project: project, base: .revision("HEAD~1"))
    #expect(plan.base == "HEAD~1")
    #expect(plan.objects.map(\.address) == ["Cluster/infer-1"])
    #expect(plan.delta(.gpus).map { ($0.before, $0.after) }! == (16, 32))
    // A base that names no revision is one clear error.
    #expect(throws: Planner.Failure.self) { try Planner().plan(project: project, base: .revision("no-such-rev")) }
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("count: 4 "))
    // `--head REV` reads the head from git too: HEAD~1 against itself is no change.
    let same = try Planner().plan(project: project, base: .revision("HEAD~1"), head: "HEAD~1")
    #expect(!same.hasChanges)
    // `--base NAME`: an existing folder of that name wins over a revision.
    let folder = repository + "/HEAD~1"
    try manager.copyItem(atPath: project, toPath: folder)
    let either = try Planner().plan(project: project, base: .either(folder))
    #expect(either.base == folder && !either.hasChanges)
  }
}
