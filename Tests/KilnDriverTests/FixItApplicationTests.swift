import Foundation
import KilnDiagnostics
import KilnDriver
import Testing
import _KilnTestSupport

/// Fix-its resolve what they fix: (a) each fix-it of DiagnosticMarkerTests, applied to its marked source,
/// gives the expected text, which lints clean; (b) in every specs/invalid case, applying every fix-it
/// removes each diagnostic that offered one.
@Suite struct FixItApplicationTests {
  // MARK: - (a) The marker tests' fix-its

  @Test func k2001APIVersion() {
    assertDiagnostics(
      DiagnosticMarkerTests.unknownAPIVersion,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2001", message: "unknown apiVersion 'kiln/v1beta1'",
          fixIts: ["Kiln v1 documents use 'kiln/v1'"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Site
        metadata:
          name: lab-2
        spec:
          region: us-east
          location: Ashburn, US
          jurisdiction: US
          power: {capacity: 100kW, price: $0.09/kWh}
          racks: {positions: 4}

        """)
  }

  @Test func k2002Kind() {
    assertDiagnostics(
      DiagnosticMarkerTests.unknownKind,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2002", message: "unknown kind 'Clustr'", fixIts: ["did you mean 'Cluster'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Cluster
        metadata:
          name: infer-2
        spec:
          site: lab-1
          purpose: inference
          racks:
            - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}

        """)
  }

  @Test func k2004Field() {
    assertDiagnostics(
      DiagnosticMarkerTests.unknownField,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2004", message: "unknown field 'pue2' in 'spec.power'",
          fixIts: ["did you mean 'pue'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Site
        metadata:
          name: lab-2
        spec:
          region: us-east
          location: Ashburn, US
          jurisdiction: US
          power:
            capacity: 100kW
            pue: 1.4
            price: $0.09/kWh
          racks:
            positions: 4

        """)
  }

  /// Two fix-its in one file, one of them in a flow mapping.
  @Test func k2005Booleans() {
    assertDiagnostics(
      DiagnosticMarkerTests.booleans,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2005",
          message: "'spec.ingress.cdn' must be true or false without quotes, found the text \"true\"",
          fixIts: ["remove the quotes: true"]),
        DiagnosticSpec(
          locationMarker: "2️⃣", code: "K2005", message: "'spec.ingress.cdn' must be true or false, found 'yes'",
          fixIts: ["write 'true'"]),
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Region
        metadata:
          name: eu
        spec:
          jurisdiction: DE
          ingress: {loadBalancer: envoy, cdn: true}
          serving:
            - name: chat
              model: llama3-8b
              cluster: infer-1
              image: vllm/vllm-openai:v0.8.5
              replicas: {min: 1, max: 2}
              demand: {peak: 1k tokens/s, averageInput: 1k, averageOutput: 300}
              secrets: [{name: hf-token, key: token, env: HF_TOKEN}]
        ---
        apiVersion: kiln/v1
        kind: Region
        metadata:
          name: eu-2
        spec:
          jurisdiction: DE
          ingress:
            loadBalancer: envoy
            cdn: true
          serving:
            - name: chat
              model: llama3-8b
              cluster: infer-1
              image: vllm/vllm-openai:v0.8.5
              replicas: {min: 1, max: 1}
              demand: {peak: 1k tokens/s, averageInput: 1k, averageOutput: 300}
              secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

        """)
  }

  @Test func k2006QuotedVersion() {
    assertDiagnostics(
      DiagnosticMarkerTests.numberAsText, file: "kiln.yaml",
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2006",
          message: "'spec.kubernetes.version' is text, but YAML 1.2 reads 1.30 as a number",
          fixIts: ["quote it: \"1.30\""])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Project
        metadata:
          name: starter
        spec:
          kubernetes:
            version: "1.30"
            namespacePrefix: kiln-

        """)
  }

  /// The jurisdiction's edit replaces the quotes too.
  @Test func k2008ChoiceAndQuotedJurisdiction() {
    assertDiagnostics(
      DiagnosticMarkerTests.misspeltChoice,
      expected: [
        DiagnosticSpec(
          locationMarker: "2️⃣", code: "K2021", message: "unknown jurisdiction 'UK'", fixIts: ["did you mean 'GB'?"]),
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2008", message: "'liqud' is not a valid value for 'spec.cooling'",
          fixIts: ["did you mean 'liquid'?"]),
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Site
        metadata:
          name: lab-2
        spec:
          region: eu-west
          location: London, GB
          jurisdiction: GB
          cooling: liquid
          power: {capacity: 100kW, price: $0.09/kWh}
          racks: {positions: 4}

        """)
  }

  @Test func k2010Unit() {
    assertDiagnostics(
      DiagnosticMarkerTests.unknownUnit,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2010", message: "unknown unit 'kw' in '20kw' for 'spec.racks[0].powerLimit'",
          fixIts: ["did you mean 'kW'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Cluster
        metadata:
          name: infer-2
        spec:
          site: lab-1
          purpose: inference
          racks:
            - name: gpu
              count: 1
              servers: {model: DGX-H100, perRack: 1}
              powerLimit: 20kW

        """)
  }

  @Test func k2011Bandwidth() {
    assertDiagnostics(
      DiagnosticMarkerTests.sizeForBandwidth,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2011",
          message: "'spec.readBandwidth' expects a bandwidth (e.g. 400Gb/s), but 100GB is a data size",
          fixIts: ["did you mean '100GB/s'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Storage
        metadata:
          name: scratch
        spec:
          site: lab-1
          class: parallel-fs
          capacity: 500TB
          readBandwidth: 100GB/s
          writeBandwidth: 50GB/s
        ---
        apiVersion: kiln/v1
        kind: Cluster
        metadata:
          name: infer-2
        spec:
          site: lab-1
          purpose: inference
          racks:
            - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}
          storage: [scratch]

        """)
  }

  /// A whole number where a percentage belongs is read as that many percent, not a hundred times more.
  @Test func k2014PercentAboveOne() {
    assertDiagnostics(
      DiagnosticMarkerTests.percentWithoutSign.replacingOccurrences(of: "1️⃣0.8", with: "1️⃣80"), file: "kiln.yaml",
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2014", message: "'spec.utilization' is a percentage and needs '%'",
          fixIts: ["if you meant 80%, write '80%'"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Project
        metadata:
          name: starter
        spec:
          utilization: 80%
          kubernetes:
            version: "1.31"
            namespacePrefix: kiln-

        """)
  }

  @Test func k2014Percent() {
    assertDiagnostics(
      DiagnosticMarkerTests.percentWithoutSign, file: "kiln.yaml",
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2014", message: "'spec.utilization' is a percentage and needs '%'",
          fixIts: ["if you meant 80%, write '80%'"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Project
        metadata:
          name: starter
        spec:
          utilization: 80%
          kubernetes:
            version: "1.31"
            namespacePrefix: kiln-

        """)
  }

  @Test func k2021Jurisdiction() {
    assertDiagnostics(
      DiagnosticMarkerTests.unknownJurisdiction,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2021", message: "unknown jurisdiction 'UK'", fixIts: ["did you mean 'GB'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Site
        metadata:
          name: lab-2
        spec:
          region: eu-west
          location: London, GB
          jurisdiction: GB
          power: {capacity: 100kW, price: $0.09/kWh}
          racks: {positions: 4}

        """)
  }

  @Test func k2023Check() {
    assertDiagnostics(
      DiagnosticMarkerTests.unknownCheck,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2023", message: "unknown check 'rack-powr'",
          fixIts: ["did you mean 'rack-power'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Policy
        metadata:
          name: rules
        spec:
          rules:
            - {check: rack-power, severity: warning}

        """)
  }

  @Test func k3001Site() {
    assertDiagnostics(
      DiagnosticMarkerTests.unresolvedReference,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3001", message: "'spec.site' refers to Site/lab-l, which is not defined",
          fixIts: ["did you mean 'lab-1'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Cluster
        metadata:
          name: infer-2
        spec:
          site: lab-1
          purpose: inference
          racks:
            - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}

        """)
  }

  @Test func k3001RackGroup() {
    assertDiagnostics(
      DiagnosticMarkerTests.unknownRackGroup,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3001", message: "Cluster/infer-1 has no rack group 'gpus'",
          fixIts: ["did you mean 'gpu'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Region
        metadata:
          name: eu
        spec:
          jurisdiction: DE
          serving:
            - name: chat
              model: llama3-8b
              cluster: infer-1
              rackGroup: gpu
              image: vllm/vllm-openai:v0.8.5
              replicas: {min: 1, max: 2}
              demand: {peak: 1k tokens/s, averageInput: 1k, averageOutput: 300}
              secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

        """)
  }

  /// A TrainingRun's queue that the cluster lacks: the fix-it names the cluster's one queue.
  @Test func k3001TrainingQueue() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Cluster
      metadata:
        name: train-1
      spec:
        site: lab-1
        purpose: inference
        racks:
          - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}
      ---
      apiVersion: kiln/v1
      kind: TrainingRun
      metadata:
        name: finetune
      spec:
        model: llama3-8b
        cluster: train-1
        gpus: 8
        tokens: 1B
        mfu: 40%
        image: ghcr.io/example/trainer:v1
        queue: 1️⃣defualt

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3001", message: "Cluster/train-1 has no queue 'defualt'",
          fixIts: ["did you mean 'default'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Cluster
        metadata:
          name: train-1
        spec:
          site: lab-1
          purpose: inference
          racks:
            - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}
        ---
        apiVersion: kiln/v1
        kind: TrainingRun
        metadata:
          name: finetune
        spec:
          model: llama3-8b
          cluster: train-1
          gpus: 8
          tokens: 1B
          mfu: 40%
          image: ghcr.io/example/trainer:v1
          queue: default

        """)
  }

  @Test func k3002Server() {
    assertDiagnostics(
      DiagnosticMarkerTests.unknownCatalogEntry,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3002", message: "unknown server 'DGX-H10' in 'spec.racks[0].servers.model'",
          fixIts: ["did you mean 'DGX-H100'?"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Cluster
        metadata:
          name: infer-2
        spec:
          site: lab-1
          purpose: inference
          racks:
            - name: gpu
              count: 1
              servers: {model: DGX-H100, perRack: 1}

        """)
  }

