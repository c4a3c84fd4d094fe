import KilnDiagnostics

/// The messages of `ImageTagCheck`.
enum ImageTagMessage: DiagnosticMessage {
  case notPinned(image: String, problem: String)

  enum ID {
    static let notPinned = MessageID(
      SpecCodes.imageTag, "image-not-pinned",
      "image IMAGE is not pinned: PROBLEM (no tag, 'latest', an empty tag, an invalid digest)")
  }

  static let all = [ID.notPinned]

  var id: MessageID {
    switch self {
    case .notPinned: ID.notPinned
    }
  }

  var text: String {
    switch self {
    case .notPinned(let image, let problem): "image '\(image)' \(problem)"
    }
  }
}
