import KilnDiagnostics

/// `Catalog`: entries added to the built-in catalog, or overriding built-in entries field by field.
/// The typed entries come from the merged catalog (`TypedCatalog`); this record is the document's shape.
public struct CatalogSpec: SpecRecord {
  public var gpus: [GPUModel] = []
  public var servers: [ServerModel] = []
  public var switches: [SwitchModel] = []
  public var transceivers: [TransceiverModel] = []

  public init() {}

  public static let table = FieldTable<CatalogSpec>(
    "Entries added to the built-in catalog, or overriding built-in entries field by field.",
    [
      .records("gpus", \.gpus, "GPU models"),
      .records("servers", \.servers, "server models"),
      .records("switches", \.switches, "switch models"),
      .records("transceivers", \.transceivers, "optical modules"),
    ])
}

/// The project's catalog, typed: built-in entries with the project's overrides, sorted by name, each
/// server linked to its GPU and optics.
public struct TypedCatalog: Sendable {
  public var gpus: [GPUModel] = []
  public var servers: [ServerModel] = []
  public var switches: [SwitchModel] = []
  public var transceivers: [TransceiverModel] = []
  /// References inside catalog entries that name no entry.
  public var unresolved: [UnresolvedReference] = []

  public init() {}

  public init(_ catalog: HardwareCatalog) {
    func decode<Entry: CatalogEntryRecord>(_ section: HardwareCatalog.Section, as: Entry.Type) -> [Entry] {
      catalog.names(section).compactMap { name in
        guard let entry = catalog.entry(section, name) else { return nil }
        var record = Entry.decode(entry.fields, fallback: entry.fields.range)
        record.name = name
        return record
      }
    }
    gpus = decode(.gpus, as: GPUModel.self)
    servers = decode(.servers, as: ServerModel.self)
    switches = decode(.switches, as: SwitchModel.self)
    transceivers = decode(.transceivers, as: TransceiverModel.self)
    var resolver = ReferenceResolver(positions: positions, path: FieldPath())
    for position in servers.indices {
      resolver.path = FieldPath([.field(HardwareCatalog.Section.servers.rawValue), .mapKey(servers[position].name)])
      ServerModel.table.resolve(&servers[position], &resolver)
      servers[position].gpu = servers[position].gpuReference?.target.map { gpus[$0] }
    }
    unresolved = resolver.unresolved
  }

  /// Names to positions, per section, for resolving references to the catalog.
  public var positions: [String: [String: Int]] {
    [
      GPUModel.referenceKind: ReferenceResolver.index(gpus.map(\.name)),
      ServerModel.referenceKind: ReferenceResolver.index(servers.map(\.name)),
      SwitchModel.referenceKind: ReferenceResolver.index(switches.map(\.name)),
      TransceiverModel.referenceKind: ReferenceResolver.index(transceivers.map(\.name)),
    ]
  }

  public subscript(_ reference: Reference<ServerModel>) -> ServerModel? { reference.target.map { servers[$0] } }
  public subscript(_ reference: Reference<SwitchModel>) -> SwitchModel? { reference.target.map { switches[$0] } }
  public subscript(_ reference: Reference<TransceiverModel>) -> TransceiverModel? {
    reference.target.map { transceivers[$0] }
  }
  public subscript(_ reference: Reference<GPUModel>) -> GPUModel? { reference.target.map { gpus[$0] } }
}
