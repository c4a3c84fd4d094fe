import KilnDiagnostics

/// References that name no object (Site, Cluster, Fabric, Storage, Model) or catalog entry, with
/// did-you-mean suggestions.
struct ReferenceCheck: SpecCheck {
  /// Reports what `ReferenceResolver` could not link, once, when the project was typed.
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    for reference in project.typed.unresolved {
      report(
        reference.name, target: reference.targetKind, at: reference.range, path: reference.path, project: project,
        engine: engine)
    }
  }

  /// `name` is known to be undefined (the resolver found no target): say so, with what is defined.
  func report(
    _ name: String, target: String, at range: SourceRange, path: String, project: Project, engine: DiagnosticEngine
  ) {
    if target.hasPrefix("catalog:"), let section = HardwareCatalog.Section(rawValue: String(target.dropFirst(8))) {
      let suggestion = DidYouMean.suggestion(for: name, among: project.catalog.names(section))
      engine.emit(
        Diagnostic(
          ReferenceMessage.unknownCatalogEntry(section: section, name: name, path: path), at: range,
          help: suggestion == nil
            ? ["known \(section.rawValue): \(project.catalog.names(section).joined(separator: ", "))"] : [],
          fixIts: suggestion.map {
            [FixIt.didYouMean($0, at: range)]
          } ?? []))
      return
    }
    guard let kind = SpecKind(rawValue: target) else { return }
    // Defined in a document that failed to parse or decode: that document's own error is the one to fix.
    guard project.unreadable.definition(of: kind, named: name) == nil else { return }
    let suggestion = DidYouMean.suggestion(for: name, among: project.names(kind))
    let unreadable = project.unreadable.unnamed(kind).map {
      Note("\($0.file) \($0.reason) and may define it", at: .wholeFile($0.file))
    }
    engine.emit(
      Diagnostic(
        ReferenceMessage.undefinedObject(path: path, kind: kind, name: name), at: range,
        notes: unreadable,
        help: suggestion == nil
          ? (project.names(kind).isEmpty
            ? ["the project defines no \(kind.rawValue)"]
            : ["defined: \(project.names(kind).sorted().joined(separator: ", "))"])
          : [],
        fixIts: suggestion.map {
          [FixIt.didYouMean($0, at: range)]
        } ?? []))
  }
}
