import KilnDiagnostics
import KilnSupport
import KilnYAML

/// The hardware catalog a project sees: the built-in entries with the project's Catalog documents
/// applied (new entries added, built-in ones overridden field by field).
public struct HardwareCatalog: Sendable {
  public enum Section: String, Sendable, CaseIterable {
    case gpus
    case servers
    case switches
    case transceivers

    /// `catalog:gpus` in a `.reference` field type.
    public var referenceName: String { "catalog:\(rawValue)" }

    var singular: String {
      switch self {
      case .gpus: "GPU"
      case .servers: "server"
      case .switches: "switch"
      case .transceivers: "transceiver"
      }
    }

    var schema: ObjectSchema {
      switch self {
      case .gpus: GPUModel.table.schema
      case .servers: ServerModel.table.schema
      case .switches: SwitchModel.table.schema
      case .transceivers: TransceiverModel.table.schema
      }
    }
  }

  /// One entry: its fields as validated nodes, and whether it is built in.
  public struct Entry: Sendable {
    public var name: String
    public var fields: SpecNode
    public var isBuiltin: Bool
    /// A built-in entry whose fields a Catalog document changed.
    public var isOverridden = false
  }

  public private(set) var sections: [Section: [String: Entry]] = [:]

  public func entry(_ section: Section, _ name: String) -> Entry? { sections[section]?[name] }

  public func names(_ section: Section) -> [String] { (sections[section] ?? [:]).keys.sorted() }

  /// The file name of the built-in catalog's source ranges.
  public static let builtinPath = "<built-in catalog>"

  /// The catalog shipped inside Kiln, parsed from the embedded YAML.
  public static func builtin() -> (HardwareCatalog, [Diagnostic]) {
    let source = SourceFile(path: builtinPath, bytes: PackageResources.BuiltinCatalog_yaml)
    let (file, yamlDiagnostics) = YAMLParser().parse(source)
    var catalog = HardwareCatalog()
    var diagnostics = yamlDiagnostics
    for document in file.documents {
      let (object, objectDiagnostics) = DocumentDecoder.decode(document, in: file, isOverlay: false)
      diagnostics += objectDiagnostics
      guard let object else { continue }
      for section in Section.allCases {
        for item in object.spec[section.rawValue]?.items ?? [] {
          guard let name = item[CatalogFieldNames.name]?.text else { continue }
          catalog.sections[section, default: [:]][name] = Entry(name: name, fields: item, isBuiltin: true)
        }
      }
    }
    return (catalog, diagnostics)
  }

