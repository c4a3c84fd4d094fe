import KilnDiagnostics
import KilnSpec

/// Renders a lint result in the requested format.
public struct DiagnosticPrinter: Sendable {
  public var format: OutputFormat
  public var useColor: Bool
  /// `file:///…/` of the current directory, for SARIF's `%SRCROOT%`.
  public var sourceRootURI: String?

  public init(format: OutputFormat, useColor: Bool, sourceRootURI: String?) {
    self.format = format
    self.useColor = useColor
    self.sourceRootURI = sourceRootURI
  }

  public func render(_ result: LintResult) -> String {
    switch format {
    case .human:
      HumanRenderer(useColor: useColor).render(
        result.diagnostics, sources: result.project.sources, summary: result.summary)
    case .json:
      JSONRenderer().render(result.diagnostics, summary: result.summary)
    case .sarif:
      SARIFRenderer(toolVersion: KilnVersion.current, sourceRootURI: sourceRootURI).render(result.diagnostics)
    case .github:
      GitHubRenderer().render(result.diagnostics)
    }
  }
}
