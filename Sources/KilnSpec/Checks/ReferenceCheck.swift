import KilnDiagnostics

/// Resolves every reference by name: to objects (Site, Cluster, Fabric, Storage, Model) and to catalog
/// entries, with did-you-mean suggestions.
struct ReferenceCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for object in project.objects {
      var path: FieldPath = "spec"
      visit(object.spec, type: .object(object.kind.schema), path: &path, project: project, engine: engine)
    }
  }

  private func visit(
    _ node: SpecNode, type: FieldType, path: inout FieldPath, project: Project, engine: DiagnosticEngine
  ) {
    switch type {
    case .object(let schema):
      for field in node.fields {
        guard let fieldSchema = schema.field(field.name), Self.mayHoldReferences(fieldSchema.type) else { continue }
        path.push(.field(field.name))
        visit(field.node, type: fieldSchema.type, path: &path, project: project, engine: engine)
        path.pop()
      }
    case .objectMap(let schema):
      for field in node.fields {
        path.push(.field(field.name))
        visit(field.node, type: .object(schema), path: &path, project: project, engine: engine)
        path.pop()
      }
    case .list(let itemType):
      for (index, item) in node.items.enumerated() {
        path.push(.index(index))
        visit(item, type: itemType, path: &path, project: project, engine: engine)
        path.pop()
      }
    case .reference(let target):
      guard let name = node.text else { return }
      resolve(name, target: target, at: node.range, path: path, project: project, engine: engine)
    default:
      break
    }
  }

  /// Whether a value of this type can hold a reference: the walk skips everything else.
  static func mayHoldReferences(_ type: FieldType) -> Bool {
    switch type {
    case .reference, .object, .objectMap, .list: true
    default: false
    }
  }

  func resolve(
    _ name: String, target: String, at range: SourceRange, path: FieldPath, project: Project, engine: DiagnosticEngine
  ) {
    if target.hasPrefix("catalog:"), let section = HardwareCatalog.Section(rawValue: String(target.dropFirst(8))) {
      guard project.catalog.entry(section, name) == nil else { return }
      let suggestion = DidYouMean.suggestion(for: name, among: project.catalog.names(section))
      engine.emit(
        Diagnostic(
          SpecCodes.unknownCatalogEntry, "unknown \(section.singular) '\(name)' in '\(path)'", at: range,
          help: suggestion == nil
            ? ["known \(section.rawValue): \(project.catalog.names(section).joined(separator: ", "))"] : [],
          fixIts: suggestion.map {
            [FixIt(message: "did you mean '\($0)'?", edits: [TextEdit(range: range, replacement: $0)])]
          } ?? []))
      return
    }
    guard let kind = SpecKind(rawValue: target), project.object(kind, name) == nil else { return }
    // Defined in a document that failed to parse or decode: that document's own error is the one to fix.
    guard project.unreadable.definition(of: kind, named: name) == nil else { return }
    let suggestion = DidYouMean.suggestion(for: name, among: project.names(kind))
    let unreadable = project.unreadable.unnamed(kind).map {
      Note("\($0.file) \($0.reason) and may define it", at: .wholeFile($0.file))
    }
    engine.emit(
      Diagnostic(
        SpecCodes.unresolvedReference, "'\(path)' refers to \(kind.rawValue)/\(name), which is not defined", at: range,
        notes: unreadable,
        help: suggestion == nil
          ? (project.names(kind).isEmpty
            ? ["the project defines no \(kind.rawValue)"]
            : ["defined: \(project.names(kind).sorted().joined(separator: ", "))"])
          : [],
        fixIts: suggestion.map {
          [FixIt(message: "did you mean '\($0)'?", edits: [TextEdit(range: range, replacement: $0)])]
        } ?? []))
  }
}