  @Test func k4301Tiers() {
    assertDiagnostics(
      DiagnosticMarkerTests.fabricCapacity,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K4301", message: "Fabric/ib-2 has 72 endpoints; 1 tier of QM9700 holds 64",
          fixIts: ["declare tiers: 2, the fewest that hold 72 endpoints"])
      ],
      expectedFixedSource: """
        apiVersion: kiln/v1
        kind: Site
        metadata:
          name: lab-2
        spec:
          region: us-east
          location: Ashburn, US
          jurisdiction: US
          cooling: hybrid
          power: {capacity: 300kW, price: $0.09/kWh}
          racks: {positions: 8}
        ---
        apiVersion: kiln/v1
        kind: Cluster
        metadata:
          name: train-2
        spec:
          site: lab-2
          purpose: training
          racks:
            - {name: gpu, count: 3, servers: {model: DGX-H100, perRack: 3}}
          fabric: ib-2
        ---
        apiVersion: kiln/v1
        kind: Fabric
        metadata:
          name: ib-2
        spec:
          technology: infiniband
          switch: QM9700
          topology: fat-tree
          tiers: 2

        """)
  }

  // MARK: - Edits

  @Test func editsApplyBackToFrontByByteOffset() throws {
    func edit(_ start: Int, _ end: Int, _ replacement: String) -> TextEdit {
      TextEdit(
        range: SourceRange(
          file: "f", start: SourceLocation(line: 1, column: start + 1, offset: start),
          end: SourceLocation(line: 1, column: end + 1, offset: end)),
        replacement: replacement)
    }
    let fixIts = [
      FixIt(message: "a", edits: [edit(0, 2, "é")]), FixIt(message: "b", edits: [edit(3, 3, "+")]),
      FixIt(message: "c", edits: [edit(1, 4, "x")]),
    ]
    let (kept, dropped) = FixItApplication.nonOverlapping(fixIts)
    #expect(kept.map(\.message) == ["a", "b"])
    #expect(dropped.map(\.message) == ["c"])
    #expect(try FixItApplication.apply(kept, to: "abcdef", file: "f") == "éc+def")
    #expect(throws: FixItApplication.Failure.self) { try FixItApplication.apply(fixIts, to: "abcdef", file: "f") }
    let edits = kept.flatMap(\.edits)
    // "abcdef" → "éc+def": 'c' (2) stays at 2 ('é' is two bytes); 'd' (3) stays at 3, where the text
    // inserted before it starts; 'e' (4) moves to 5; 'b' (1, replaced) maps to the replacement's start, 0.
    #expect(FixItApplication.offset(2, after: edits) == 2)
    #expect(FixItApplication.offset(3, after: edits) == 3)
    #expect(FixItApplication.offset(4, after: edits) == 5)
    #expect(FixItApplication.offset(1, after: edits) == 0)
  }

  // MARK: - (b) Every fix-it of every specs/invalid case

  static let root = Golden.repositoryRoot

  /// The `--env` of the case's EXPECT file, if any.
  static func environment(_ name: String) -> String? {
    let arguments = ProjectTests.expectation(name).arguments
    guard let index = arguments.firstIndex(of: "--env"), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
  }

  /// What applying the fix-its of one case did.
  struct SweepResult {
    /// The diagnostics that offered a fix-it, as `K2004 site.yaml:8:3`.
    var fixed: [String] = []
    /// Those still reported, at their position after the edits, with what Kiln reports there.
    var unresolved: [String] = []
    /// Fix-its left out because an edit overlaps one kept before it.
    var dropped: [String] = []
  }

  /// Lints the case in place, applies every non-overlapping fix-it to a copy, and lints the copy.
  static func sweep(_ name: String) throws -> SweepResult {
    let environment = Self.environment(name)
    let source = root + "/specs/invalid/" + name
    let before = try Linter(environment: environment).lint(source).diagnostics
    var result = SweepResult()
    let (kept, dropped) = FixItApplication.nonOverlapping(before.flatMap(\.fixIts))
    result.dropped = dropped.map(\.message)
    guard !kept.isEmpty else { return result }

    let manager = FileManager.default
    let copy = manager.temporaryDirectory.appendingPathComponent(
      "kiln-fixits-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))"
    ).path
    try? manager.removeItem(atPath: copy)
    defer { try? manager.removeItem(atPath: copy) }
    try manager.copyItem(atPath: source, toPath: copy)
    let edits = Dictionary(grouping: kept.flatMap(\.edits), by: \.range.file)
    for (file, fileEdits) in edits {
      guard file.hasPrefix(source + "/") else {
        throw FixItApplication.Failure(description: "a fix-it edits \(file), outside \(source)")
      }
      let target = copy + file.dropFirst(source.count)
      let bytes = try FixItApplication.apply(fileEdits, to: Array(try Data(contentsOf: URL(fileURLWithPath: file))))
      try Data(bytes).write(to: URL(fileURLWithPath: target))
    }

    let after = try Linter(environment: environment).lint(copy).diagnostics
    let keptFixIts = Set(kept)
    for diagnostic in before where diagnostic.fixIts.contains(where: keptFixIts.contains) {
      let file = String(diagnostic.range.file.dropFirst(source.count + 1))
      let start = diagnostic.range.start
      result.fixed.append("\(diagnostic.code.id) \(file):\(start.line):\(start.column)")
      let offset = FixItApplication.offset(start.offset, after: edits[diagnostic.range.file] ?? [])
      let still = after.filter {
        $0.code == diagnostic.code && $0.range.file == copy + "/" + file && $0.range.start.offset == offset
      }
      for left in still {
        result.unresolved.append(
          "\(diagnostic.code.id) \(file):\(start.line):\(start.column) '\(diagnostic.message)' with fix-its "
            + "\(diagnostic.fixIts.map(\.message)) is still reported: "
            + "\(left.range.start.line):\(left.range.start.column) '\(left.message)'")
      }
    }
    return result
  }

  @Test(arguments: ProjectTests.invalidCases)
  func everyFixItResolvesItsDiagnostic(name: String) throws {
    let result = try Self.sweep(name)
    #expect(result.unresolved.isEmpty, "specs/invalid/\(name): \(result.unresolved.joined(separator: "; "))")
    #expect(result.dropped.isEmpty, "specs/invalid/\(name): overlapping fix-its left out: \(result.dropped)")
  }

  /// The sweep is not vacuous: these cases offer fix-its, and the sweep applies them.
  @Test func theSweepAppliesFixItsOfTheseCodes() throws {
    var codes: Set<String> = []
    for name in ProjectTests.invalidCases {
      for fixed in try Self.sweep(name).fixed { codes.insert(String(fixed.prefix(5))) }
    }
    #expect(
      codes.sorted() == [
        "K2001", "K2002", "K2004", "K2006", "K2010", "K2011", "K2014", "K2021", "K2023", "K3001", "K3002", "K4301",
      ])
  }
}
