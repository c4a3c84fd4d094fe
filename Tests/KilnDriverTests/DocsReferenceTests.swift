import Foundation
import Testing
import _KilnTestSupport

/// The docs stand alone: every relative link and every file they name exists in this repository, and none
/// sends the reader to files only Kiln's developers had (design notes, data beside the repository).
@Suite struct DocsReferenceTests {
  static let root = Golden.repositoryRoot

  static var documents: [String] {
    let docs = (try? FileManager.default.contentsOfDirectory(atPath: root + "/docs")) ?? []
    return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
  }

  /// Top-level folders of this repository: a path that starts with one names a repository file.
  static let repositoryFolders = [
    "Sources/", "Tests/", "docs/", "specs/", "golden/", "Scripts/", "Benchmarks/", "schema/", ".ci/",
  ]

  /// Names a doc may mention that are not files of this repository: files of a user's project or of
  /// other tools, named as examples.
  static let foreignNames: Set<String> = [
    "kiln-ci.sh", "plan.md", "notes.md", "pretrain.py", "sft.py", "multi-node-serving.sh",
    // Files `kiln build` writes into its output folder, and the map a user gives its label script.
    "label-nodes.sh", "nodes.tsv",
  ]

  static func text(_ document: String) throws -> String {
    try String(contentsOfFile: root + "/" + document, encoding: .utf8)
  }

  /// Every file below the root (build folders skipped), for names given without their folder.
  static let repositoryFiles: Set<String> = {
    var names: Set<String> = []
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return names }
    while let path = enumerator.nextObject() as? String {
      if path.hasPrefix(".build") || path.hasPrefix(".git/") || path.contains("/.build") {
        enumerator.skipDescendants()
        continue
      }
      names.insert(path)
      names.insert((path as NSString).lastPathComponent)
    }
    return names
  }()

  static func exists(_ path: String, from document: String) -> Bool {
    let folder = (document as NSString).deletingLastPathComponent
    let candidates = [folder.isEmpty ? path : folder + "/" + path, path]
    return candidates.contains { candidate in
      let normalized = (root + "/" + candidate as NSString).standardizingPath
      return FileManager.default.fileExists(atPath: normalized)
    }
  }

  @Test(arguments: documents)
  func relativeLinksResolve(document: String) throws {
    // Code spans hold examples, not links.
    let text = try Self.text(document).replacing(/`[^`\n]*`/, with: "``")
    for match in text.matches(of: /\]\(([^)\s]+)\)/) {
      var target = String(match.1)
      if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:")
        || target.hasPrefix("#")
      {
        continue
      }
      if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
      #expect(Self.exists(target, from: document), "\(document) links to \(target), which does not exist")
    }
  }

  @Test(arguments: documents)
  func namedFilesExist(document: String) throws {
    // Lines that name a file of another repository (with its address) are about that repository.
    let text = try Self.text(document).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("github.com/") && !$0.contains("://") }.joined(separator: "\n")
    // Source, script and document names, anywhere in the text (prose, code spans, examples).
    for match in text.matches(of: /[A-Za-z0-9_.\/-]*[A-Za-z0-9_]\.(md|swift|py|sh|tsv)\b/) {
      var name = String(match.0)
      if name.hasPrefix("./") { name.removeFirst(2) }
      if name.contains("://") || Self.foreignNames.contains((name as NSString).lastPathComponent) { continue }
      let isPath = name.contains("/")
      let found =
        isPath
        ? Self.exists(name, from: document) || Self.repositoryFiles.contains(name)
        : Self.repositoryFiles.contains(name)
      #expect(found, "\(document) names \(name), which is not in the repository")
    }
    // Paths into the repository's own folders, whatever their extension.
    for match in text.matches(of: /`([A-Za-z_.][A-Za-z0-9_.\/-]*\/[A-Za-z0-9_.\/*-]*)`/) {
      let path = String(match.1)
      guard Self.repositoryFolders.contains(where: { path.hasPrefix($0) }), !path.contains("*"), !path.contains("<")
      else { continue }
      #expect(Self.exists(path, from: document), "\(document) names \(path), which is not in the repository")
    }
  }

  @Test(arguments: documents)
  func nothingPointsOutsideTheRepository(document: String) throws {
    let text = try Self.text(document)
    // The developers' design notes and the data folder beside the repository.
    for match in text.matches(of: /\.\.\/shared|shared\/(data|design)|(LANGUAGE|ARCHITECTURE|STYLE|CONTEXT)\.md/) {
      Issue.record("\(document) mentions \(match.0), which readers do not have")
    }
  }

  @Test(arguments: documents)
  func workingFeaturesAreNotPromisedForLater(document: String) throws {
    let text = try Self.text(document).lowercased()
    for phrase in ["arrive later", "arrives later", "arrive with the", "arrives with the", "when the analyzer arrives"]
    {
      #expect(!text.contains(phrase), "\(document) says '\(phrase)'")
    }
  }

  /// README says how to install; docs/ci.md and the pre-commit hooks build and check Kiln the same way.
  @Test func installIsDocumentedOnceAndFollowed() throws {
    let build = "swift build -c release --product kiln"
    let readme = try Self.text("README.md")
    let install = try #require(readme.range(of: "## Install"), "README has no Install section")
    let rest = readme[install.upperBound...]
    let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
    for expected in [build, "--show-bin-path", "kiln --version", "--static-swift-stdlib", "kiln completions"] {
      #expect(section.contains(expected), "README's Install section lacks \(expected)")
    }
    for file in ["docs/ci.md", ".pre-commit-hooks.yaml"] {
      let text = try Self.text(file)
      #expect(text.contains(build), "\(file) does not build Kiln as README does")
      #expect(text.contains("kiln --version"), "\(file) does not check the installed version")
      #expect(text.contains("README"), "\(file) does not point to README's Install section")
    }
  }

  /// The test must be able to fail: a missing file is caught.
  @Test func aMissingFileIsCaught() {
    #expect(!Self.exists("docs/no-such-file.md", from: "README.md"))
    #expect(!Self.repositoryFiles.contains("LANGUAGE.md"))
    #expect(Self.repositoryFiles.contains("KilnVersion.swift"))
  }
}
