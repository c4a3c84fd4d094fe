import KilnDiagnostics
import KilnSupport

/// One Kubernetes object to create, update or delete, with a unified diff of an update.
public struct ManifestChange: Sendable {
  public enum Action: String, Sendable { case create, update, delete }
  public var action: Action
  /// `Kind namespace/name`, or `Kind name` for a cluster-scoped object.
  public var object: String
  public var diff: [String]
}

/// Compares two sets of generated objects by kind, namespace and name.
public enum ManifestDiff {
  /// `render` turns one object into YAML text (the backend's writer), so diffs read like the files.
  public static func diff(
    base: [JSONValue], head: [JSONValue], render: (JSONValue) -> String
  ) -> [ManifestChange] {
    var changes: [ManifestChange] = []
    for (key, old, new) in KeyedJoin.pairs(base, head, key: identity) {
      switch (old, new) {
      case (nil, .some): changes.append(ManifestChange(action: .create, object: key, diff: []))
      case (.some, nil): changes.append(ManifestChange(action: .delete, object: key, diff: []))
      case (let old?, let new?) where old != new:
        changes.append(
          ManifestChange(action: .update, object: key, diff: LineDiff.unified(render(old), render(new))))
      default: break
      }
    }
    return changes
  }

  static func identity(_ object: JSONValue) -> String {
    func member(_ value: JSONValue, _ name: String) -> JSONValue? {
      if case .object(let members) = value { return members.first { $0.0 == name }?.1 }
      return nil
    }
    func text(_ value: JSONValue?) -> String? {
      if case .string(let text)? = value { return text }
      return nil
    }
    let kind = text(member(object, "kind")) ?? "?"
    let metadata = member(object, "metadata") ?? .null
    let name = text(member(metadata, "name")) ?? "?"
    if let namespace = text(member(metadata, "namespace")) { return "\(kind) \(namespace)/\(name)" }
    return "\(kind) \(name)"
  }
}
