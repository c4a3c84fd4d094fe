import KilnDiagnostics

/// The messages of `YAMLParser`: text that is not well-formed YAML, and the bounds Kiln puts on it.
enum YAMLParserMessage: DiagnosticMessage {
  case nulByte
  case invalidUTF8(byte: UInt8)
  case undefinedAlias(name: String)
  case aliasBomb(limit: Int)
  case nestingTooDeep(limit: Int)
  case invalidMerge
  case duplicateKey(key: String)
  case readerError(problem: String)
  case syntaxError(problem: String)

  enum ID {
    static let nulByte = MessageID(YAMLCodes.nulByte, "yaml-nul-byte", "a file contains a NUL byte")
    static let invalidUTF8 = MessageID(YAMLCodes.invalidUTF8, "yaml-invalid-utf8", "the byte BYTE is not valid UTF-8")
    static let undefinedAlias = MessageID(
      YAMLCodes.undefinedAlias, "yaml-alias-without-anchor", "alias *NAME refers to no anchor defined before it")
    static let aliasBomb = MessageID(
      YAMLCodes.aliasBomb, "yaml-alias-expansion", "aliases in a document expand to more than LIMIT nodes")
    static let nestingTooDeep = MessageID(
      YAMLCodes.nestingTooDeep, "yaml-nesting-depth", "collections nest deeper than LIMIT levels")
    static let invalidMerge = MessageID(
      YAMLCodes.invalidMerge, "yaml-merge-value", "the value of a merge key is not a mapping or a list of mappings")
    static let duplicateKey = MessageID(YAMLCodes.duplicateKey, "yaml-duplicate-key", "duplicate key KEY in a mapping")
    static let readerError = MessageID(
      YAMLCodes.syntaxError, "yaml-reader-error", "libyaml cannot read the file's text: PROBLEM")
    static let syntaxError = MessageID(YAMLCodes.syntaxError, "yaml-syntax", "YAML syntax error: PROBLEM")
  }

  static let all = [
    ID.nulByte, ID.invalidUTF8, ID.undefinedAlias, ID.aliasBomb, ID.nestingTooDeep, ID.invalidMerge, ID.duplicateKey,
    ID.readerError, ID.syntaxError,
  ]

  var id: MessageID {
    switch self {
    case .nulByte: ID.nulByte
    case .invalidUTF8: ID.invalidUTF8
    case .undefinedAlias: ID.undefinedAlias
    case .aliasBomb: ID.aliasBomb
    case .nestingTooDeep: ID.nestingTooDeep
    case .invalidMerge: ID.invalidMerge
    case .duplicateKey: ID.duplicateKey
    case .readerError: ID.readerError
    case .syntaxError: ID.syntaxError
    }
  }

  var text: String {
    switch self {
    case .nulByte: "file contains a NUL byte; YAML files are text"
    case .invalidUTF8(let byte): "invalid UTF-8 byte 0x\(String(byte, radix: 16, uppercase: true))"
    case .undefinedAlias(let name): "alias '*\(name)' refers to no anchor defined before it in this document"
    case .aliasBomb(let limit): "aliases in this document expand to more than \(limit) nodes"
    case .nestingTooDeep(let limit): "collections nest deeper than \(limit) levels"
    case .invalidMerge: "the value of a merge key '<<' must be a mapping or a list of mappings"
    case .duplicateKey(let key): "duplicate key '\(key)' in this mapping"
    case .readerError(let problem): "cannot read the file: \(problem)"
    case .syntaxError(let problem): "YAML syntax error: \(problem)"
    }
  }
}
