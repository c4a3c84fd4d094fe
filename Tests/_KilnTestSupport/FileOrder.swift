import Foundation

/// Determinism tests: a project copied file by file in sorted order and again in reverse order, so
/// the file system hands Kiln its files in different orders.
public enum FileOrder {
  /// Runs `body` on each copy (its folder path) and returns the two results, sorted order first.
  public static func outputsInBothOrders(of source: String, tag: String, _ body: (String) throws -> String) throws
    -> [String]
  {
    let manager = FileManager.default
    let files = try manager.subpathsOfDirectory(atPath: source).filter { $0.hasSuffix(".yaml") }.sorted()
    var outputs: [String] = []
    for order in [files, files.reversed()] {
      let copy = manager.temporaryDirectory.appendingPathComponent("kiln-order-\(getpid())-\(tag)-\(outputs.count)")
      try? manager.removeItem(at: copy)
      defer { try? manager.removeItem(at: copy) }
      for file in order {
        let target = copy.appendingPathComponent(file)
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(atPath: source + "/" + file, toPath: target.path)
      }
      outputs.append(try body(copy.path))
    }
    return outputs
  }
}
