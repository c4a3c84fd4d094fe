import Foundation
import KilnDiagnostics
import KilnSupport
import KilnYAML

/// Problems that stop Kiln before it can report diagnostics: exit 2 with one line.
public enum ProjectLoadError: Error, Equatable, Sendable {
  case notFound(String)
  case notADirectory(String)
  case notAProject(String)

  public var message: String {
    switch self {
    case .notFound(let path): "no such file or directory: \(path)"
    case .notADirectory(let path): "not a directory: \(path) (pass the project folder)"
    case .notAProject(let path): "not a Kiln project: \(path) has no kiln.yaml"
    }
  }
}

/// A project after loading: its validated objects (overlays applied), its files' text and its catalog.
public struct Project: Sendable {
  public var root: String
  public var objects: [SpecObject] {
    didSet {
      index = Self.makeIndex(objects)
      typed = TypedProject(objects: objects, catalog: catalog)
    }
  }
  /// The objects typed, defaults applied and references linked, once per change of `objects`.
  public private(set) var typed: TypedProject
  public var sources: [String: SourceFile]
  public var fileCount: Int
  public var catalog: HardwareCatalog
  /// What documents dropped for syntax or envelope errors may define, so references to them are not
  /// reported again as missing.
  public var unreadable = UnreadableDefinitions()
  /// `Kind/name` → position in `objects` (the first one, when duplicated), so lookups stay O(1)
  /// in projects with thousands of objects.
  private var index: [SpecKind: [String: Int]]

  public init(
    root: String, objects: [SpecObject], sources: [String: SourceFile], fileCount: Int, catalog: HardwareCatalog
  ) {
    self.root = root
    self.objects = objects
    self.sources = sources
    self.fileCount = fileCount
    self.catalog = catalog
    self.index = Self.makeIndex(objects)
    self.typed = TypedProject(objects: objects, catalog: catalog)
  }

  private static func makeIndex(_ objects: [SpecObject]) -> [SpecKind: [String: Int]] {
    var index: [SpecKind: [String: Int]] = [:]
    for (position, object) in objects.enumerated() where index[object.kind]?[object.name] == nil {
      index[object.kind, default: [:]][object.name] = position
    }
    return index
  }

  public func objects(_ kind: SpecKind) -> [SpecObject] { objects.filter { $0.kind == kind } }
  public func object(_ kind: SpecKind, _ name: String) -> SpecObject? {
    index[kind]?[name].map { objects[$0] }
  }
}

/// Reads a project folder: finds its files, parses and validates every document, applies overlays,
/// then runs the cross-object checks of the spec stage.
public struct ProjectLoader: Sendable {
  public static let projectFileName = "kiln.yaml"

  public var environment: String?
  public var parser = YAMLParser()

  public init(environment: String? = nil) {
    self.environment = environment
  }

  public func load(_ rootArgument: String, into engine: DiagnosticEngine) throws -> Project {
    var root = rootArgument.isEmpty ? "." : rootArgument
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
      throw ProjectLoadError.notFound(rootArgument)
    }
    guard isDirectory.boolValue else { throw ProjectLoadError.notADirectory(rootArgument) }
    guard FileManager.default.fileExists(atPath: root + "/" + Self.projectFileName) else {
      throw ProjectLoadError.notAProject(rootArgument)
    }
    let displayPrefix = root == "." ? "" : root + "/"

    var sources: [String: SourceFile] = [:]
    var unreadable = UnreadableDefinitions()
    func read(_ relative: String) -> YAMLFile? {
      let (source, file, diagnostics) = Self.parseFile(
        relative, root: root, displayPrefix: displayPrefix, parser: parser)
      if let source { sources[source.path] = source }
      engine.emit(contentsOf: diagnostics)
      unreadable.record(displayPrefix + relative, source: source, file: file, diagnostics: diagnostics)
      return file
    }

