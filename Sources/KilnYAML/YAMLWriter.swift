internal import CLibYAML
import KilnDiagnostics
import KilnSupport

/// Writes documents with libyaml's emitter (block style, keys in the order given). libyaml writes any
/// scalar plain when the syntax allows — `NO`, `1.30`, `on`, `~` included — so Kiln decides the style:
/// a string that YAML 1.1 or 1.2 would read as anything but that string is double-quoted.
public struct YAMLWriter: Sendable {
  public init() {}

  public enum WriteError: Error, Sendable {
    case emitter(String)
  }

  /// The documents as one YAML stream, each starting with `---`.
  public func write(_ documents: [JSONValue]) throws(WriteError) -> String {
    let output = OutputBuffer()
    var emitter = yaml_emitter_t()
    guard yaml_emitter_initialize(&emitter) == 1 else { throw .emitter("cannot initialize the YAML emitter") }
    defer { yaml_emitter_delete(&emitter) }
    yaml_emitter_set_output(
      &emitter,
      { context, buffer, size in
        guard let context, let buffer else { return 0 }
        Unmanaged<OutputBuffer>.fromOpaque(context).takeUnretainedValue().bytes.append(
          contentsOf: UnsafeBufferPointer(start: buffer, count: size))
        return 1
      }, Unmanaged.passUnretained(output).toOpaque())
    yaml_emitter_set_unicode(&emitter, 1)
    yaml_emitter_set_width(&emitter, -1)
    yaml_emitter_set_indent(&emitter, 2)
    // The session works on the emitter in place: libyaml's state must never be copied.
    try withUnsafeMutablePointer(to: &emitter) { pointer throws(WriteError) in
      var session = EmitterSession(emitter: pointer)
      try session.emit { event in yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING) }
      for document in documents {
        try session.emit { event in yaml_document_start_event_initialize(&event, nil, nil, nil, 0) }
        try session.value(document)
        try session.emit { event in yaml_document_end_event_initialize(&event, 1) }
      }
      try session.emit { event in yaml_stream_end_event_initialize(&event) }
    }
    withExtendedLifetime(output) {}
    return String(decoding: output.bytes, as: UTF8.self)
  }

  /// Whether a plain scalar would be read as something other than this string by a YAML 1.1 or 1.2
  /// reader, or could not be written plain at all.
  public static func needsQuotes(_ text: String) -> Bool {
    if text.isEmpty || YAMLCoreSchema.implicitType(of: text) != nil { return true }
    if yaml11Words.contains(text) { return true }
    // YAML 1.1 numbers: sexagesimal (1:30), binary (0b101), underscores (1_000), leading-dot floats.
    let bytes = Array(text.utf8)
    let numeric = bytes.allSatisfy {
      ($0 >= 0x30 && $0 <= 0x39) || [0x2B, 0x2D, 0x2E, 0x3A, 0x5F, 0x65, 0x45].contains($0)
    }
    if numeric, bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
    if text.hasPrefix("0b") || text.hasPrefix("0x") || text.hasPrefix("0o") { return true }
    // Indicators and spacing that a plain scalar cannot start or end with.
    guard let first = text.first, let last = text.last else { return true }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first == " " || last == " " || last == ":" { return true }
    if text.contains(": ") || text.contains(" #") || text.contains("\n") || text.contains("\t") { return true }
    return false
  }

  /// Booleans and nulls of YAML 1.1 that YAML 1.2's core schema reads as strings.
  static let yaml11Words: Set<String> = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
  ]
}

/// Collects the emitter's output (a class: libyaml calls back with a raw context pointer).
private final class OutputBuffer {
  var bytes: [UInt8] = []
}

/// Emits events, turning libyaml failures into errors.
private struct EmitterSession {
  let emitter: UnsafeMutablePointer<yaml_emitter_t>

  mutating func emit(_ make: (inout yaml_event_t) -> Int32) throws(YAMLWriter.WriteError) {
    var event = yaml_event_t()
    guard make(&event) == 1 else { throw .emitter("cannot create a YAML event") }
    guard yaml_emitter_emit(emitter, &event) == 1 else {
      let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
      throw .emitter(problem)
    }
  }

  mutating func scalar(_ text: String, style: yaml_scalar_style_t) throws(YAMLWriter.WriteError) {
    var bytes = Array(text.utf8)
    let count = bytes.count
    let plainImplicit: Int32 = style == YAML_PLAIN_SCALAR_STYLE ? 1 : 0
    try bytes.withUnsafeMutableBufferPointer { buffer throws(YAMLWriter.WriteError) in
      let pointer = buffer.baseAddress
      try emit { event in
        yaml_scalar_event_initialize(&event, nil, nil, pointer, Int32(count), plainImplicit, 1, style)
      }
    }
  }

  mutating func value(_ value: JSONValue) throws(YAMLWriter.WriteError) {
    switch value {
    case .null: try scalar("null", style: YAML_PLAIN_SCALAR_STYLE)
    case .bool(let flag): try scalar(flag ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE)
    case .int(let number): try scalar(String(number), style: YAML_PLAIN_SCALAR_STYLE)
    case .double(let number): try scalar(JSONValue.format(number), style: YAML_PLAIN_SCALAR_STYLE)
    case .string(let text):
      try scalar(text, style: YAMLWriter.needsQuotes(text) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE)
    case .array(let items):
      try emit { event in yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE) }
      for item in items { try self.value(item) }
      try emit { event in yaml_sequence_end_event_initialize(&event) }
    case .object(let members):
      try emit { event in yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
      for (key, item) in members {
        try scalar(key, style: YAMLWriter.needsQuotes(key) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE)
        try self.value(item)
      }
      try emit { event in yaml_mapping_end_event_initialize(&event) }
    }
  }
}
