import KilnSpec

/// `kiln schema`: the JSON Schema of the language; `--overlay`, of overlay documents.
public enum SchemaExporter {
  public static func jsonSchema(overlay: Bool = false) -> String {
    JSONSchemaExport.document(overlay: overlay).serialized() + "\n"
  }
}
