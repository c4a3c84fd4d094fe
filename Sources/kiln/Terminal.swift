import Foundation

/// Facts about where output goes.
enum Terminal {
  /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
  static func useColor() -> Bool {
    if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
    return isatty(STDOUT_FILENO) == 1
  }

  static func currentDirectoryURI() -> String? {
    let path = FileManager.default.currentDirectoryPath
    guard !path.isEmpty else { return nil }
    return URL(fileURLWithPath: path, isDirectory: true).absoluteString
  }
}
