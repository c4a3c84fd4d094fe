import KilnDiagnostics

/// The messages of `ReferenceCheck`.
enum ReferenceMessage: DiagnosticMessage {
  case unknownCatalogEntry(section: HardwareCatalog.Section, name: String, path: String)
  case undefinedObject(path: String, kind: SpecKind, name: String)

  enum ID {
    static let unknownCatalogEntry = MessageID(
      SpecCodes.unknownCatalogEntry, "reference-catalog-entry",
      "unknown GPU, server, switch or transceiver NAME in PATH")
    static let undefinedObject = MessageID(
      SpecCodes.unresolvedReference, "reference-undefined-object",
      "'PATH' refers to KIND/NAME, which is not defined")
  }

  static let all = [ID.unknownCatalogEntry, ID.undefinedObject]

  var id: MessageID {
    switch self {
    case .unknownCatalogEntry: ID.unknownCatalogEntry
    case .undefinedObject: ID.undefinedObject
    }
  }

  var text: String {
    switch self {
    case .unknownCatalogEntry(let section, let name, let path): "unknown \(section.singular) '\(name)' in '\(path)'"
    case .undefinedObject(let path, let kind, let name):
      "'\(path)' refers to \(kind.rawValue)/\(name), which is not defined"
    }
  }
}