    // kiln.yaml first: it says which files belong to the project.
    var objects: [SpecObject] = []
    var projectObject: SpecObject?
    if let file = read(Self.projectFileName) {
      let (decoded, diagnostics) = Self.decodeDocuments(of: file, droppedInto: &unreadable)
      engine.emit(contentsOf: diagnostics)
      for object in decoded {
        if object.kind == .project {
          if let first = projectObject {
            engine.emit(
              Diagnostic(
                ProjectLoaderMessage.secondProject(name: object.name), at: object.nameRange,
                notes: [Note("the project is defined here", at: first.nameRange)]))
            continue
          }
          projectObject = object
        }
        objects.append(object)
      }
    }
    let projectFilePath = displayPrefix + Self.projectFileName
    if projectObject == nil {
      engine.emit(
        Diagnostic(
          ProjectLoaderMessage.noProject, at: .wholeFile(projectFilePath),
          help: ["start kiln.yaml with apiVersion: kiln/v1, kind: Project"]))
    }

    let settings = projectObject.map(ProjectSpec.init) ?? ProjectSpec.defaults
    let include = globs(settings.include, engine: engine)
    let exclude = globs(settings.exclude, engine: engine)
    let files = ProjectFiles(rootPath: root)
    // Overlay files of every environment are never base specs.
    let overlayGlobsByEnvironment = settings.environmentEntries.map {
      ($0.name, globs($0.value.overlays, engine: engine))
    }
    var overlayFiles = Set<String>()
    for (_, globList) in overlayGlobsByEnvironment { overlayFiles.formUnion(files.matching(globList)) }
    overlayFiles.insert(Self.projectFileName)

    let (paths, linkProblems) = files.list(include: include, exclude: exclude, excludedFiles: overlayFiles)
    for (path, problem) in linkProblems {
      engine.emit(
        Diagnostic(
          ProjectLoaderMessage.linkSkipped(path: displayPrefix + path, problem: problem),
          at: .wholeFile(displayPrefix + path)))
    }
    // Files are read, parsed and validated on every core; results are taken in path order, so the
    // output never depends on scheduling.
    let yamlParser = parser
    let rootPath = root
    let loaded = ParallelMap.map(paths) { path in
      let (source, file, diagnostics) = Self.parseFile(
        path, root: rootPath, displayPrefix: displayPrefix, parser: yamlParser)
      var dropped = UnreadableDefinitions()
      dropped.record(displayPrefix + path, source: source, file: file, diagnostics: diagnostics)
      guard let file else {
        return LoadedFile(source: source, diagnostics: diagnostics, objects: [], unreadable: dropped)
      }
      let (decoded, decodeDiagnostics) = Self.decodeDocuments(of: file, droppedInto: &dropped)
      return LoadedFile(
        source: source, diagnostics: diagnostics + decodeDiagnostics, objects: decoded, unreadable: dropped)
    }
    for file in loaded {
      if let source = file.source { sources[source.path] = source }
      engine.emit(contentsOf: file.diagnostics)
      unreadable.append(file.unreadable)
      for object in file.objects {
        if object.kind == .project {
          engine.emit(
            Diagnostic(
              ProjectLoaderMessage.projectOutsideRoot, at: object.nameRange,
              notes: projectObject.map { [Note("the project is defined here", at: $0.nameRange)] } ?? []))
          continue
        }
        objects.append(object)
      }
    }

    // Overlays.
    if let environment {
      if let (_, globList) = overlayGlobsByEnvironment.first(where: { $0.0 == environment }) {
        for path in files.matching(globList) {
          guard let file = read(path) else { continue }
          for document in file.documents where !document.isEmpty {
            let (overlay, diagnostics) = DocumentDecoder.decode(document, in: file, isOverlay: true)
            engine.emit(contentsOf: diagnostics)
            guard let overlay else { continue }
            guard let index = objects.firstIndex(where: { $0.kind == overlay.kind && $0.name == overlay.name }) else {
              engine.emit(
                Diagnostic(
                  ProjectLoaderMessage.overlayTarget(address: overlay.address), at: overlay.nameRange,
                  help: DidYouMean.suggestion(
                    for: overlay.name, among: objects.filter { $0.kind == overlay.kind }.map(\.name)
                  )
                  .map { ["did you mean '\($0)'?"] } ?? []))
              continue
            }
            if overlay.deletes && overlay.kind == .project {
              engine.emit(
                Diagnostic(
                  ProjectLoaderMessage.overlayDeletesProject, at: overlay.nameRange,
                  help: ["overlays may change the Project's fields; remove '$patch: delete'"]))
            } else if overlay.deletes {
              objects.remove(at: index)
            } else {
              objects[index].spec = SpecNode.merge(objects[index].spec, overlay.spec)
              objects[index].metadata = SpecNode.merge(objects[index].metadata, overlay.metadata)
            }
          }
        }
      } else {
        let known = overlayGlobsByEnvironment.map(\.0)
        let at = settings.environmentsKey ?? projectObject?.nameRange ?? .wholeFile(projectFilePath)
        engine.emit(
          Diagnostic(
            ProjectLoaderMessage.unknownEnvironment(environment: environment), at: at,
            help: known.isEmpty
              ? ["kiln.yaml defines no environments"]
              : ["defined environments: \(known.joined(separator: ", "))"]
                + (DidYouMean.suggestion(for: environment, among: known).map { ["did you mean '\($0)'?"] } ?? [])))
      }
    }

