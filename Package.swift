// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Kiln",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kiln", targets: ["kiln"]),
    // The pipeline as a library: for the fuzz target (Fuzz/) and for tools that embed Kiln.
    .library(name: "KilnDriver", targets: ["KilnDriver"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // Stage 0: C libraries.
    .systemLibrary(
      name: "CLibYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),

    // Shared by every stage: small helpers (parallel map, JSON values, saturating conversions), then
    // diagnostics as values and their renderers.
    .target(name: "KilnSupport"),
    .target(name: "KilnDiagnostics", dependencies: ["KilnSupport"]),

    // Stage 1: YAML text -> node tree with positions.
    .target(name: "KilnYAML", dependencies: ["CLibYAML", "KilnDiagnostics", "KilnSupport"]),

    // Stage 2: node tree -> typed, validated spec.
    .target(
      name: "KilnSpec", dependencies: ["KilnYAML", "KilnDiagnostics", "KilnSupport"],
      resources: [.embedInCode("Catalog/BuiltinCatalog.yaml"), .embedInCode("Jurisdictions/jurisdictions.tsv")]),

    // Stage 3: typed spec -> resolved, expanded IR.
    .target(name: "KilnIR", dependencies: ["KilnSpec", "KilnDiagnostics", "KilnSupport"]),

    // Stage 4: IR -> checks (diagnostics) and metrics.
    .target(name: "KilnAnalysis", dependencies: ["KilnIR", "KilnSpec", "KilnDiagnostics", "KilnSupport"]),

    // Stage 5: emitters (reports; later Kubernetes manifests, graph, plan).
    .target(name: "KilnBackends", dependencies: ["KilnAnalysis", "KilnIR", "KilnDiagnostics", "KilnSupport"]),

    // Stage 6: two versions of a project -> a plan (objects, capacity, cost, Kubernetes, risks).
    .target(name: "KilnPlan", dependencies: ["KilnAnalysis", "KilnSpec", "KilnDiagnostics", "KilnSupport"]),

    // The pipeline as a library API.
    .target(
      name: "KilnDriver",
      dependencies: [
        "KilnBackends", "KilnPlan", "KilnAnalysis", "KilnIR", "KilnSpec", "KilnYAML", "KilnDiagnostics", "KilnSupport",
      ]),

    // The thin command-line shell.
    .executableTarget(
      name: "kiln",
      dependencies: [
        "KilnDriver", "KilnDiagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .target(name: "_KilnTestSupport", dependencies: ["KilnDriver", "KilnDiagnostics"], path: "Tests/_KilnTestSupport"),

    .testTarget(name: "KilnDiagnosticsTests", dependencies: ["KilnDiagnostics"]),
    .testTarget(name: "KilnYAMLTests", dependencies: ["KilnYAML", "_KilnTestSupport"]),
    .testTarget(name: "KilnIRTests", dependencies: ["KilnIR", "_KilnTestSupport"]),
    .testTarget(name: "KilnAnalysisTests", dependencies: ["KilnAnalysis", "KilnIR", "KilnSpec", "_KilnTestSupport"]),
    .testTarget(name: "KilnSpecTests", dependencies: ["KilnSpec", "_KilnTestSupport"]),
    .testTarget(
      name: "KilnDriverTests",
      dependencies: [
        "KilnDriver", "KilnBackends", "KilnPlan", "KilnSpec", "KilnDiagnostics", "_KilnTestSupport", "kiln",
      ]),
  ],
  swiftLanguageModes: [.v6]
)
