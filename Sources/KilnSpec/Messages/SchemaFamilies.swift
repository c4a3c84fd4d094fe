import KilnDiagnostics

extension SpecMessages {
  /// The messages of decoding, loading and the catalog.
  static var schemaFamilies: [MessageID] {
    SchemaDecoderMessage.all + ScalarMessage.all + DocumentMessage.all + ProjectLoaderMessage.all + CatalogMessage.all
  }
}
