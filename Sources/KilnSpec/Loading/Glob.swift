/// Glob patterns over project-relative paths: `*` and `?` within one segment, `**` across segments.
public struct Glob: Sendable, Hashable {
  public let pattern: String
  private let segments: [Substring]

  public init(_ pattern: String) {
    self.pattern = pattern
    var trimmed = Substring(pattern)
    while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
    segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
  }

  /// Why the pattern could reach outside the project root, or `nil` when it cannot.
  public var escapeProblem: String? {
    if pattern.hasPrefix("/") || pattern.hasPrefix("~") { return "an absolute path" }
    if segments.contains("..") { return "a '..' segment" }
    return nil
  }

  public func matches(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    return Self.match(segments[...], parts[...])
  }

  private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
    guard let head = pattern.first else { return path.isEmpty }
    if head == "**" {
      let rest = pattern.dropFirst()
      var remaining = path
      while true {
        if match(rest, remaining) { return true }
        guard !remaining.isEmpty else { return false }
        remaining = remaining.dropFirst()
      }
    }
    guard let first = path.first, matchSegment(Array(head.utf8)[...], Array(first.utf8)[...]) else { return false }
    return match(pattern.dropFirst(), path.dropFirst())
  }

  private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    // Iterative wildcard matching with backtracking on the last '*'.
    var p = pattern.startIndex
    var t = text.startIndex
    var star: Int?
    var starText = t
    while t < text.endIndex {
      if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
        p += 1
        t += 1
      } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
        star = p
        starText = t
        p += 1
      } else if let starIndex = star {
        p = starIndex + 1
        starText += 1
        t = starText
      } else {
        return false
      }
    }
    while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.endIndex
  }
}
