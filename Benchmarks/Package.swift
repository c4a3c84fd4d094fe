// swift-tools-version: 6.1
// Kiln's benchmarks: a package of its own, so the root package's `swift build` / `swift test`
// never build it. See README.md; run everything with ./run.sh.
import PackageDescription

let package = Package(
  name: "KilnBenchmarks",
  targets: [
    // Deterministic generator of large, valid Kiln projects (same arguments -> same bytes).
    .executableTarget(name: "kiln-bench-generate", path: "Sources/kiln-bench-generate")
  ],
  swiftLanguageModes: [.v6]
)
