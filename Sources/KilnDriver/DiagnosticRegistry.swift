import KilnAnalysis
import KilnBackends
import KilnDiagnostics
import KilnSpec
import KilnYAML

/// Every diagnostic code of every stage, for `kiln explain`, SARIF rules and docs/diagnostics.md.
public enum DiagnosticRegistry {
  public static let all: [DiagnosticCode] = (YAMLCodes.all + SpecCodes.all + AnalysisCodes.all + BackendCodes.all)
    .sorted()

  public static func code(_ id: String) -> DiagnosticCode? { all.first { $0.id == id.uppercased() } }

  /// Every message of every code: what `kiln explain` lists under a code.
  public static let messages: [MessageID] =
    (YAMLMessages.all + SpecMessages.all + AnalysisMessages.all
    + BackendMessages.all).sorted()

  /// A code's messages, by id.
  public static func messages(of code: DiagnosticCode) -> [MessageID] { messages.filter { $0.code == code } }
}