  /// Applies a project's Catalog document: new names are added (their required fields checked),
  /// built-in names are overridden field by field with a note listing what changed. `overridden`
  /// remembers which fields earlier Catalog documents set, so two documents cannot fight over one.
  public mutating func apply(_ object: SpecObject, overridden: inout [String: SourceRange]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for section in Section.allCases {
      guard let list = object.spec[section.rawValue] else { continue }
      var seen: [String: SourceRange] = [:]
      for item in list.items {
        guard let nameNode = item[CatalogFieldNames.name], let name = nameNode.text else {
          if item[CatalogFieldNames.name] == nil {
            diagnostics.append(
              Diagnostic(
                CatalogMessage.entryWithoutName(section: section), at: item.range))
          }
          continue
        }
        if let first = seen[name] {
          diagnostics.append(
            Diagnostic(
              CatalogMessage.entryTwice(section: section, name: name), at: nameNode.range,
              notes: [Note("first listed here", at: first)]))
          continue
        }
        seen[name] = nameNode.range
        if let existing = sections[section]?[name], !existing.isBuiltin {
          diagnostics.append(
            Diagnostic(
              CatalogMessage.newEntryTwice(section: section, name: name), at: nameNode.range,
              help: ["define each new entry once; only built-in entries can be overridden"]))
          continue
        }
        if var existing = sections[section]?[name] {
          var changes: [String] = []
          for field in item.fields where field.name != CatalogFieldNames.name && !field.node.isInvalid {
            let key = "\(section.rawValue)/\(name)/\(field.name)"
            if let first = overridden[key] {
              diagnostics.append(
                Diagnostic(
                  CatalogMessage.fieldOverriddenTwice(field: field.name, section: section, name: name),
                  at: field.keyRange, notes: [Note("first overridden here", at: first)],
                  help: ["keep one override per field"]))
              continue
            }
            overridden[key] = field.keyRange
            let estimated = (existing.fields[CatalogFieldNames.estimatedFields]?.items ?? []).contains {
              $0.text == field.name
            }
            let oldNode = existing.fields[field.name]
            let newNode = oldNode.map { SpecNode.merge($0, field.node) } ?? field.node
            guard oldNode?.displayText != newNode.displayText else { continue }
            let old = oldNode.map { $0.displayText + (estimated ? " (estimate)" : "") } ?? "unset"
            changes.append("\(field.name) \(old) → \(newNode.displayText)")
          }
          existing.fields = SpecNode.merge(existing.fields, item)
          // A figure the project states is its own, not an estimate.
          if let list = existing.fields[CatalogFieldNames.estimatedFields] {
            let setNames = Set(item.fields.map(\.name))
            let kept = list.items.filter { !setNames.contains($0.text ?? "") }
            existing.fields = SpecNode.merge(
              existing.fields,
              SpecNode(
                .object([
                  SpecField(
                    name: CatalogFieldNames.estimatedFields, keyRange: list.range,
                    node: SpecNode(.list(kept), range: list.range))
                ]), range: list.range))
          }
          existing.isOverridden = true
          sections[section]?[name] = existing
          if !changes.isEmpty {
            diagnostics.append(
              Diagnostic(
                CatalogMessage.builtinOverride(section: section, name: name, changes: changes), at: nameNode.range,
                help: [
                  "intended (a negotiated price, a measured figure)? silence it with a Policy rule {check: catalog-override, severity: off}; otherwise remove the override"
                ]))
          }
        } else {
          for field in section.schema.fields where field.required && item[field.name] == nil {
            diagnostics.append(
              Diagnostic(
                CatalogMessage.newEntryField(field: field.name, section: section, name: name), at: nameNode.range,
                help: ["a new catalog entry needs every required field; only built-in entries can be partly overridden"]
              ))
          }
          if section == .gpus, item[GPUModel.computeField] != nil,
            GPUModel.decode(item, fallback: item.range).compute[GPUModel.Precision.bf16.rawValue] == nil
          {
            diagnostics.append(
              Diagnostic(
                CatalogMessage.newGPUBF16(name: name),
                at: item.keyRange(of: GPUModel.computeField) ?? nameNode.range,
                help: ["add the dense BF16 peak, e.g. bf16: 989TFLOPS"]))
          }
          let server = ServerModel.decode(item, fallback: item.range)
          if section == .servers, server.gpuCount > 0, server.gpuReference == nil {
            let count = server.gpuCount
            diagnostics.append(
              Diagnostic(
                CatalogMessage.newServerGPU(name: name, gpuCount: count),
                at: nameNode.range,
                help: ["name the GPU model (a catalog GPU), or set gpuCount: 0 for a CPU-only server"]))
          }
          sections[section, default: [:]][name] = Entry(name: name, fields: item, isBuiltin: false)
        }
      }
    }
    return diagnostics
  }
}

extension SpecNode {
  /// The value as an author would write it, for messages.
  public var displayText: String {
    switch value {
    case .text(let text): text
    case .number(let number): JSONValue.format(number)
    case .quantity(let quantity): quantity.text
    case .bool(let flag): flag ? "true" : "false"
    case .list(let items): "[" + items.map(\.displayText).joined(separator: ", ") + "]"
    case .object(let fields): "{" + fields.map { "\($0.name): \($0.node.displayText)" }.joined(separator: ", ") + "}"
    case .invalid: "?"
    }
  }

  /// Overlay semantics: mappings merge key by key; scalars and lists replace.
  public static func merge(_ base: SpecNode, _ overlay: SpecNode) -> SpecNode {
    // An overlay value that failed validation was reported; it never wipes the base.
    if overlay.isInvalid { return base }
    guard case .object(let baseFields) = base.value, case .object(let overlayFields) = overlay.value else {
      return overlay
    }
    var fields = baseFields
    for field in overlayFields {
      if let index = fields.firstIndex(where: { $0.name == field.name }) {
        fields[index].node = merge(fields[index].node, field.node)
        fields[index].keyRange = field.keyRange
      } else {
        fields.append(field)
      }
    }
    return SpecNode(.object(fields), range: base.range)
  }
}
