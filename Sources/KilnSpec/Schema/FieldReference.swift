import Foundation

/// The field reference of docs/language.md, generated from the field tables: one Markdown table per
/// kind (and per catalog entry), between `<!-- fields: NAME -->` and `<!-- /fields -->` markers.
public enum FieldReference {
  /// The tables, by marker name, in the order the reference shows them.
  public static var sections: [(name: String, schema: ObjectSchema)] {
    [
      ("Project", ProjectSpec.table.schema),
      ("catalog:gpus", GPUModel.table.schema),
      ("catalog:servers", ServerModel.table.schema),
      ("catalog:switches", SwitchModel.table.schema),
      ("catalog:transceivers", TransceiverModel.table.schema),
      ("Site", SiteSpec.table.schema),
      ("Cluster", ClusterSpec.table.schema),
      ("Fabric", FabricSpec.table.schema),
      ("Storage", StorageSpec.table.schema),
      ("Model", ModelSpec.table.schema),
      ("Region", RegionSpec.table.schema),
      ("Region.serving", RegionSpec.Serving.table.schema),
      ("TrainingRun", TrainingRunSpec.table.schema),
      ("Policy", PolicySpec.table.schema),
    ]
  }

  /// One table: every field, nested ones by path (`power.capacity`, `racks[].name`).
  public static func markdown(_ schema: ObjectSchema, nested: Bool = true) -> String {
    var rows = ["| field | type | required | default | meaning |", "|---|---|---|---|---|"]
    append(schema, prefix: "", parent: nil, nested: nested, to: &rows)
    return rows.joined(separator: "\n") + "\n"
  }

  /// Replaces every marked block of `document` with its current table; unknown markers stay as they are.
  public static func regenerate(_ document: String) -> String {
    var text = document
    for (name, schema) in sections {
      let open = "<!-- fields: \(name) -->\n"
      let close = "<!-- /fields -->"
      guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex)
      else { continue }
      // Serving entries have a table of their own, so the Region table stops at `serving[]`.
      let table = markdown(schema, nested: name != "Region")
      text.replaceSubrange(start.upperBound..<end.lowerBound, with: table)
    }
    return text
  }

  private static func append(
    _ schema: ObjectSchema, prefix: String, parent: String?, nested: Bool, to rows: inout [String]
  ) {
    for field in schema.fields {
      let path = prefix + field.name
      var requirement = ""
      if field.required { requirement = parent.map { "✓ in `\($0)`" } ?? "✓" }
      if let when = field.requiredWhen { requirement = "✓ " + when }
      let defaultText: String
      switch field.defaultValue {
      case .value?: defaultText = "`\(field.defaultText ?? "")`"
      case .rule(let rule)?: defaultText = rule
      case nil: defaultText = field.required ? "" : "none"
      }
      var meaning = field.doc
      if let range = field.range { meaning += " (\(range.description))" }
      switch field.type {
      case .list(.object(let item)):
        rows.append(row("\(path)[]", "list", requirement, defaultText, meaning))
        if nested { append(item, prefix: path + "[].", parent: nil, nested: nested, to: &rows) }
      case .object(let object):
        rows.append(row(path, "object", requirement, defaultText, meaning))
        append(object, prefix: path + ".", parent: field.required ? nil : path, nested: nested, to: &rows)
      case .objectMap(let object):
        rows.append(row(path, "map of name to object", requirement, defaultText, meaning))
        append(object, prefix: path + ".NAME.", parent: nil, nested: nested, to: &rows)
      default:
        rows.append(row(path, describe(field.type), requirement, defaultText, meaning))
      }
    }
  }

  private static func row(_ path: String, _ type: String, _ required: String, _ defaultText: String, _ meaning: String)
    -> String
  {
    "| `\(path)` | \(type) | \(required) | \(defaultText) | \(meaning.replacingOccurrences(of: "|", with: "\\|")) |"
  }

  /// A field's type as the reference writes it.
  public static func describe(_ type: FieldType) -> String {
    switch type {
    case .text: "text"
    case .name: "name"
    case .choice(let values): values.map { "`\($0)`" }.joined(separator: " \\| ")
    case .count: "count"
    case .factor: "factor"
    case .quantity(let dimensions): dimensions.map { unitName($0) }.joined(separator: " or ")
    case .ratio: "ratio"
    case .boolean: "boolean"
    case .reference(let target):
      target.hasPrefix("catalog:")
        ? (HardwareCatalog.Section(rawValue: String(target.dropFirst(8)))?.singular ?? "catalog") + " catalog name"
        : "\(target) name"
    case .image: "image"
    case .object(let object): "`{" + object.fields.map(\.name).joined(separator: ", ") + "}`"
    case .list(let item): "list of " + describe(item)
    case .textMap: "map of text"
    case .objectMap: "map of name to object"
    case .scalar: "typed by the check"
    }
  }

  /// "power", "data size": the dimension without its article.
  static func unitName(_ dimension: Dimension) -> String {
    let name = dimension.displayName
    for article in ["a ", "an "] where name.hasPrefix(article) { return String(name.dropFirst(article.count)) }
    return name
  }
}
