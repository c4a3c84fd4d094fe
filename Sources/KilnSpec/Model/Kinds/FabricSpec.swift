import KilnDiagnostics

/// `Fabric`: a network, with defaults: compute purpose, `auto` tiers, 1:1.
public struct FabricSpec: SpecRecord, ReferenceTarget {
  public enum Purpose: String, ChoiceValue { case compute, storage }
  /// What a leaf holds: `down` endpoint ports (a rail-optimized fabric's leaf per rail: `down` nodes), or a
  /// rack's (a rail-optimized fabric's: a leaf per rack per rail).
  public enum LeafGroup: String, ChoiceValue { case nodes, rack }
  /// Which leaf ports run at the switch's breakout speed when the NICs do.
  public enum BreakoutSide: String, ChoiceValue { case both, down }
  public enum Technology: String, ChoiceValue { case infiniband, ethernet }
  public enum Topology: String, ChoiceValue {
    case fatTree = "fat-tree"
    case railOptimized = "rail-optimized"
    case multiPlane = "multi-plane"
    case dragonfly
  }

  public static let referenceKind = SpecKind.fabric.rawValue

  public var name = ""
  public var nameRange = SourceRange.wholeFile("")
  public var purpose: Located<Purpose> = .placeholder
  public var technology: Located<Technology> = .placeholder
  public var switchModel: Reference<SwitchModel> = .placeholder
  /// The spine and core tiers' switches when they differ from the leaves' (`switch`).
  public var spineSwitch: Reference<SwitchModel>?
  public var coreSwitch: Reference<SwitchModel>?
  public var transceiver: Reference<TransceiverModel>?
  public var topology: Located<Topology> = .placeholder
  /// `nil` for `auto`.
  public var tiers: Located<Int?> = .placeholder
  /// `nil`: the nodes' compute NIC count, resolved by the IR.
  public var planes: Located<Int>?
  public var leafGroup: Located<LeafGroup> = .placeholder
  /// Each NIC's two ports on two different leaves (or planes).
  public var dualHomed: Located<Bool> = .placeholder
  public var breakoutSide: Located<BreakoutSide> = .placeholder
  /// Down ports each leaf keeps free for backup hosts.
  public var sparePorts: Located<Int> = .placeholder
  /// Switch-to-switch links one cable carries between the same two switches.
  public var linksPerCable: Located<Int> = .placeholder
  /// Leaf down:up ratio as `down / up` (1 for 1:1).
  public var oversubscription: Located<Double> = .placeholder
  /// Spine down:up toward the cores (three tiers), as `down / up`.
  public var spineOversubscription: Located<Double> = .placeholder
  /// Pods of a three-tier fabric: endpoint ports per pod, all planes together.
  public var podKey: SourceRange?
  public var podEndpoints: Located<Int>?
  /// A dragonfly's shape: routers per group (a), hosts per router (p), global links per router (h), and the
  /// groups (g; nil: as many as the endpoints need).
  public var dragonflyKey: SourceRange?
  public var routersPerGroup: Located<Int>?
  public var hostsPerRouter: Located<Int>?
  public var globalLinksPerRouter: Located<Int>?
  public var groups: Located<Int>?

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
    nameRange = object.nameRange
  }

  public static let table = FieldTable<FabricSpec>(
    "A network.",
    [
      .field("purpose", Purpose.fieldType, \.purpose, default: .value("compute"), "what the fabric carries"),
      .field("technology", Technology.fieldType, \.technology, required: true, "link technology"),
      .reference(
        "switch", \.switchModel, required: true,
        "the leaves' switch model, and every tier's unless `spineSwitch` or `coreSwitch` says otherwise (K3002 if unknown)"
      ),
      .reference(
        "spineSwitch", \.spineSwitch, default: .rule("`switch`"),
        "the spines' switch model (Meta's Llama 3 cluster: Minipack2 ToRs, Arista 7800 cluster switches)"),
      .reference("coreSwitch", \.coreSwitch, default: .rule("`spineSwitch`"), "the cores' switch model"),
      .reference("transceiver", \.transceiver, default: .rule("none: copper, no optics cost"), "switch-side optics"),
      .field("topology", Topology.fieldType, \.topology, required: true, "how the switches are wired"),
      .field(
        "tiers", .choice(["1", "2", "3", "auto"]), \.tiers, default: .value("auto"),
        "switch tiers. `auto` picks the smallest that fits. Plain `2` and quoted `\"2\"` are the same",
        read: { node in node.text.map { Int($0) } }),
      .field(
        "planes", .count, \.planes, default: .rule("the nodes' compute NIC count"),
        "`multi-plane` only: NIC *i* of a node joins plane *i* mod `planes`"),
      .field(
        "leafGroup", LeafGroup.fieldType, \.leafGroup, default: .value("nodes"),
        "what a leaf holds: `down` endpoint ports (`nodes`; rail-optimized: a leaf per rail for every `down` nodes, the DGX SuperPOD H100's scalable units), or a rack (`rack`: a top-of-rack switch per rack, as Meta's Llama 3 racks of two servers; rail-optimized: a leaf per rack per rail, for rack-scale systems such as GB200 NVL72). A rack's leaf has as many uplinks as its ports need at `oversubscription`"
      ),
      .field(
        "dualHomed", .boolean, \.dualHomed, default: .value("false"),
        "each NIC's two ports (ports 2*i* and 2*i* + 1 of a node) go to two different leaves: `fat-tree` leaves come in pairs; `multi-plane` needs an even plane count (Alibaba HPN's dual-ToR: a NIC's two 200G ports on two ToRs in two planes)"
      ),
      .field(
        "breakoutSide", BreakoutSide.fieldType, \.breakoutSide, default: .value("both"),
        "when the NICs run at the switch's breakout speed: every port broken out (`both`), or only the leaves' ports toward the endpoints (`down`: uplinks and spines at full speed, as ByteDance MegaScale's ToRs split each 400G port down into 2 × 200G). The oversubscription then splits the physical ports"
      ),
      .field(
        "sparePorts", .count, \.sparePorts, default: .value("0"),
        "down ports each leaf keeps free for backup hosts, which endpoints do not use (Alibaba HPN's ToRs: 128 active and 8 backup 200G ports). Fewer endpoints per leaf, so more leaves"
      ),
      .field(
        "linksPerCable", .count, \.linksPerCable, default: .value("1"), range: .atMost(16, "16", positive: true),
        "switch-to-switch links one cable carries between the same two switches: `2` for an 800G twin-port cable carrying two 400G links. The bill of materials counts cables from it; endpoint links are a cable each"
      ),
      .field(
        "oversubscription", .ratio, \.oversubscription, default: .value("1:1"),
        "leaf down:up port ratio. `\"1:1\"` is non-blocking; `200%` means the same as `\"2:1\"`; `\"1:2\"` is under-subscribed"
      ),
      .field(
        "spineOversubscription", .ratio, \.spineOversubscription, default: .value("1:1"),
        "spine down:up port ratio toward the cores (three tiers): Meta's Llama 3 aggregation layer is `\"7:1\"`, Alibaba HPN's `\"15:1\"`"
      ),
      .group(
        "pod", default: .rule("none: all leaves share the spines"), keyRange: \FabricSpec.podKey,
        "pods of a three-tier fabric: each pod's leaves share spines of their own, the pods' spines join through the cores (Meta's 3,072-GPU pods)",
        [
          .field(
            "endpoints", .count, \.podEndpoints, required: true,
            range: .atMost(100_000_000, "100,000,000", positive: true),
            "endpoint ports per pod, all planes together")
        ]),
      .group(
        "dragonfly", requiredWhen: "`topology: dragonfly`", keyRange: \FabricSpec.dragonflyKey,
        "the canonical dragonfly's shape ([models.md §4.11](models.md#411-dragonfly)): groups of routers wired all-to-all, the groups joined by global links",
        [
          .field(
            "routersPerGroup", .count, \.routersPerGroup, required: true,
            range: .atMost(65_536, "65,536", positive: true),
            "routers in a group (a)"),
          .field(
            "hostsPerRouter", .count, \.hostsPerRouter, required: true,
            range: .atMost(65_536, "65,536", positive: true),
            "endpoint ports per router (p)"),
          .field(
            "globalLinksPerRouter", .count, \.globalLinksPerRouter, required: true,
            range: .atMost(65_536, "65,536"), "links from each router to other groups (h)"),
          .field(
            "groups", .count, \.groups, default: .rule("as many as the endpoints need: ceil(E ÷ (a × p))"),
            range: .atMost(1_000_000, "1,000,000", positive: true), "groups (g), at most a × h + 1"),
        ]),
    ])
}
