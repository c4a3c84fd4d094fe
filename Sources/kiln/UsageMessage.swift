import Foundation

/// swift-argument-parser's error text as one line: its list of valid values ("Please provide one of the
/// following:" and one "- value" per line) is folded into the line, and the usage screen is left out.
enum UsageMessage {
  static func oneLine(_ message: String) -> String {
    var head: [String] = []
    var values: [String] = []
    for rawLine in message.split(separator: "\n") {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      if line.hasPrefix("Usage:") || line.hasPrefix("See '") || line.hasPrefix("Help:") { break }
      if line.hasPrefix("- ") {
        values.append(String(line.dropFirst(2)))
      } else {
        var text = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
        if let range = text.range(of: "Please provide one of the following:") {
          text = String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        if !text.isEmpty { head.append(text) }
      }
    }
    var text = head.joined(separator: " ")
    if text.isEmpty { text = "invalid usage" }
    if !values.isEmpty {
      if text.hasSuffix(".") { text.removeLast() }
      text += " (valid values: \(values.joined(separator: ", ")))"
    }
    return text
  }
}
