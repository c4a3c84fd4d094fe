/// DNS-1123 labels: the names of Kiln objects, because they become Kubernetes object names.
public enum DNSLabel {
  public static let maximumLength = 63

  /// Why `name` is not a DNS-1123 label, or `nil` when it is one.
  public static func problem(_ name: String) -> String? {
    if name.isEmpty { return "a name cannot be empty" }
    if name.utf8.count > maximumLength { return "longer than \(maximumLength) characters" }
    for byte in name.utf8 where !(isLowerAlphanumeric(byte) || byte == UInt8(ascii: "-")) {
      return "only lower-case letters, digits and '-' are allowed"
    }
    if let first = name.utf8.first, !isLowerAlphanumeric(first) { return "must start with a letter or digit" }
    if let last = name.utf8.last, !isLowerAlphanumeric(last) { return "must end with a letter or digit" }
    return nil
  }

  /// A valid label close to `name` (`Train_H800` → `train-h800`).
  public static func suggestion(_ name: String) -> String? {
    var out = ""
    for character in name.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        out.append(character)
      } else if !out.isEmpty && out.last != "-" {
        out.append("-")
      }
    }
    while out.last == "-" { out.removeLast() }
    out = String(out.prefix(maximumLength))
    while out.last == "-" { out.removeLast() }
    // A suggestion that drops most of the name (`ünï` → `n`) helps nobody.
    return out.isEmpty || out == name || out.count * 2 < name.count ? nil : out
  }

  private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
    (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
  }
}
