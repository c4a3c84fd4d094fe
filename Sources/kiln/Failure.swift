import ArgumentParser
import Foundation

/// Prints `kiln: <message>` as one line on standard error and returns the exit code to throw: usage and
/// I/O problems are one line, never a usage screen or a stack trace.
func failure(_ message: String, exit code: Int32 = 2) -> ExitCode {
  FileHandle.standardError.write(Data("kiln: \(message)\n".utf8))
  return ExitCode(code)
}
