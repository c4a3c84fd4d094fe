import KilnDiagnostics

/// One document of a project after schema validation: `Kind/name` with its metadata and spec.
public struct SpecObject: Sendable {
  public var kind: SpecKind
  public var name: String
  public var file: String
  /// The range of `metadata.name`'s value (where most object-level diagnostics point).
  public var nameRange: SourceRange
  /// The range of the `spec:` key, or of the document start when the key is missing.
  public var specKeyRange: SourceRange
  public var metadata: SpecNode
  public var spec: SpecNode
  /// For overlay documents: `$patch: delete` removes the object.
  public var deletes: Bool

  /// `Cluster/train-h800`.
  public var address: String { "\(kind.rawValue)/\(name)" }

  public init(
    kind: SpecKind, name: String, file: String, nameRange: SourceRange, specKeyRange: SourceRange, metadata: SpecNode,
    spec: SpecNode, deletes: Bool = false
  ) {
    self.kind = kind
    self.name = name
    self.file = file
    self.nameRange = nameRange
    self.specKeyRange = specKeyRange
    self.metadata = metadata
    self.spec = spec
    self.deletes = deletes
  }
}
