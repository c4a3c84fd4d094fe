import KilnDiagnostics
import KilnSupport
import KilnYAML

/// The messages of `ScalarTyping`: one scalar read as its field's type says.
enum ScalarMessage: DiagnosticMessage {
  case invalidName(name: String, path: FieldPath, problem: String)
  case invalidChoice(value: String, path: FieldPath)
  case quotedBoolean(path: FieldPath, value: String)
  case notBoolean(path: FieldPath, value: String)
  case noValue(path: FieldPath)
  case ambiguousText(path: FieldPath, value: String, implicit: YAMLCoreSchema.ImplicitType)
  case emptyText(path: FieldPath)
  case malformedNumber(value: String, path: FieldPath, expected: String)
  case numberTooLong(path: FieldPath, digits: Int)
  case notFinite(path: FieldPath, value: String)
  case negative(path: FieldPath)
  case missingUnit(path: FieldPath, expected: String)
  case unknownUnit(unit: String, value: String, path: FieldPath)
  case notInteger(path: FieldPath, value: String)
  case percentAbove100(path: FieldPath, value: String)
  case percentWithoutSign(path: FieldPath)
  case wrongDimension(path: FieldPath, expected: String, value: String, found: Dimension)
  case aboveDimensionMaximum(path: FieldPath, value: String, dimension: Dimension)
  case invalidPercentRatio(path: FieldPath, value: String)
  case invalidRatio(path: FieldPath, value: String)

  enum ID {
    static let invalidName = MessageID(SpecCodes.invalidName, "scalar-name", "invalid name NAME for PATH: PROBLEM")
    static let invalidChoice = MessageID(
      SpecCodes.invalidChoice, "scalar-choice", "VALUE is not one of the values allowed for PATH")
    static let quotedBoolean = MessageID(
      SpecCodes.wrongNodeType, "scalar-quoted-boolean",
      "PATH must be true or false without quotes, found the text VALUE")
    static let notBoolean = MessageID(
      SpecCodes.wrongNodeType, "scalar-not-boolean", "PATH must be true or false, found VALUE")
    static let noValue = MessageID(SpecCodes.wrongNodeType, "scalar-no-value", "PATH has no value")
    static let ambiguousText = MessageID(
      SpecCodes.ambiguousScalar, "scalar-implicit-type", "PATH is text, but YAML 1.2 reads VALUE as TYPE")
    static let emptyText = MessageID(SpecCodes.wrongNodeType, "scalar-empty", "PATH cannot be empty")
    static let malformedNumber = MessageID(
      SpecCodes.invalidNumber, "scalar-malformed-number", "VALUE is not a valid value for PATH; expected EXPECTED")
    static let numberTooLong = MessageID(
      SpecCodes.invalidNumber, "scalar-number-too-long",
      "the number for PATH has DIGITS characters, more than Kiln reads")
    static let notFinite = MessageID(
      SpecCodes.invalidNumber, "scalar-not-finite", "PATH overflows: VALUE is not a finite number")
    static let negative = MessageID(SpecCodes.negativeValue, "scalar-negative", "PATH cannot be negative")
    static let missingUnit = MessageID(
      SpecCodes.missingUnit, "scalar-missing-unit", "PATH needs a unit; expected EXPECTED")
    static let unknownUnit = MessageID(
      SpecCodes.unknownUnit, "scalar-unknown-unit", "unknown unit UNIT in VALUE for PATH")
    static let notInteger = MessageID(
      SpecCodes.notInteger, "scalar-not-whole", "PATH must be a whole number, found VALUE")
    static let percentAbove100 = MessageID(
      SpecCodes.invalidValue, "scalar-percent-above-100", "PATH is VALUE; a percentage here is at most 100%")
    static let percentWithoutSign = MessageID(
      SpecCodes.percentRequired, "scalar-percent-sign", "PATH is a percentage and needs '%'")
    static let wrongDimension = MessageID(
      SpecCodes.wrongDimension, "scalar-dimension", "PATH expects EXPECTED, but VALUE is DIMENSION")
    static let aboveDimensionMaximum = MessageID(
      SpecCodes.invalidValue, "scalar-dimension-maximum",
      "PATH is VALUE, above the largest value Kiln accepts for DIMENSION (MAXIMUM)")
    static let invalidPercentRatio = MessageID(
      SpecCodes.invalidValue, "scalar-percent-ratio",
      "PATH must be a ratio such as \"2:1\" or a positive percentage, found VALUE")
    static let invalidRatio = MessageID(
      SpecCodes.invalidValue, "scalar-ratio", "PATH must be a ratio down:up such as \"2:1\", found VALUE")
  }

