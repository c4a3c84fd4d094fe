import KilnSpec

/// `kiln schema`: the JSON Schema of the language.
public enum SchemaExporter {
  public static func jsonSchema() -> String { JSONSchemaExport.document().serialized() + "\n" }
}
