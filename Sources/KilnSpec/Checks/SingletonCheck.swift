import KilnDiagnostics

/// At most one Policy per project (the Project's own uniqueness is checked while loading).
struct SingletonCheck: SpecCheck {
  func run(_ project: Project, _ engine: DiagnosticEngine) {
    let policies = project.objects(.policy)
    for extra in policies.dropFirst() {
      engine.emit(
        Diagnostic(
          SingletonMessage.secondPolicy(policy: extra.name),
          at: extra.nameRange, notes: [Note("the first Policy is here", at: policies[0].nameRange)],
          help: ["merge the rules into one Policy"]))
    }
  }
}