    // Catalog: built-in entries, then the project's Catalog documents in file order.
    var (catalog, builtinProblems) = HardwareCatalog.builtin()
    engine.emit(contentsOf: builtinProblems)
    var overridden: [String: SourceRange] = [:]
    for object in objects where object.kind == .catalog {
      engine.emit(contentsOf: catalog.apply(object, overridden: &overridden))
    }

    var project = Project(
      root: root, objects: SpecValidator.removingDuplicates(objects, engine), sources: sources,
      fileCount: sources.count, catalog: catalog)
    project.unreadable = unreadable
    SpecValidator(project: project).run(engine)
    return project
  }

  /// One file after parsing and validation, before it joins the project.
  struct LoadedFile: Sendable {
    var source: SourceFile?
    var diagnostics: [Diagnostic]
    var objects: [SpecObject]
    var unreadable: UnreadableDefinitions
  }

  /// Decodes every document of a parsed file; a document too broken to decode is recorded in `dropped`.
  static func decodeDocuments(of file: YAMLFile, droppedInto dropped: inout UnreadableDefinitions)
    -> ([SpecObject], [Diagnostic])
  {
    var objects: [SpecObject] = []
    var diagnostics: [Diagnostic] = []
    for document in file.documents where !document.isEmpty {
      let (object, objectDiagnostics) = DocumentDecoder.decode(document, in: file, isOverlay: false)
      diagnostics += objectDiagnostics
      if let object {
        objects.append(object)
      } else {
        dropped.addDroppedDocument(document, in: file.source.path)
      }
    }
    return (objects, diagnostics)
  }

  /// Reads and parses one file; pure, so files can be read in parallel.
  static func parseFile(_ relative: String, root: String, displayPrefix: String, parser: YAMLParser)
    -> (SourceFile?, YAMLFile?, [Diagnostic])
  {
    let display = displayPrefix + relative
    guard let data = FileManager.default.contents(atPath: root + "/" + relative) else {
      let reason =
        ProjectFiles.realPath(root + "/" + relative) == nil
        ? "it is a symbolic link to a missing file" : "permission denied or not a regular file"
      let diagnostic = Diagnostic(
        ProjectLoaderMessage.unreadableFile(path: display, reason: reason), at: .wholeFile(display),
        help: ["fix or remove the file, or leave it out with spec.exclude in kiln.yaml"])
      return (nil, nil, [diagnostic])
    }
    let source = SourceFile(path: display, bytes: [UInt8](data))
    let (file, diagnostics) = parser.parse(source)
    return (source, file, diagnostics)
  }

  private func globs(_ patterns: [Located<String>], engine: DiagnosticEngine) -> [Glob] {
    var result: [Glob] = []
    for item in patterns {
      let text = item.value
      let glob = Glob(text)
      if let problem = glob.escapeProblem {
        engine.emit(
          Diagnostic(
            ProjectLoaderMessage.globOutsideRoot(pattern: text, problem: problem), at: item.range,
            help: ["patterns are relative to the folder of kiln.yaml and cannot leave it"]))
        continue
      }
      result.append(glob)
    }
    return result
  }
}
