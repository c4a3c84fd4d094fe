import KilnDiagnostics

/// What a reference can point at: a kind's typed spec or a catalog entry.
public protocol ReferenceTarget: Sendable {
  /// `Site`, or `catalog:servers` for a catalog section.
  static var referenceKind: String { get }
}

/// A name that refers to another object, with the position of its target once resolved. Resolution
/// happens once, in `ReferenceResolver`; later stages follow `target` and never look a name up again.
public struct Reference<Target: ReferenceTarget>: Sendable {
  public var name: Located<String>
  /// The target's position in its collection (`TypedProject.sites`, `TypedCatalog.servers`); nil
  /// when the name is undefined (a K3 diagnostic says so) or not yet resolved.
  public internal(set) var target: Int?

  public init(_ name: Located<String>, target: Int? = nil) {
    self.name = name
    self.target = target
  }

  public static var placeholder: Reference { Reference(.placeholder) }
}

/// A reference whose target does not exist, for the K3 diagnostics.
public struct UnresolvedReference: Sendable {
  public var name: String
  public var range: SourceRange
  /// `Site`, or `catalog:servers`.
  public var targetKind: String
  /// Where the reference is (`spec.racks[0].servers.model`).
  public var path: String
}

/// Links references to their targets by name, and records the ones that have none.
public struct ReferenceResolver: Sendable {
  /// Per target kind, each name's position in its collection (the first, when a name repeats).
  let positions: [String: [String: Int]]
  var path: FieldPath
  public private(set) var unresolved: [UnresolvedReference] = []

  init(positions: [String: [String: Int]], path: FieldPath) {
    self.positions = positions
    self.path = path
  }

  /// The positions of `names` in their collection.
  static func index(_ names: [String]) -> [String: Int] {
    var positions: [String: Int] = [:]
    for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
    return positions
  }

  mutating func resolve<Target>(_ reference: inout Reference<Target>, field: String?) {
    let name = reference.name
    guard !name.isDefault else { return }
    if let position = positions[Target.referenceKind]?[name.value] {
      reference.target = position
      return
    }
    var where_ = path
    if let field { where_.push(.field(field)) }
    unresolved.append(
      UnresolvedReference(name: name.value, range: name.range, targetKind: Target.referenceKind, path: "\(where_)"))
  }
}
