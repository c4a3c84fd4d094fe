import KilnDiagnostics

/// Every message of the Kubernetes backend, for `kiln explain` and docs/diagnostics.md.
public enum BackendMessages {
  public static var all: [MessageID] { KubernetesNameMessage.all }
}
