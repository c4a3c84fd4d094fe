import KilnDiagnostics

/// The messages of `PolicyRuleCheck`.
enum PolicyRuleMessage: DiagnosticMessage {
  case unknownCheck(check: String)
  case checkTwice(check: String)
  case settingNotTaken(check: String, setting: String)
  case ratioExpected(setting: String, check: String, found: String)
  case quantityExpected(setting: String, check: String, dimensions: [Dimension], found: String)

  enum ID {
    static let unknownCheck = MessageID(SpecCodes.unknownCheck, "policy-unknown-check", "unknown check 'CHECK'")
    static let checkTwice = MessageID(
      SpecCodes.duplicateEntry, "policy-check-twice", "check 'CHECK' is configured twice in a Policy")
    static let settingNotTaken = MessageID(
      SpecCodes.invalidCheckSetting, "policy-setting-not-taken", "check 'CHECK' takes no 'SETTING'")
    static let ratioExpected = MessageID(
      SpecCodes.invalidCheckSetting, "policy-setting-ratio", "'SETTING' of check 'CHECK' is a ratio, found 'VALUE'")
    static let quantityExpected = MessageID(
      SpecCodes.invalidCheckSetting, "policy-setting-quantity",
      "'SETTING' of check 'CHECK' must be a DIMENSION, found 'VALUE'")
  }

  static let all = [ID.unknownCheck, ID.checkTwice, ID.settingNotTaken, ID.ratioExpected, ID.quantityExpected]

  var id: MessageID {
    switch self {
    case .unknownCheck: ID.unknownCheck
    case .checkTwice: ID.checkTwice
    case .settingNotTaken: ID.settingNotTaken
    case .ratioExpected: ID.ratioExpected
    case .quantityExpected: ID.quantityExpected
    }
  }

  var text: String {
    switch self {
    case .unknownCheck(let check): "unknown check '\(check)'"
    case .checkTwice(let check): "check '\(check)' is configured twice"
    case .settingNotTaken(let check, let setting): "check '\(check)' takes no '\(setting)'"
    case .ratioExpected(let setting, let check, let found):
      "'\(setting)' of check '\(check)' is a ratio such as \"2:1\", found '\(found)'"
    case .quantityExpected(let setting, let check, let dimensions, let found):
      "'\(setting)' of check '\(check)' must be \(dimensions.map { "\($0.displayName) (e.g. \($0.example))" }.joined(separator: " or ")), found '\(found)'"
    }
  }
}
