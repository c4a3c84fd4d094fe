import KilnDiagnostics

/// Container images carry a tag other than `latest`, or a digest (`image-tag`).
struct ImageTagCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let typed = project.typed
    // Defaults are pinned by Kiln; only images an author wrote are checked.
    for image in typed.regions.flatMap(\.serving).map(\.image) where !image.isDefault { check(image, engine) }
    for run in typed.trainingRuns { if let image = run.image { check(image, engine) } }
  }

  private func check(_ image: Located<String>, _ engine: DiagnosticEngine) {
    guard let problem = Self.problem(image.value) else { return }
    engine.emit(
      Diagnostic(
        ImageTagMessage.notPinned(image: image.value, problem: problem), at: image.range,
        help: ["pin a version tag (e.g. vllm/vllm-openai:v0.8.5) or a digest (@sha256:…)"]))
  }

  /// What is wrong with an image reference, or `nil` when it is pinned.
  static func problem(_ image: String) -> String? {
    if image.isEmpty || image.contains(" ") { return "is not a valid image reference" }
    if let at = image.firstIndex(of: "@") {
      let digest = image[image.index(after: at)...]
      let parts = digest.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0] == "sha256", parts[1].count == 64,
        parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
      else { return "has an invalid digest (expected @sha256: and 64 hex digits)" }
      return nil
    }
    let lastComponent = image.split(separator: "/").last ?? Substring(image)
    guard let colon = lastComponent.lastIndex(of: ":") else { return "has no tag, so it means :latest" }
    let tag = lastComponent[lastComponent.index(after: colon)...]
    if tag.isEmpty { return "has an empty tag" }
    if tag == "latest" { return "uses the tag 'latest', which moves" }
    return nil
  }
}
