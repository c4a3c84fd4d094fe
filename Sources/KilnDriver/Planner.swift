import Foundation
import KilnAnalysis
import KilnBackends
import KilnDiagnostics
import KilnIR
import KilnPlan
import KilnSpec
import KilnYAML

/// `kiln plan`: lint base and head with the same overlays, then compare them (KilnPlan).
public struct Planner: Sendable {
  /// Where the base comes from. `.either` prefers an existing folder over a revision of that name.
  public enum Base: Sendable {
    case either(String)
    case revision(String)
    case folder(String)
  }

  public enum Failure: Error, Sendable {
    /// Usage or I/O: one line.
    case input(String)
    /// A side has syntax, schema or reference errors (K1–K3): its diagnostics.
    case invalid(side: String, lint: LintResult)
  }

  public var environment: String?

  public init(environment: String? = nil) {
    self.environment = environment
  }

  public func plan(project: String, base: Base, head revision: String? = nil) throws(Failure) -> Plan {
    var temporaries: [String] = []
    defer { for folder in temporaries { try? FileManager.default.removeItem(atPath: folder) } }
    func read(_ revision: String) throws(Failure) -> String {
      do {
        let checkout = try GitRevision(revision).checkout(project: project)
        temporaries.append(checkout.temporary)
        return checkout.project
      } catch {
        throw .input(error.message)
      }
    }
    let (basePath, baseLabel): (String, String)
    switch base {
    case .folder(let folder): (basePath, baseLabel) = (folder, folder)
    case .revision(let revision): (basePath, baseLabel) = (try read(revision), revision)
    case .either(let name):
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), isDirectory.boolValue {
        (basePath, baseLabel) = (name, name)
      } else {
        (basePath, baseLabel) = (try read(name), name)
      }
    }
    let headPath = try revision.map { revision throws(Failure) in try read(revision) } ?? project
    let headLabel = revision ?? project
    let baseSide = try side(basePath, label: baseLabel)
    let headSide = try side(headPath, label: headLabel)
    return PlanBuilder.make(base: baseSide, head: headSide) { object in
      (try? YAMLWriter().write([object])) ?? ""
    }
  }

  func side(_ path: String, label: String) throws(Failure) -> PlanSide {
    let lint: LintResult
    do {
      lint = try Linter(environment: environment).lint(path)
    } catch let error as LintInputError {
      throw .input("\(label): \(error.message)")
    } catch {
      throw .input("\(label): cannot read the project")
    }
    guard let report = lint.report() else { throw .invalid(side: label, lint: lint) }
    return PlanSide(
      label: label, project: lint.project, report: report, diagnostics: lint.diagnostics,
      manifests: Builder.manifests(lint).filter { ManifestFile.isFleetObjects($0.path) }.flatMap(\.documents))
  }
}
