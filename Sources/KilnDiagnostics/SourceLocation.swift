/// A position in a source file: 1-based line, 1-based UTF-8 column, 0-based byte offset, and the
/// 1-based column in Unicode code points (what SARIF's `columnKind: unicodeCodePoints` means and what
/// libyaml counts).
public struct SourceLocation: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int
  public var offset: Int
  public var codePointColumn: Int

  public init(line: Int, column: Int, offset: Int, codePointColumn: Int? = nil) {
    self.line = line
    self.column = column
    self.offset = offset
    self.codePointColumn = codePointColumn ?? column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open range in one file.
public struct SourceRange: Hashable, Sendable {
  /// The file's path as it is displayed (relative to the current directory where possible).
  public var file: String
  public var start: SourceLocation
  public var end: SourceLocation

  public init(file: String, start: SourceLocation, end: SourceLocation) {
    self.file = file
    self.start = start
    self.end = end < start ? start : end
  }

  /// A range for a file as a whole, used when a problem has no better position.
  public static func wholeFile(_ file: String) -> SourceRange {
    let origin = SourceLocation(line: 1, column: 1, offset: 0)
    return SourceRange(file: file, start: origin, end: origin)
  }
}
