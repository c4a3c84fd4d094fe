import KilnDiagnostics
import KilnYAML

/// The messages of `ProjectLoader`: which files make the project, the Project document, overlays.
enum ProjectLoaderMessage: DiagnosticMessage {
  case secondProject(name: String)
  case noProject
  case linkSkipped(path: String, problem: String)
  case projectOutsideRoot
  case overlayTarget(address: String)
  case overlayDeletesProject
  case unknownEnvironment(environment: String)
  case unreadableFile(path: String, reason: String)
  case globOutsideRoot(pattern: String, problem: String)

  enum ID {
    static let secondProject = MessageID(
      SpecCodes.misplacedSingleton, "project-second-document", "kiln.yaml holds a second Project document, NAME")
    static let noProject = MessageID(
      SpecCodes.misplacedSingleton, "project-missing", "kiln.yaml has no Project document")
    static let linkSkipped = MessageID(
      SpecCodes.invalidGlob, "project-link-skipped", "skipped PATH: a symbolic link that leads outside the project root"
    )
    static let projectOutsideRoot = MessageID(
      SpecCodes.misplacedSingleton, "project-outside-kiln-yaml", "a Project document outside kiln.yaml")
    static let overlayTarget = MessageID(
      SpecCodes.overlayTarget, "overlay-without-base", "an overlay for KIND/NAME, which the project does not define")
    static let overlayDeletesProject = MessageID(
      SpecCodes.misplacedSingleton, "overlay-deletes-project", "an overlay deletes the Project")
    static let unknownEnvironment = MessageID(
      SpecCodes.unknownEnvironment, "project-unknown-environment", "unknown environment ENVIRONMENT")
    static let unreadableFile = MessageID(
      YAMLCodes.unreadableFile, "project-unreadable-file", "cannot read PATH: REASON")
    static let globOutsideRoot = MessageID(
      SpecCodes.invalidGlob, "project-pattern-outside-root",
      "pattern PATTERN reaches outside the project root: it has PROBLEM")
  }

  static let all = [
    ID.secondProject, ID.noProject, ID.linkSkipped, ID.projectOutsideRoot, ID.overlayTarget, ID.overlayDeletesProject,
    ID.unknownEnvironment, ID.unreadableFile, ID.globOutsideRoot,
  ]

  var id: MessageID {
    switch self {
    case .secondProject: ID.secondProject
    case .noProject: ID.noProject
    case .linkSkipped: ID.linkSkipped
    case .projectOutsideRoot: ID.projectOutsideRoot
    case .overlayTarget: ID.overlayTarget
    case .overlayDeletesProject: ID.overlayDeletesProject
    case .unknownEnvironment: ID.unknownEnvironment
    case .unreadableFile: ID.unreadableFile
    case .globOutsideRoot: ID.globOutsideRoot
    }
  }

  var text: String {
    switch self {
    case .secondProject(let name): "a project has one Project document; Project/\(name) is a second one"
    case .noProject: "\(ProjectLoader.projectFileName) has no Project document"
    case .linkSkipped(let path, let problem): "skipped \(path): \(problem)"
    case .projectOutsideRoot: "a Project document belongs in \(ProjectLoader.projectFileName) at the project root"
    case .overlayTarget(let address): "overlay for \(address), which the project does not define"
    case .overlayDeletesProject: "an overlay cannot delete the Project"
    case .unknownEnvironment(let environment): "unknown environment '\(environment)'"
    case .unreadableFile(let display, let reason): "cannot read \(display): \(reason)"
    case .globOutsideRoot(let text, let problem):
      "pattern '\(text)' reaches outside the project root: it has \(problem)"
    }
  }
}
