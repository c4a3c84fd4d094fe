import Foundation
import KilnDiagnostics
import KilnDriver
import Testing

/// A note a `DiagnosticSpec` expects: its message and, when `locationMarker` is given, that it points at
/// the marker in the same file. A string literal is a note whose location is not checked.
public struct NoteSpec: Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  public var locationMarker: String?
  public var message: String

  public init(locationMarker: String? = nil, message: String) {
    self.locationMarker = locationMarker
    self.message = message
  }

  public init(stringLiteral message: String) {
    self.init(message: message)
  }

  public var description: String { (locationMarker.map { "\($0) " } ?? "") + message }
}

/// A diagnostic `assertDiagnostics` expects, in the style of swift-syntax's `DiagnosticSpec`: its code and
/// exact message, starting where `locationMarker` stands in the marked source. `fixIts` are the exact
/// fix-it messages (none when empty); `notes`, `help` and `severity` are checked only when given.
public struct DiagnosticSpec: Sendable {
  public var locationMarker: String
  public var code: String
  /// The message id under the code (`field-range` of `K2029.field-range`), when the test names it.
  public var id: String?
  public var message: String
  public var severity: Severity?
  public var notes: [NoteSpec]?
  public var help: [String]?
  public var fixIts: [String]
  /// Where the spec is written, so a mismatch points at it.
  public var sourceLocation: Testing.SourceLocation

  public init(
    locationMarker: String = "1️⃣", code: String, id: String? = nil, message: String, severity: Severity? = nil,
    notes: [NoteSpec]? = nil, help: [String]? = nil, fixIts: [String] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    self.locationMarker = locationMarker
    self.code = code
    self.id = id
    self.message = message
    self.severity = severity
    self.notes = notes
    self.help = help
    self.fixIts = fixIts
    self.sourceLocation = sourceLocation
  }
}

/// Lints a copy of `project` (a repository folder) with `markedSource`, markers removed, written as `file`
/// (added, or replacing the project's file of that name), and checks that the diagnostics located in
/// that file are exactly `expected`: each matches one diagnostic of its code and message whose range
/// starts at its marker; a diagnostic nobody expects, or an expectation nothing matches, fails with a
/// list of what Kiln reported (code, line:column, message, fix-its).
///
/// With `expectedFixedSource`, it then applies the edits of every fix-it of those diagnostics (by byte
/// offset, back to front), compares the result with `expectedFixedSource`, writes it back, lints again
/// and expects no diagnostic at all in `file` and no error anywhere in the project.
public func assertDiagnostics(
  _ markedSource: String, file: String = "spec.yaml", in project: String = "specs/examples/starter",
  expected: [DiagnosticSpec], expectedFixedSource: String? = nil,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  do {
    let marked = try MarkedSource(markedSource)
    let folder = try ProjectCopy.make(of: project, tag: "markers-" + UUID().uuidString.prefix(8))
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/" + file
    try DiagnosticCheck.write(marked.source, to: path)
    let result = try Linter().lint(folder)
    let actual = result.diagnostics.filter { $0.range.file == path }
    DiagnosticCheck.match(actual, expected, marked: marked, file: file, sourceLocation: sourceLocation)

    guard let expectedFixedSource else { return }
    let fixed: String
    do {
      fixed = try FixItApplication.apply(actual.flatMap(\.fixIts), to: marked.source, file: path)
    } catch {
      Issue.record("fix-its of \(file) cannot be applied: \(error)", sourceLocation: sourceLocation)
      return
    }
    if fixed != expectedFixedSource {
      Issue.record(
        "\(file) with its fix-its applied differs from expectedFixedSource:\n\(Golden.diff(expectedFixedSource, fixed))",
        sourceLocation: sourceLocation)
    }
    try DiagnosticCheck.write(fixed, to: path)
    let relinted = try Linter().lint(folder)
    let left = relinted.diagnostics.filter { $0.range.file == path }
    if !left.isEmpty {
      Issue.record(
        "\(file) still has diagnostics after its fix-its:\n\(DiagnosticCheck.describe(left))",
        sourceLocation: sourceLocation)
    }
    let errors = relinted.diagnostics.filter { $0.severity == .error && $0.range.file != path }
    if !errors.isEmpty {
      Issue.record(
        "the project has errors after the fix-its of \(file):\n\(DiagnosticCheck.describe(errors, in: path))",
        sourceLocation: sourceLocation)
    }
  } catch {
    Issue.record(error, sourceLocation: sourceLocation)
  }
}

