/// The text of one input file with a line table, so positions can be converted between byte offsets,
/// UTF-8 columns and code-point columns once, here, and nowhere else.
public struct SourceFile: Sendable {
  public let path: String
  public let bytes: [UInt8]
  /// Byte offset of the first byte of each line.
  public let lineStarts: [Int]
  /// Whether every byte is ASCII, so code-point offsets equal byte offsets.
  public let isASCII: Bool

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
    var starts = [0]
    var ascii = true
    bytes.withUnsafeBufferPointer { buffer in
      for index in 0..<buffer.count {
        let byte = buffer[index]
        if byte == 0x0A {
          starts.append(index + 1)
        } else if byte >= 0x80 {
          ascii = false
        }
      }
    }
    self.lineStarts = starts
    self.isASCII = ascii
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// The location of a byte offset.
  public func location(atByte offset: Int) -> SourceLocation {
    let clamped = max(0, min(offset, bytes.count))
    let lineIndex = lineIndexForByte(clamped)
    let start = lineStarts[lineIndex]
    let codePoints = isASCII ? clamped - start : codePointCount(from: start, to: clamped)
    return SourceLocation(
      line: lineIndex + 1, column: clamped - start + 1, offset: clamped, codePointColumn: codePoints + 1)
  }

  /// The location of a 0-based line and 0-based code-point column, as libyaml reports them.
  public func location(line: Int, codePointColumn: Int) -> SourceLocation {
    guard !lineStarts.isEmpty else { return SourceLocation(line: 1, column: 1, offset: 0) }
    let lineIndex = max(0, min(line, lineStarts.count - 1))
    let start = lineStarts[lineIndex]
    var offset = start
    if isASCII {
      offset = min(start + codePointColumn, bytes.count)
    } else {
      var remaining = codePointColumn
      while remaining > 0, offset < bytes.count {
        offset += 1
        while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
        remaining -= 1
      }
    }
    return SourceLocation(
      line: lineIndex + 1, column: offset - start + 1, offset: offset, codePointColumn: codePointColumn + 1)
  }

  /// The text of a 1-based line, without its line break.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  public func range(fromByte start: Int, toByte end: Int) -> SourceRange {
    SourceRange(file: path, start: location(atByte: start), end: location(atByte: end))
  }

  private func lineIndexForByte(_ offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  private func codePointCount(from start: Int, to end: Int) -> Int {
    var count = 0
    var index = start
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }
}
