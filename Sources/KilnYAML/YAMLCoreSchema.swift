/// The YAML 1.2 core schema's implicit types of plain scalars. Kiln never applies them to values, but
/// a string field given a plain scalar that a YAML 1.2 reader would take as a number, boolean or
/// null is an error (the user meant something else, or another tool would read something else).
public enum YAMLCoreSchema {
  public enum ImplicitType: String, Sendable {
    case null
    case bool
    case int
    case float
  }

  public static func implicitType(of text: String) -> ImplicitType? {
    // Most text starts with a letter that no number, boolean or null can start with.
    if let first = text.utf8.first {
      switch first {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "~"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
        UInt8(ascii: "n"), UInt8(ascii: "N"):
        break
      default:
        return nil
      }
    }
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE", "false", "False", "FALSE": return .bool
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
      return .float
    default: break
    }
    let bytes = Array(text.utf8)
    if isInteger(bytes) { return .int }
    if isFloat(bytes) { return .float }
    return nil
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private static func isInteger(_ bytes: [UInt8]) -> Bool {
    guard !bytes.isEmpty else { return false }
    if bytes.count > 2, bytes[0] == 0x30, bytes[1] == UInt8(ascii: "o") {
      return bytes[2...].allSatisfy { $0 >= 0x30 && $0 <= 0x37 }
    }
    if bytes.count > 2, bytes[0] == 0x30, bytes[1] == UInt8(ascii: "x") {
      return bytes[2...].allSatisfy { isDigit($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
    }
    var digits = bytes[...]
    if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      digits = digits.dropFirst()
    }
    return !digits.isEmpty && digits.allSatisfy(isDigit)
  }

  /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
  private static func isFloat(_ bytes: [UInt8]) -> Bool {
    var index = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
    var integerDigits = 0
    while index < bytes.count, isDigit(bytes[index]) {
      index += 1
      integerDigits += 1
    }
    var fractionDigits = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < bytes.count, isDigit(bytes[index]) {
        index += 1
        fractionDigits += 1
      }
    }
    guard integerDigits > 0 || fractionDigits > 0 else { return false }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
      var exponentDigits = 0
      while index < bytes.count, isDigit(bytes[index]) {
        index += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return false }
    }
    return index == bytes.count
  }
}
