// swift-tools-version: 6.1
// Kiln's fuzz target: a package of its own, so the root package's `swift build` / `swift test` never
// build it (it needs -sanitize=fuzzer). See README.md; run it with ./run.sh.
import PackageDescription

let package = Package(
  name: "KilnFuzz",
  dependencies: [.package(name: "Kiln", path: "..")],
  targets: [
    // libFuzzer driven from main (LLVMFuzzerRunDriver): one input is a project's spec files; lint, report
    // and build run on it.
    .executableTarget(
      name: "kiln-fuzz",
      dependencies: [.product(name: "KilnDriver", package: "Kiln")],
      path: "Sources/kiln-fuzz")
  ],
  swiftLanguageModes: [.v6]
)