/// The matching and printing behind `assertDiagnostics`.
public enum DiagnosticCheck {
  /// One line per diagnostic, `K2004 13:5: message`, with its notes, help and fix-its indented under it;
  /// a position in another file than `file` is preceded by that file's name.
  public static func describe(_ diagnostics: [Diagnostic], in file: String? = nil) -> String {
    if diagnostics.isEmpty { return "  (none)" }
    return diagnostics.map { diagnostic in
      let home = file ?? diagnostic.range.file
      var lines = ["  \(diagnostic.code.id) \(place(diagnostic.range, in: home)): \(diagnostic.message)"]
      for note in diagnostic.notes {
        lines.append(
          "      note: \(note.message)" + (note.range.map { " (\(place($0, in: diagnostic.range.file)))" } ?? ""))
      }
      for help in diagnostic.help { lines.append("      help: \(help)") }
      for fixIt in diagnostic.fixIts { lines.append("      fix-it: \(fixIt.message)") }
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// `line:column`, preceded by the file's name when it is not `file`.
  static func place(_ range: SourceRange, in file: String) -> String {
    let name = range.file == file ? "" : (range.file as NSString).lastPathComponent + ":"
    return "\(name)\(range.start.line):\(range.start.column)"
  }

  static func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static func match(
    _ actual: [Diagnostic], _ expected: [DiagnosticSpec], marked: MarkedSource, file: String,
    sourceLocation: Testing.SourceLocation
  ) {
    let sorted = actual.sorted(by: Diagnostic.renderingOrder)
    var unmatched = sorted
    let reported = "Kiln reported in \(file):\n\(describe(sorted))"
    // First the exact matches (code, message, start), then, for the specs left, the nearest diagnostic
    // of their code (the same start or the same message), reported as one mismatch rather than as a
    // missing and an unexpected diagnostic.
    var left: [(spec: DiagnosticSpec, location: MarkedSource.Location)] = []
    for spec in expected {
      guard let location = marked[spec.locationMarker] else {
        Issue.record("marker \(spec.locationMarker) is not in the source", sourceLocation: spec.sourceLocation)
        continue
      }
      if let index = unmatched.firstIndex(where: {
        $0.code.id == spec.code && $0.range.start.offset == location.offset && $0.message == spec.message
      }) {
        check(unmatched.remove(at: index), spec, at: location, marked: marked)
      } else {
        left.append((spec, location))
      }
    }
    for (spec, location) in left {
      let expectation = "\(spec.code) at \(spec.locationMarker) (\(location)): \(spec.message)"
      if let index = unmatched.firstIndex(where: {
        $0.code.id == spec.code && ($0.range.start.offset == location.offset || $0.message == spec.message)
      }) {
        let near = unmatched.remove(at: index)
        let start = near.range.start
        Issue.record(
          "expected \(expectation)\n  found \(near.code.id) at \(start.line):\(start.column): \(near.message)\n\(reported)",
          sourceLocation: spec.sourceLocation)
      } else {
        Issue.record("missing \(expectation)\n\(reported)", sourceLocation: spec.sourceLocation)
      }
    }
    if !unmatched.isEmpty {
      Issue.record(
        "unexpected diagnostics in \(file):\n\(describe(unmatched))\n\(reported)", sourceLocation: sourceLocation)
    }
  }

  /// The parts of a matched diagnostic other than code, message and start offset.
  static func check(
    _ diagnostic: Diagnostic, _ spec: DiagnosticSpec, at location: MarkedSource.Location, marked: MarkedSource
  ) {
    let start = diagnostic.range.start
    let heading = "\(spec.code) at \(spec.locationMarker)"
    if start.line != location.line || start.column != location.column {
      Issue.record(
        "\(heading) is at \(start.line):\(start.column), the marker at \(location)",
        sourceLocation: spec.sourceLocation)
    }
    if let id = spec.id, diagnostic.messageID.id != "\(spec.code).\(id)" {
      Issue.record(
        "\(heading) has message id \(diagnostic.messageID.id), expected \(spec.code).\(id)",
        sourceLocation: spec.sourceLocation)
    }
    if let severity = spec.severity, diagnostic.severity != severity {
      Issue.record(
        "\(heading) is \(diagnostic.severity.rawValue), expected \(severity.rawValue)",
        sourceLocation: spec.sourceLocation)
    }
    let fixIts = diagnostic.fixIts.map(\.message)
    if fixIts != spec.fixIts {
      Issue.record("\(heading) has fix-its \(fixIts), expected \(spec.fixIts)", sourceLocation: spec.sourceLocation)
    }
    if let help = spec.help, diagnostic.help != help {
      Issue.record("\(heading) has help \(diagnostic.help), expected \(help)", sourceLocation: spec.sourceLocation)
    }
    guard let notes = spec.notes else { return }
    let actualNotes = diagnostic.notes.map { note in
      note.message + (note.range.map { " (\(place($0, in: diagnostic.range.file)))" } ?? "")
    }
    guard diagnostic.notes.map(\.message) == notes.map(\.message) else {
      Issue.record(
        "\(heading) has notes \(actualNotes), expected \(notes.map(\.description))",
        sourceLocation: spec.sourceLocation)
      return
    }
    for (note, noteSpec) in zip(diagnostic.notes, notes) {
      guard let marker = noteSpec.locationMarker else { continue }
      guard let noteLocation = marked[marker] else {
        Issue.record("marker \(marker) is not in the source", sourceLocation: spec.sourceLocation)
        continue
      }
      guard let range = note.range, range.file == diagnostic.range.file, range.start.offset == noteLocation.offset
      else {
        Issue.record(
          "\(heading): note '\(note.message)' is at \(note.range.map { place($0, in: diagnostic.range.file) } ?? "no location"), expected \(marker) (\(noteLocation))",
          sourceLocation: spec.sourceLocation)
        continue
      }
    }
  }
}

/// Applying fix-its to source text: their edits, by byte offset, back to front.
public enum FixItApplication {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
      self.description = description
    }
  }

