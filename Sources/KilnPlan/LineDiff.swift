/// A unified diff of two texts by lines (like `diff -u`), with `context` unchanged lines around each
/// change. Longest common subsequence: manifests are hundreds of lines, so O(n × m) is fine.
public enum LineDiff {
  public static func unified(_ old: String, _ new: String, context: Int = 3) -> [String] {
    func lines(_ text: String) -> [String] {
      let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
      return body.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    let a = lines(old)
    let b = lines(new)
    let n = a.count
    let m = b.count
    // lengths[i][j]: LCS of a[i...] and b[j...].
    var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    enum Line { case same(String), removed(String), added(String) }
    var lines: [Line] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, a[i] == b[j] {
        lines.append(.same(a[i]))
        i += 1
        j += 1
      } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
        lines.append(.removed(a[i]))
        i += 1
      } else {
        lines.append(.added(b[j]))
        j += 1
      }
    }
    let changed = lines.indices.filter { if case .same = lines[$0] { return false } else { return true } }
    guard !changed.isEmpty else { return [] }
    var keep = Set<Int>()
    for index in changed {
      for near in max(0, index - context)...min(lines.count - 1, index + context) { keep.insert(near) }
    }
    var out: [String] = []
    var previous = -1
    for index in keep.sorted() {
      if previous >= 0, index != previous + 1 { out.append("  …") }
      previous = index
      switch lines[index] {
      case .same(let text): out.append("  " + text)
      case .removed(let text): out.append("- " + text)
      case .added(let text): out.append("+ " + text)
      }
    }
    return out
  }
}
