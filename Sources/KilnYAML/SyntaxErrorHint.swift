/// A hint for each of libyaml's syntax problems (its own wording, from the scanner and parser), saying
/// what a person usually did to cause it and what to change.
enum SyntaxErrorHint {
  static let hints: [(problem: String, help: String)] = [
    ("found a tab character", "indent with spaces: YAML does not allow tabs in indentation"),
    (
      "mapping values are not allowed",
      "a value that contains ': ' must be quoted, or this line is indented deeper than its siblings"
    ),
    ("did not find expected key", "line this key up with the other keys of its mapping (check the indentation)"),
    (
      "did not find expected '-' indicator",
      "line this item up with the other '- ' items of its list (check the indentation)"
    ),
    ("could not find expected ':'", "a key needs ': ' after it; quote the value if it is text that contains ':'"),
    (
      "found character that cannot start any token",
      "quote the value: '@', '`' and '%' cannot start a plain YAML value"
    ),
    ("did not find expected node content", "a value is missing here: write one, or quote the text that is there"),
    ("did not find expected ',' or ']'", "close the flow list with ']' or separate its items with ','"),
    ("did not find expected ',' or '}'", "close the flow mapping with '}' or separate its entries with ','"),
    ("found unexpected end of stream", "a quote or a bracket is not closed before the end of the file"),
    ("found undefined tag handle", "remove the tag, or quote the value if it is text starting with '!'"),
    ("block sequence entries are not allowed", "put the list on its own lines under the key, indented"),
  ]

  static func help(for problem: String) -> String {
    hints.first { problem.contains($0.problem) }?.help
      ?? "check the indentation and quoting of this line and the one before it (kiln explain K1001)"
  }
}