  /// Whether two edits touch the same text: their ranges overlap, or they start at the same offset (two
  /// insertions at one point have no defined order).
  public static func overlap(_ lhs: TextEdit, _ rhs: TextEdit) -> Bool {
    guard lhs.range.file == rhs.range.file else { return false }
    let (a, b) = (lhs.range.start.offset, lhs.range.end.offset)
    let (c, d) = (rhs.range.start.offset, rhs.range.end.offset)
    return a == c || (a < d && c < b)
  }

  /// The fix-its in order, without any whose edits overlap an edit of one kept before it.
  public static func nonOverlapping(_ fixIts: [FixIt]) -> (kept: [FixIt], dropped: [FixIt]) {
    var kept: [FixIt] = []
    var dropped: [FixIt] = []
    for fixIt in fixIts {
      let clashes = fixIt.edits.contains { edit in
        kept.contains { $0.edits.contains { overlap($0, edit) } }
          || fixIt.edits.contains { $0 != edit && overlap($0, edit) }
      }
      if clashes { dropped.append(fixIt) } else { kept.append(fixIt) }
    }
    return (kept, dropped)
  }

  /// `text` (the contents of `file`) with every edit of `fixIts` applied. Throws when an edit is in
  /// another file, lies outside the text or overlaps another edit.
  public static func apply(_ fixIts: [FixIt], to text: String, file: String) throws -> String {
    let edits = fixIts.flatMap(\.edits)
    if let elsewhere = edits.first(where: { $0.range.file != file }) {
      throw Failure(description: "an edit is in \(elsewhere.range.file), not \(file)")
    }
    for (index, edit) in edits.enumerated() {
      if let other = edits[(index + 1)...].first(where: { overlap($0, edit) }) {
        throw Failure(description: "edits overlap: \(describe(edit)) and \(describe(other))")
      }
    }
    return String(decoding: try apply(edits, to: Array(text.utf8)), as: UTF8.self)
  }

  /// `bytes` with `edits` (which must not overlap) applied, back to front.
  public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) throws -> [UInt8] {
    var result = bytes
    for edit in edits.sorted(by: { $0.range.start.offset > $1.range.start.offset }) {
      let start = edit.range.start.offset
      let end = edit.range.end.offset
      guard 0 <= start, start <= end, end <= result.count else {
        throw Failure(description: "\(describe(edit)) lies outside the \(result.count) bytes of the file")
      }
      result.replaceSubrange(start..<end, with: Array(edit.replacement.utf8))
    }
    return result
  }

  /// Where the byte at `offset` of the original text is once `edits` are applied: shifted by the edits
  /// before it; inside an edit, the start of its replacement.
  public static func offset(_ offset: Int, after edits: [TextEdit]) -> Int {
    if let containing = edits.first(where: { $0.range.start.offset < offset && offset < $0.range.end.offset }) {
      return containing.range.start.offset + change(before: containing.range.start.offset, edits)
    }
    return offset + change(before: offset, edits)
  }

  /// How many bytes the edits that end at or before `offset` add (or remove, when negative).
  private static func change(before offset: Int, _ edits: [TextEdit]) -> Int {
    edits.filter { $0.range.start.offset < offset && $0.range.end.offset <= offset }.reduce(0) {
      $0 + $1.replacement.utf8.count - ($1.range.end.offset - $1.range.start.offset)
    }
  }

  public static func describe(_ edit: TextEdit) -> String {
    "\(edit.range.start.line):\(edit.range.start.column)-\(edit.range.end.line):\(edit.range.end.column) → '\(edit.replacement)'"
  }
}
