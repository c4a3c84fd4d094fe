/// Suggests the closest known spelling for a misspelt name, the way compilers do.
public enum DidYouMean {
  /// The best candidate within a distance that scales with the word's length, or `nil`.
  public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
      if candidate == word { continue }
      let distance =
        candidate.lowercased() == lowered ? 0 : editDistance(Array(lowered.utf8), Array(candidate.lowercased().utf8))
      let limit = max(1, min(3, (max(word.count, candidate.count) + 2) / 4))
      guard distance <= limit else { continue }
      if let current = best, current.1 < distance || (current.1 == distance && current.0 < candidate) {
        continue
      }
      best = (candidate, distance)
    }
    return best?.0
  }

  /// Levenshtein distance with adjacent transpositions counted as one edit.
  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    if abs(a.count - b.count) > 3 { return abs(a.count - b.count) }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
