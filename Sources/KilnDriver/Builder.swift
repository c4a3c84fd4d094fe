import Foundation
import KilnBackends
import KilnDiagnostics
import KilnIR
import KilnSpec
import KilnSupport
import KilnYAML

/// `kiln build`: lint, then Kubernetes manifests. Any error (K1–K6) writes nothing.
public struct Builder: Sendable {
  public var environment: String?

  public init(environment: String? = nil) {
    self.environment = environment
  }

  public struct Output: Sendable {
    public var lint: LintResult
    /// Files by path below the output folder, rendered as YAML; nil when lint found errors.
    public var files: [(path: String, text: String)]?
  }

  public func build(_ path: String) throws -> Output {
    let lint = try Linter(environment: environment).lint(path)
    guard !lint.hasErrors, lint.ir != nil else { return Output(lint: lint, files: nil) }
    let manifests = Self.manifests(lint)
    var files: [(path: String, text: String)] = []
    for file in manifests {
      files.append((file.path, try file.text ?? YAMLWriter().write(file.documents)))
    }
    return Output(lint: lint, files: files)
  }

  /// The generated files of a linted project, named after its Project; none without an IR.
  static func manifests(_ lint: LintResult) -> [ManifestFile] {
    guard let ir = lint.ir, let analysis = lint.analysis else { return [] }
    return KubernetesManifests.render(
      ir, analysis: analysis, projectName: lint.project.objects(.project).first?.name ?? "kiln")
  }

  /// Every Kubernetes object (kustomizations left out) as one stream for `kubectl apply -f -`: the
  /// cluster-wide priority classes first, so no pod is admitted before the class it names exists;
  /// then each cluster's files in order (its Namespace first).
  public func stream(_ files: [(path: String, text: String)]) -> String {
    // Each cluster folder's copy of the priority classes is for applying that folder alone; the stream is
    // the whole fleet, which has them once, at the top.
    let objects = files.filter { ManifestFile.isFleetObjects($0.path) }
    let top = objects.filter { !$0.path.contains("/") }
    return (top + objects.filter { $0.path.contains("/") }).map(\.text).joined()
  }
}

/// Writes generated files into an output folder safely: each file to a temporary file renamed into
/// place, a manifest of what Kiln generated written last, stale files removed only when the previous
/// manifest says Kiln made them, and nothing else ever deleted or overwritten.
public enum ManifestOutput {
  public static let manifestName = ".kiln-generated"

  public enum Failure: Error, Sendable {
    /// A file Kiln would write exists and Kiln did not generate it.
    case wouldOverwrite(String)
    case io(String)
  }

  /// What a write did, for the one-line summary `kiln build` prints.
  public struct Summary: Sendable, Equatable, CustomStringConvertible {
    public var folder: String
    public var written = 0
    /// Files whose bytes were already what Kiln generates: left alone, so their times do not change.
    public var unchanged = 0
    public var removed = 0

    public var description: String {
      let total = written + unchanged
      return
        "\(total) file\(total == 1 ? "" : "s") in \(folder): \(written) written, \(unchanged) unchanged, \(removed) removed"
    }
  }

  @discardableResult
  public static func write(_ files: [(path: String, text: String)], to folder: String) throws(Failure) -> Summary {
    var summary = Summary(folder: folder)
    let manager = FileManager.default
    let previous = generatedFiles(in: folder)
    for file in files {
      let target = folder + "/" + file.path
      if manager.fileExists(atPath: target) && !previous.contains(file.path) { throw .wouldOverwrite(target) }
    }
    for file in files {
      let target = folder + "/" + file.path
      if let existing = manager.contents(atPath: target), existing == Data(file.text.utf8) {
        summary.unchanged += 1
        continue
      }
      summary.written += 1
      do {
        try manager.createDirectory(
          atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(file.text, to: target)
      } catch {
        throw .io("cannot write \(target)")
      }
    }
    let current = Set(files.map(\.path))
    for stale in previous.subtracting(current).sorted() where manager.fileExists(atPath: folder + "/" + stale) {
      if (try? manager.removeItem(atPath: folder + "/" + stale)) != nil { summary.removed += 1 }
    }
    let manifest = JSONValue.object([
      ("generator", .string("kiln")), ("files", .array(files.map(\.path).sorted().map { .string($0) })),
    ])
    do {
      try AtomicFile.write(manifest.serialized() + "\n", to: folder + "/" + manifestName)
    } catch {
      throw .io("cannot write \(folder)/\(manifestName)")
    }
    return summary
  }

  /// The files an earlier `kiln build` wrote here, from its manifest.
  static func generatedFiles(in folder: String) -> Set<String> {
    guard let data = FileManager.default.contents(atPath: folder + "/" + manifestName),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let files = object["files"] as? [String]
    else { return [] }
    // Never trust a path that leaves the folder.
    return Set(files.filter { !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..") })
  }
}
