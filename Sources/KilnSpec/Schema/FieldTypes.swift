/// Field types and ranges the kinds' tables share.
public enum FieldTypes {
  /// The field that names an entry of a list (rack groups, queues, serving entries, catalog entries),
  /// and every object in its metadata: lists keyed by it are diffed and merged by name.
  public static let entryName = "name"
  public static let percent = FieldType.quantity([.percent])
  public static let money = FieldType.quantity([.money])
  public static let power = FieldType.quantity([.power])
  public static let dataSize = FieldType.quantity([.dataSize])
  public static let bandwidth = FieldType.quantity([.bandwidth])
  public static let duration = FieldType.quantity([.time])
  /// A parallel degree: the largest published jobs use a few thousand GPUs per dimension.
  public static let degree = FieldRange.atMost(65_536, "65,536", positive: true)
  public static let replicas = FieldRange.atMost(1_000_000, "1,000,000")
}

/// The key and value of a Kubernetes node label.
public struct NodeLabel: SpecRecord, Hashable {
  public var key: Located<String> = .placeholder
  public var value: Located<String> = .placeholder

  public init() {}

  public static let table = FieldTable<NodeLabel>(
    "A Kubernetes node label.",
    [
      .field("key", .text, \.key, required: true, "label key"),
      .field("value", .text, \.value, required: true, "label value"),
    ])

  public static func == (lhs: NodeLabel, rhs: NodeLabel) -> Bool {
    lhs.key.value == rhs.key.value && lhs.value.value == rhs.value.value
  }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(key.value)
    hasher.combine(value.value)
  }
}
