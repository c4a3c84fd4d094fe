import KilnDiagnostics

/// `Policy`: per check id, the severity and thresholds a rule sets.
public struct PolicySpec: SpecRecord {
  public enum SeveritySetting: String, ChoiceValue {
    case error, warning, note, off

    /// nil for `off`.
    public var severity: Severity? { Severity(rawValue: rawValue) }
  }

  public struct Rule: SpecRecord {
    public var check: Located<String> = .placeholder
    /// `nil`: the check's default.
    public var severity: Located<SeveritySetting>?
    public var min: Located<String>?
    public var max: Located<String>?
    public var capex: Located<Double>?
    public var monthlyOpex: Located<Double>?
    public var tco: Located<Double>?
    /// The keys the rule sets, with their ranges, for checks of which settings a check takes.
    public var settings: [(name: String, range: SourceRange)] = []

    public init() {}

    public mutating func decoded(from node: SpecNode) { settings = node.fields.map { ($0.name, $0.keyRange) } }

    public static let table = FieldTable<Rule>(
      "Configuration of one built-in check.",
      [
        .field("check", .text, \.check, required: true, "which check ([section 9](#9-policy-checks))"),
        .field(
          severityName, SeveritySetting.fieldType, \.severity,
          "the severity of the check's diagnostics. `off` disables the check. Another word (`warn`) is K2008"),
        .field(minimumName, .scalar, \.min, "lower threshold, for the checks that take one; typed by the check"),
        .field(maximumName, .scalar, \.max, "upper threshold, for the checks that take one; typed by the check"),
        .field("capex", FieldTypes.money, \.capex, "`budget` only: maximum capex"),
        .field(
          "monthlyOpex", .quantity([.monthlyPrice, .money]), \.monthlyOpex,
          "`budget` only: maximum monthly opex (`$6M` or `$6M/month`)"),
        .field(
          "tco", FieldTypes.money, \.tco,
          "`budget` only: maximum TCO over `lifetime` (a Kiln addition to the v1 contract)"),
      ])

    /// A threshold a check reads.
    public enum Bound: Sendable { case minimum, maximum }

    /// The settings only some checks take, by name: thresholds, and the budget's limits.
    public static let minimumName = "min"
    public static let maximumName = "max"
    public static let severityName = "severity"
    /// The budget's limits: the rule's money fields.
    public static var budgetNames: [String] {
      table.schema.fields.compactMap { field in
        guard case .quantity = field.type else { return nil }
        return field.name
      }
    }
  }

  public var name = ""
  public var rules: [Rule] = []

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
  }

  public func rule(_ check: String) -> Rule? { rules.first { $0.check.value == check } }

  public static let table = FieldTable<PolicySpec>(
    "Configuration of Kiln's checks; at most one per project.",
    [.records("rules", \.rules, required: true, "one entry per configured check")])
}
