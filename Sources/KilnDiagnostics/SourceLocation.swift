/// A position in a source file: 1-based line, 1-based UTF-8 column, 0-based byte offset, and the
/// 1-based column in Unicode code points (what SARIF's `columnKind: unicodeCodePoints` means and what
/// libyaml counts).
public struct SourceLocation: Hashable, Sendable, Comparable {
  // Stored compactly: every node of a large project keeps two locations.
  private var storedLine: Int32
  private var storedColumn: Int32
  private var storedOffset: Int32
  private var storedCodePointColumn: Int32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = Int32(clamping: newValue) }
  }
  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(clamping: newValue) }
  }
  public var offset: Int {
    get { Int(storedOffset) }
    set { storedOffset = Int32(clamping: newValue) }
  }
  public var codePointColumn: Int {
    get { Int(storedCodePointColumn) }
    set { storedCodePointColumn = Int32(clamping: newValue) }
  }

  public init(line: Int, column: Int, offset: Int, codePointColumn: Int? = nil) {
    storedLine = Int32(clamping: line)
    storedColumn = Int32(clamping: column)
    storedOffset = Int32(clamping: offset)
    storedCodePointColumn = Int32(clamping: codePointColumn ?? column)
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.storedOffset < rhs.storedOffset }
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
