/// A source text with inline location markers, the convention of swift-syntax's `assertParse`: a keycap
/// emoji (`1️⃣`, `2️⃣`, …, `🔟`) stands where a diagnostic, note or edit is expected to start.
///
///     let marked = try MarkedSource("spec:\n  1️⃣pue2: 1.4\n")
///     marked.source                 // "spec:\n  pue2: 1.4\n"
///     marked.markers["1️⃣"]          // line 2, column 3, offset 8
///
/// Locations are counted in the text without markers: 1-based line, 1-based column in UTF-8 bytes and
/// 0-based byte offset, as `KilnDiagnostics.SourceLocation` counts them. Lines end at `\n`; a `\r` before
/// it is part of the line, as libyaml's columns count it.
public struct MarkedSource: Sendable {
  /// Where a marker stood in the text without markers.
  public struct Location: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
      self.line = line
      self.column = column
      self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
  }

  public struct DuplicateMarker: Error, CustomStringConvertible {
    public var marker: String
    public var description: String { "marker \(marker) occurs more than once" }
  }

  /// The text with every marker removed.
  public var source: String
  /// Each marker's location, by the marker itself ("1️⃣").
  public var markers: [String: Location]
  /// The markers in the order they occur.
  public var markerNames: [String]

  /// Parses `markedText`; a marker may occur once.
  public init(_ markedText: String) throws {
    var source = ""
    var markers: [String: Location] = [:]
    var names: [String] = []
    var line = 1
    var lineStart = 0
    var offset = 0
    for character in markedText {
      let text = String(character)
      if Self.isMarker(character) {
        guard markers[text] == nil else { throw DuplicateMarker(marker: text) }
        markers[text] = Location(line: line, column: offset - lineStart + 1, offset: offset)
        names.append(text)
        continue
      }
      source.append(character)
      // "\r\n" is one Character; the line ends after its "\n".
      for byte in text.utf8 {
        offset += 1
        if byte == UInt8(ascii: "\n") {
          line += 1
          lineStart = offset
        }
      }
    }
    self.source = source
    self.markers = markers
    self.markerNames = names
  }

  /// The location of `marker`, nil when the text has no such marker.
  public subscript(marker: String) -> Location? { markers[marker] }

  /// A keycap emoji (a character ending in U+20E3 COMBINING ENCLOSING KEYCAP, such as `1️⃣`) or `🔟`.
  public static func isMarker(_ character: Character) -> Bool {
    guard let last = character.unicodeScalars.last else { return false }
    return last.value == 0x20E3 || (character.unicodeScalars.count == 1 && last.value == 0x1F51F)
  }
}
