import Testing
import _KilnTestSupport

/// Diagnostics as swift-syntax tests them: a spec with inline markers (`1️⃣`) where each diagnostic, and
/// each located note, must start, linted as one more file of the starter project (or in place of one of
/// its files). The messages are Kiln's exact wording; the fix-its are checked by message here and
/// applied in FixItApplicationTests.
@Suite struct DiagnosticMarkerTests {
  // MARK: - K1: YAML

  @Test func k1001YAMLSyntaxError() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Site
      metadata:
        name: lab-2
      spec:
        region: us-east
         location1️⃣: Ashburn, US
        jurisdiction: US

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K1001",
          message: "YAML syntax error: mapping values are not allowed in this context",
          help: ["a value that contains ': ' must be quoted, or this line is indented deeper than its siblings"])
      ])
  }

  @Test func k1004DuplicateKey() {
    assertDiagnostics(
      """
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
          2️⃣pue: 1.3
          price: $0.09/kWh
          1️⃣pue: 1.4
        racks:
          positions: 4

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K1004", message: "duplicate key 'pue' in this mapping",
          notes: [NoteSpec(locationMarker: "2️⃣", message: "first defined here")],
          help: ["remove one of the two entries"])
      ])
  }

  @Test func k1007UndefinedAlias() {
    assertDiagnostics(
      """
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
            servers: 1️⃣*dgx

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K1007",
          message: "alias '*dgx' refers to no anchor defined before it in this document")
      ])
  }

  // MARK: - K2: schema and values

  /// A Site with a typo in its apiVersion: `kiln/v1beta1`.
  static let unknownAPIVersion = """
    apiVersion: 1️⃣kiln/v1beta1
    kind: Site
    metadata:
      name: lab-2
    spec:
      region: us-east
      location: Ashburn, US
      jurisdiction: US
      power: {capacity: 100kW, price: $0.09/kWh}
      racks: {positions: 4}

    """

  @Test func k2001UnknownAPIVersion() {
    assertDiagnostics(
      Self.unknownAPIVersion,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2001", message: "unknown apiVersion 'kiln/v1beta1'",
          fixIts: ["Kiln v1 documents use 'kiln/v1'"])
      ])
  }

  /// A Cluster whose kind is misspelt `Clustr`.
  static let unknownKind = """
    apiVersion: kiln/v1
    kind: 1️⃣Clustr
    metadata:
      name: infer-2
    spec:
      site: lab-1
      purpose: inference
      racks:
        - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}

    """

  @Test func k2002UnknownKind() {
    assertDiagnostics(
      Self.unknownKind,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2002", message: "unknown kind 'Clustr'", fixIts: ["did you mean 'Cluster'?"])
      ])
  }

  @Test func k2003MissingRequiredField() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Site
      metadata:
        name: lab-2
      1️⃣spec:
        region: us-east
        location: Ashburn, US
        power: {capacity: 100kW, price: $0.09/kWh}
        racks: {positions: 4}

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2003", id: "schema-required-field",
          message: "missing required field 'jurisdiction' in 'spec'",
          help: [
            "add 'jurisdiction' (ISO 3166-1 alpha-2 country code in upper case, or EU / EEA for a site known only to be inside that group)"
          ])
      ])
  }

  @Test func k2003TrainingClusterWithoutFabric() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Cluster
      metadata:
        name: train-2
      spec:
        site: lab-1
        purpose: 1️⃣training
        racks:
          - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2003", id: "cluster-fabric",
          message: "missing 'fabric': a training cluster needs a compute fabric")
      ])
  }

  /// A Site whose power block has `pue2`, a typo of `pue`.
  static let unknownField = """
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
        1️⃣pue2: 1.4
        price: $0.09/kWh
      racks:
        positions: 4

    """

  @Test func k2004UnknownField() {
    assertDiagnostics(
      Self.unknownField,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2004", message: "unknown field 'pue2' in 'spec.power'",
          fixIts: ["did you mean 'pue'?"])
      ])
  }

  @Test func k2005WrongType() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Site
      metadata:
        name: lab-2
      spec:
        region: us-east
        location: Ashburn, US
        jurisdiction: US
        power: {capacity: 100kW, price: $0.09/kWh}
        racks: 1️⃣4

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2005", message: "'spec.racks' must be a mapping, found '4'",
          help: ["write its fields as 'name: value' lines indented under the key, or as {name: value, …}"])
      ])
  }

  /// `kubernetes.version: 1.30` unquoted, in the project file.
  static let numberAsText = """
    apiVersion: kiln/v1
    kind: Project
    metadata:
      name: starter
    spec:
      kubernetes:
        version: 1️⃣1.30
        namespacePrefix: kiln-

    """

  @Test func k2006NumberAsText() {
    assertDiagnostics(
      Self.numberAsText, file: "kiln.yaml",
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2006",
          message: "'spec.kubernetes.version' is text, but YAML 1.2 reads 1.30 as a number",
          fixIts: ["quote it: \"1.30\""])
      ])
  }

  /// Two Regions whose `ingress.cdn` is not a plain boolean: the text "true", and YAML 1.1's `yes`.
  static let booleans = """
    apiVersion: kiln/v1
    kind: Region
    metadata:
      name: eu
    spec:
      jurisdiction: DE
      ingress: {loadBalancer: envoy, cdn: 1️⃣"true"}
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
        cdn: 2️⃣yes
      serving:
        - name: chat
          model: llama3-8b
          cluster: infer-1
          image: vllm/vllm-openai:v0.8.5
          replicas: {min: 1, max: 1}
          demand: {peak: 1k tokens/s, averageInput: 1k, averageOutput: 300}
          secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

    """

  @Test func k2005Booleans() {
    assertDiagnostics(
      Self.booleans,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2005",
          message: "'spec.ingress.cdn' must be true or false without quotes, found the text \"true\"",
          fixIts: ["remove the quotes: true"]),
        DiagnosticSpec(
          locationMarker: "2️⃣", code: "K2005", message: "'spec.ingress.cdn' must be true or false, found 'yes'",
          fixIts: ["write 'true'"]),
      ])
  }

  /// A Site cooled by `liqud`, a typo of `liquid`, in a jurisdiction written in quotes.
  static let misspeltChoice = """
    apiVersion: kiln/v1
    kind: Site
    metadata:
      name: lab-2
    spec:
      region: eu-west
      location: London, GB
      jurisdiction: 2️⃣"UK"
      cooling: 1️⃣liqud
      power: {capacity: 100kW, price: $0.09/kWh}
      racks: {positions: 4}

    """

  @Test func k2008MisspeltChoice() {
    assertDiagnostics(
      Self.misspeltChoice,
      expected: [
        DiagnosticSpec(
          locationMarker: "2️⃣", code: "K2021", message: "unknown jurisdiction 'UK'", fixIts: ["did you mean 'GB'?"]),
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2008", message: "'liqud' is not a valid value for 'spec.cooling'", help: [],
          fixIts: ["did you mean 'liquid'?"]),
      ])
  }

  /// Several value errors in one Site: each starts at its own marker.
  @Test func k2008K2009K2013ValueErrorsInOneDocument() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Site
      metadata:
        name: lab-2
      spec:
        region: us-east
        location: Ashburn, US
        jurisdiction: US
        ownership: owned
        cooling: 1️⃣water
        power:
          capacity: 2️⃣100
          price: $0.09/kWh
        racks:
          positions: 3️⃣-4

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2008", message: "'water' is not a valid value for 'spec.cooling'",
          help: ["expected one of: air, rear-door, hybrid, liquid"]),
        DiagnosticSpec(
          locationMarker: "2️⃣", code: "K2009",
          message: "'spec.power.capacity' needs a unit; expected power (e.g. 10.2kW)",
          help: ["write the number with its unit, as in '10.2kW'"]),
        DiagnosticSpec(
          locationMarker: "3️⃣", code: "K2013", message: "'spec.racks.positions' cannot be negative",
          help: ["write 0 or a positive value"]),
      ])
  }

  /// A rack group's power limit in `kw`, which is not a unit (`kW` is); 20 kW is what lab-1's air cooling
  /// allows per rack.
  static let unknownUnit = """
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
          powerLimit: 1️⃣20kw

    """

  @Test func k2010UnknownUnit() {
    assertDiagnostics(
      Self.unknownUnit,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2010", message: "unknown unit 'kw' in '20kw' for 'spec.racks[0].powerLimit'",
          fixIts: ["did you mean 'kW'?"])
      ])
  }

  @Test func k2011PowerWrittenAsBandwidth() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Site
      metadata:
        name: lab-2
      spec:
        region: us-east
        location: Ashburn, US
        jurisdiction: US
        power:
          capacity: 1️⃣400Gb/s
          price: $0.09/kWh
        racks: {positions: 4}

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2011", id: "scalar-dimension",
          message: "'spec.power.capacity' expects power (e.g. 10.2kW), but 400Gb/s is a bandwidth",
          help: ["power is written in W, kW, MW or GW, as in '10.2kW'"], fixIts: [])
      ])
  }

  /// Storage whose read bandwidth is written as a size, read by a cluster so it is used.
  static let sizeForBandwidth = """
    apiVersion: kiln/v1
    kind: Storage
    metadata:
      name: scratch
    spec:
      site: lab-1
      class: parallel-fs
      capacity: 500TB
      readBandwidth: 1️⃣100GB
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

    """

  @Test func k2011SizeForBandwidth() {
    assertDiagnostics(
      Self.sizeForBandwidth,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2011", id: "scalar-dimension",
          message: "'spec.readBandwidth' expects a bandwidth (e.g. 400Gb/s), but 100GB is a data size",
          help: [
            "a bandwidth is written in Mb/s, MB/s, MiB/s, Gb/s, GB/s, GiB/s, Tb/s, TB/s, TiB/s or PB/s, as in '400Gb/s'"
          ],
          fixIts: ["did you mean '100GB/s'?"])
      ])
  }

  /// `utilization: 0.8`, a fraction where a percentage is expected.
  static let percentWithoutSign = """
    apiVersion: kiln/v1
    kind: Project
    metadata:
      name: starter
    spec:
      utilization: 1️⃣0.8
      kubernetes:
        version: "1.31"
        namespacePrefix: kiln-

    """

  @Test func k2014PercentWithoutSign() {
    assertDiagnostics(
      Self.percentWithoutSign, file: "kiln.yaml",
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2014", message: "'spec.utilization' is a percentage and needs '%'",
          fixIts: ["if you meant 80%, write '80%'"])
      ])
  }

  @Test func k2018OwnershipMismatch() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Site
      metadata:
        name: cloud-2
      spec:
        region: us-east
        jurisdiction: US
        ownership: 3️⃣cloud
        cloud: {gpuHourPrice: $2.5/h}
        1️⃣power:
          capacity: 100kW
          price: $0.09/kWh
        2️⃣racks:
          positions: 4

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2018", id: "site-block-not-used",
          message: "a site with ownership 'cloud' has no 'power' block",
          notes: [NoteSpec(locationMarker: "3️⃣", message: "ownership is 'cloud'")],
          help: ["remove 'power', or change 'ownership'"]),
        DiagnosticSpec(
          locationMarker: "2️⃣", code: "K2018", id: "site-block-not-used",
          message: "a site with ownership 'cloud' has no 'racks' block",
          notes: [NoteSpec(locationMarker: "3️⃣", message: "ownership is 'cloud'")],
          help: ["remove 'racks', or change 'ownership'"]),
      ])
  }

  /// A Site in the `UK`, which ISO 3166-1 calls `GB`.
  static let unknownJurisdiction = """
    apiVersion: kiln/v1
    kind: Site
    metadata:
      name: lab-2
    spec:
      region: eu-west
      location: London, GB
      jurisdiction: 1️⃣UK
      power: {capacity: 100kW, price: $0.09/kWh}
      racks: {positions: 4}

    """

  @Test func k2021UnknownJurisdiction() {
    assertDiagnostics(
      Self.unknownJurisdiction,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2021", message: "unknown jurisdiction 'UK'", fixIts: ["did you mean 'GB'?"])
      ])
  }

  /// A Policy rule for `rack-powr`, a typo of the check `rack-power`.
  static let unknownCheck = """
    apiVersion: kiln/v1
    kind: Policy
    metadata:
      name: rules
    spec:
      rules:
        - {check: 1️⃣rack-powr, severity: warning}

    """

  @Test func k2023UnknownCheck() {
    assertDiagnostics(
      Self.unknownCheck,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2023", message: "unknown check 'rack-powr'",
          fixIts: ["did you mean 'rack-power'?"])
      ])
  }

  @Test func k2029ValueOutOfRange() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Cluster
      metadata:
        name: infer-2
      spec:
        site: lab-1
        purpose: inference
        racks:
          - name: gpu
            count: 1️⃣1T
            servers: {model: DGX-H100, perRack: 1}

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K2029", id: "field-range",
          message: "'spec.racks[0].count' is 1T; it must be above 0 and at most 1,000,000",
          help: ["number of racks: above 0 and at most 1,000,000"])
      ])
  }

  // MARK: - K3: references

  /// A Cluster at `lab-l` (letter l), a typo of the starter's Site `lab-1`.
  static let unresolvedReference = """
    apiVersion: kiln/v1
    kind: Cluster
    metadata:
      name: infer-2
    spec:
      site: 1️⃣lab-l
      purpose: inference
      racks:
        - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}

    """

  @Test func k3001UnresolvedReference() {
    assertDiagnostics(
      Self.unresolvedReference,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3001", id: "reference-undefined-object",
          message: "'spec.site' refers to Site/lab-l, which is not defined",
          fixIts: ["did you mean 'lab-1'?"])
      ])
  }

  /// A Region serving from rack group `gpus` of infer-1, whose one group is `gpu`.
  static let unknownRackGroup = """
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
          rackGroup: 1️⃣gpus
          image: vllm/vllm-openai:v0.8.5
          replicas: {min: 1, max: 2}
          demand: {peak: 1k tokens/s, averageInput: 1k, averageOutput: 300}
          secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

    """

  @Test func k3001UnknownRackGroup() {
    assertDiagnostics(
      Self.unknownRackGroup,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3001", id: "region-rack-group",
          message: "Cluster/infer-1 has no rack group 'gpus'",
          fixIts: ["did you mean 'gpu'?"])
      ])
  }

  /// A rack group of `DGX-H10`, a typo of the built-in server `DGX-H100`.
  static let unknownCatalogEntry = """
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
          servers: {model: 1️⃣DGX-H10, perRack: 1}

    """

  @Test func k3002UnknownCatalogEntry() {
    assertDiagnostics(
      Self.unknownCatalogEntry,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3002", message: "unknown server 'DGX-H10' in 'spec.racks[0].servers.model'",
          fixIts: ["did you mean 'DGX-H100'?"])
      ])
  }

  @Test func k3003UnusedObjectIsAWarning() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Model
      metadata:
        name: 1️⃣tiny
      spec: {parameters: 1B}

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3003",
          message: "Model/tiny is not used: no Region serves it and no TrainingRun trains it", severity: .warning,
          help: ["reference it, remove it, or silence this with a Policy rule {check: unused-object, severity: off}"])
      ])
  }

  @Test func k3004WrongPurpose() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Cluster
      metadata:
        name: train-2
      spec:
        site: lab-1
        purpose: 2️⃣training
        racks:
          - {name: gpu, count: 1, servers: {model: DGX-H100, perRack: 1}}
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
      ---
      apiVersion: kiln/v1
      kind: Region
      metadata:
        name: eu
      spec:
        jurisdiction: DE
        serving:
          - name: chat
            model: llama3-8b
            cluster: 1️⃣train-2
            image: vllm/vllm-openai:v0.8.5
            replicas: {min: 1, max: 1}
            demand: {peak: 100 tokens/s, averageInput: 1k, averageOutput: 300}
            secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K3004", message: "Cluster/train-2 has purpose 'training' and cannot serve",
          notes: [NoteSpec(locationMarker: "2️⃣", message: "purpose: training")],
          help: ["serve from a cluster with purpose inference or mixed"])
      ])
  }

  // MARK: - K4, K5, K6: analysis (the marker stands at the field the finding points to)

  @Test func k4101RackPower() {
    assertDiagnostics(
      """
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
            servers: {model: DGX-H100, perRack: 1️⃣5}
            powerLimit: 2️⃣44kW

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K4101", id: "rack-power-over-limit",
          message: "rack group 'gpu' draws 51.0kW per rack, above its 44.0kW limit",
          notes: [NoteSpec(locationMarker: "2️⃣", message: "the limit comes from the rack group's powerLimit")],
          help: ["lower perRack to 4 (40.8kW) and raise count to 2 to keep 5 servers, or raise the limit"]),
        // lab-1 is air-cooled: 20 kW per rack unless its racks say otherwise, so the limit itself is too high.
        DiagnosticSpec(
          locationMarker: "2️⃣", code: "K4103",
          message: "rack group 'gpu' allows 44.0kW per rack, above the site's 20.0kW",
          notes: ["the site's limit is the default for air cooling at Site/lab-1"],
          help: [
            "lower the rack group's powerLimit, or raise the site's racks.powerLimit if the facility supports it"
          ]),
      ])
  }

  /// Nine DGX H100 bring 72 compute NIC ports to a one-tier QM9700 fabric, a single 64-port switch.
  static let fabricCapacity = """
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
      tiers: 1️⃣1

    """

  @Test func k4301FabricCapacity() {
    assertDiagnostics(
      Self.fabricCapacity,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K4301", message: "Fabric/ib-2 has 72 endpoints; 1 tier of QM9700 holds 64",
          notes: ["attached: Cluster/train-2"], help: [],
          fixIts: ["declare tiers: 2, the fewest that hold 72 endpoints"])
      ])
  }

  @Test func k5001Budget() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Policy
      metadata:
        name: fleet
      spec:
        rules:
          - {check: budget, capex: 1️⃣$100k}

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K5001", message: "capex is $549.6k, above the budget of $100.0k",
          help: ["reduce the fleet, or raise the budget (docs/models.md explains the figure)"])
      ])
  }

  @Test func k6101MemoryFit() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Model
      metadata:
        name: big
      spec:
        parameters: 2️⃣405B
        layers: 126
        kv: {heads: 8, headDim: 128}
        contextLength: 128Ki
      ---
      apiVersion: kiln/v1
      kind: Region
      metadata:
        name: eu
      spec:
        jurisdiction: DE
        serving:
          - name: chat
            model: big
            cluster: infer-1
            image: vllm/vllm-openai:v0.8.5
            parallelism: {tensor: 1️⃣1}
            replicas: {min: 1, max: 1}
            demand: {peak: 100 tokens/s, averageInput: 1k, averageOutput: 300}
            secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K6101",
          message:
            "'chat' needs 877.6 GB per replica (weights 810.0 GB + KV for 131,072 tokens); 1 GPU hold 77.3 GB at 90.0%",
          notes: [NoteSpec(locationMarker: "2️⃣", message: "Model/big")],
          help: [
            "use more GPUs per replica (parallelism.tensor or pipeline), GPUs with more memory, or a shorter maxModelLen"
          ])
      ])
  }

  @Test func k6201DataResidency() {
    assertDiagnostics(
      """
      apiVersion: kiln/v1
      kind: Region
      metadata:
        name: eu
      spec:
        jurisdiction: EU
        dataResidency: 2️⃣strict
        serving:
          - name: chat
            model: llama3-8b
            cluster: 1️⃣infer-1
            image: vllm/vllm-openai:v0.8.5
            replicas: {min: 1, max: 2}
            demand: {peak: 1k tokens/s, averageInput: 1k, averageOutput: 300}
            secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

      """,
      expected: [
        DiagnosticSpec(
          locationMarker: "1️⃣", code: "K6201",
          message: "Region/eu is strictly EU, but 'chat' serves from Cluster/infer-1 at Site/lab-1 in US",
          // The second note points into the starter's infrastructure.yaml, so only its text is checked.
          notes: [NoteSpec(locationMarker: "2️⃣", message: "dataResidency: strict"), "Site/lab-1 is in US"],
          help: ["serve from a cluster at a site in EU"])
      ])
  }

  // MARK: - The markers themselves

  @Test func markersAreRemovedAndLocatedInUTF8() throws {
    let marked = try MarkedSource("a: 1️⃣x\r\nbé: 2️⃣3️⃣y\n🔟")
    #expect(marked.source == "a: x\r\nbé: y\n")
    #expect(marked.markerNames == ["1️⃣", "2️⃣", "3️⃣", "🔟"])
    #expect(marked["1️⃣"] == MarkedSource.Location(line: 1, column: 4, offset: 3))
    // 'é' is two UTF-8 bytes, so 'y' is at column 6 of line 2.
    #expect(marked["2️⃣"] == MarkedSource.Location(line: 2, column: 6, offset: 11))
    #expect(marked["3️⃣"] == marked["2️⃣"])
    #expect(marked["🔟"] == MarkedSource.Location(line: 3, column: 1, offset: 13))
    #expect(throws: MarkedSource.DuplicateMarker.self) { try MarkedSource("1️⃣a1️⃣") }
  }
}