  static let all = [
    ID.invalidName, ID.invalidChoice, ID.quotedBoolean, ID.notBoolean, ID.noValue, ID.ambiguousText, ID.emptyText,
    ID.malformedNumber, ID.numberTooLong, ID.notFinite, ID.negative, ID.missingUnit, ID.unknownUnit, ID.notInteger,
    ID.percentAbove100, ID.percentWithoutSign, ID.wrongDimension, ID.aboveDimensionMaximum, ID.invalidPercentRatio,
    ID.invalidRatio,
  ]

  var id: MessageID {
    switch self {
    case .invalidName: ID.invalidName
    case .invalidChoice: ID.invalidChoice
    case .quotedBoolean: ID.quotedBoolean
    case .notBoolean: ID.notBoolean
    case .noValue: ID.noValue
    case .ambiguousText: ID.ambiguousText
    case .emptyText: ID.emptyText
    case .malformedNumber: ID.malformedNumber
    case .numberTooLong: ID.numberTooLong
    case .notFinite: ID.notFinite
    case .negative: ID.negative
    case .missingUnit: ID.missingUnit
    case .unknownUnit: ID.unknownUnit
    case .notInteger: ID.notInteger
    case .percentAbove100: ID.percentAbove100
    case .percentWithoutSign: ID.percentWithoutSign
    case .wrongDimension: ID.wrongDimension
    case .aboveDimensionMaximum: ID.aboveDimensionMaximum
    case .invalidPercentRatio: ID.invalidPercentRatio
    case .invalidRatio: ID.invalidRatio
    }
  }

  var text: String {
    switch self {
    case .invalidName(let value, let path, let problem): "invalid name '\(value)' for '\(path)': \(problem)"
    case .invalidChoice(let text, let path): "'\(text)' is not a valid value for '\(path)'"
    case .quotedBoolean(let path, let text):
      "'\(path)' must be true or false without quotes, found the text \"\(text)\""
    case .notBoolean(let path, let text): "'\(path)' must be true or false, found '\(text)'"
    case .noValue(let path): "'\(path)' has no value"
    case .ambiguousText(let path, let text, let implicit):
      "'\(path)' is text, but YAML 1.2 reads \(text) as \(ScalarTyping.article(implicit))"
    case .emptyText(let path): "'\(path)' cannot be empty"
    case .malformedNumber(let text, let path, let expected):
      "'\(text)' is not a valid value for '\(path)'; expected \(expected)"
    case .numberTooLong(let path, let digits):
      "the number for '\(path)' has \(digits) characters; Kiln reads at most \(QuantityParser.maximumNumberLength)"
    case .notFinite(let path, let text): "'\(path)' overflows: \(ScalarTyping.clip(text)) is not a finite number"
    case .negative(let path): "'\(path)' cannot be negative"
    case .missingUnit(let path, let expected): "'\(path)' needs a unit; expected \(expected)"
    case .unknownUnit(let unit, let text, let path):
      "unknown unit '\(unit)' in '\(ScalarTyping.clip(text))' for '\(path)'"
    case .notInteger(let path, let text): "'\(path)' must be a whole number, found \(text)"
    case .percentAbove100(let path, let text): "'\(path)' is \(text); a percentage here is at most 100%"
    case .percentWithoutSign(let path): "'\(path)' is a percentage and needs '%'"
    case .wrongDimension(let path, let expected, let text, let dimension):
      "'\(path)' expects \(expected), but \(text) is \(dimension.displayName)"
    case .aboveDimensionMaximum(let path, let text, let dimension):
      "'\(path)' is \(ScalarTyping.clip(text)), above the largest value Kiln accepts for \(dimension.displayName) (\(dimension.maximum.text))"
    case .invalidPercentRatio(let path, let text):
      "'\(path)' must be a ratio such as \"2:1\" or a positive percentage, found '\(ScalarTyping.clip(text))'"
    case .invalidRatio(let path, let text):
      "'\(path)' must be a ratio down:up such as \"2:1\", found '\(ScalarTyping.clip(text))'"
    }
  }
}
