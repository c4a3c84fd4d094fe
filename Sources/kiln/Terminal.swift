import Foundation

/// Facts about where output goes.
enum Terminal {
  static func currentDirectoryURI() -> String? {
    let path = FileManager.default.currentDirectoryPath
    guard !path.isEmpty else { return nil }
    return URL(fileURLWithPath: path, isDirectory: true).absoluteString
  }
}
