import KilnDiagnostics

/// The diagnostics of the YAML stage: K1xxx for input that is not well-formed YAML (or not text),
/// plus the bounds Kiln puts on well-formed YAML.
public enum YAMLCodes {
  public static let syntaxError = DiagnosticCode(
    "K1001", "YAML syntax error",
    explanation:
      "The file is not well-formed YAML. The position is where libyaml noticed the problem; the cause is often just before it (a missing colon, a bad indentation, an unclosed bracket or quote).",
    example: "apiVersion: kiln/v1\nkind: Site\nmetadata: {name: hq\n",
    fix:
      "Correct the YAML at or just before the reported position. When libyaml says which construct it was reading, a note names it and where it began."
  )
  public static let nulByte = DiagnosticCode(
    "K1002", "file contains a NUL byte",
    explanation:
      "A YAML file is text; a NUL byte means the file is binary, was truncated by a broken tool, or was saved in UTF-16.",
    example: "name: a\\0b   (a literal byte 0x00 in the file)",
    fix: "Save the file as UTF-8 text, or exclude it from the project with spec.exclude.")
  public static let invalidUTF8 = DiagnosticCode(
    "K1003", "file is not valid UTF-8",
    explanation:
      "Kiln reads specs as UTF-8. The byte at the reported position does not start or continue a valid UTF-8 sequence.",
    example: "location: Z\\xFCrich   (Latin-1 encoded ü)",
    fix: "Re-encode the file as UTF-8 (for example `iconv -f latin1 -t utf-8`).")
  public static let duplicateKey = DiagnosticCode(
    "K1004", "duplicate mapping key",
    explanation:
      "A mapping has the same key twice. YAML parsers disagree on which value wins, so Kiln rejects it. The diagnostic points at the second key.",
    example: "spec:\n  region: cn-east-1\n  region: cn-east-2\n",
    fix: "Remove one of the keys, or rename it.")
  public static let nestingTooDeep = DiagnosticCode(
    "K1005", "nesting deeper than 256 levels",
    explanation:
      "Collections are nested more than 256 levels deep. No Kiln spec needs that; Kiln stops reading the file at that point so a hostile file cannot exhaust time or memory.",
    example: "[[[[[[ … 300 levels … ]]]]]]",
    fix: "Flatten the structure.")
  public static let aliasBomb = DiagnosticCode(
    "K1006", "aliases expand to too many nodes",
    explanation:
      "Kiln counts every node reached through an alias; more than 100,000 in one document is an error (an 'alias bomb' or 'billion laughs' file expands exponentially).",
    example: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n…",
    fix: "Write the data out, or use fewer nested aliases.")
  public static let undefinedAlias = DiagnosticCode(
    "K1007", "alias to an undefined anchor",
    explanation:
      "An alias (`*name`) refers to an anchor (`&name`) that is not defined earlier in the same document. Anchors do not cross documents or files.",
    example: "spec: *defaults\n",
    fix: "Define the anchor before its first use in the same document, or fix the alias name.")
  public static let unreadableFile = DiagnosticCode(
    "K1008", "file cannot be read",
    explanation:
      "A file of the project could not be read (permissions, a dangling link, or it vanished while Kiln ran).",
    example: "a spec file with mode 000",
    fix: "Make the file readable, or exclude it with spec.exclude.")
  public static let invalidMerge = DiagnosticCode(
    "K2026", "invalid merge key",
    explanation: "The value of a merge key `<<` must be a mapping, an alias to a mapping, or a sequence of those.",
    example: "base: &b 3\nspec:\n  <<: *b\n",
    fix: "Anchor a mapping and merge that.")

  public static let all: [DiagnosticCode] = [
    syntaxError, nulByte, invalidUTF8, duplicateKey, nestingTooDeep, aliasBomb, undefinedAlias, unreadableFile,
    invalidMerge,
  ]
}
