import KilnIR
import KilnSpec
import KilnSupport

/// The bill of materials: what would be bought, by catalog entry, with unit and total prices and the
/// maximum power each line adds to the sites' IT load. Its totals are the capex and the IT power.
public struct BillOfMaterials: Sendable {
  public struct Line: Sendable {
    public var item: String
    public var catalogName: String
    public var count: Int
    public var unitPrice: Double?
    public var estimated: Bool
    /// W at maximum (power caps applied) that the line adds to the sites' IT load; nil where it adds none.
    public var power: Double?
    /// Whether the catalog marks that power as an estimate.
    public var powerEstimated = false
    /// A switch line's fabric tier (`leaf`, `spine`, `core`, a dragonfly's `router`): one line per model and
    /// tier; nil for other lines.
    public var tier: String?
    public var total: Double? { unitPrice.map { $0 * Double(count) } }
  }

  public var lines: [Line] = []

  /// `siteLoads`: SiteLoad.bySite of the same IR, so the power column adds up to the sites' IT power.
  public init(_ ir: IRProject, siteLoads: [String: SiteLoad]) {
    var servers: [String: (count: Int, power: Double, model: ServerModel)] = [:]
    var optics: [String: (Int, TransceiverModel)] = [:]
    // Keyed by model and tier, in that order.
    struct SwitchKey: Hashable, Comparable {
      var model: String
      var tier: Int
      static func < (a: SwitchKey, b: SwitchKey) -> Bool { (a.model, a.tier) < (b.model, b.tier) }
    }
    var switches: [SwitchKey: (count: Int, power: Double, model: SwitchModel, tier: String)] = [:]
    for cluster in ir.clusters where cluster.site?.ownership.value != .cloud {
      for group in cluster.rackGroups {
        servers[group.server.name, default: (0, 0, group.server)].count += group.servers
        servers[group.server.name, default: (0, 0, group.server)].power += Double(group.servers) * group.serverPower
        for nic in group.server.nics {
          guard let reference = nic.transceiver, let module = ir.catalog[reference] else { continue }
          optics[module.name, default: (0, module)].0 +=
            group.servers * ((nic.count + module.ports - 1) / max(1, module.ports))
        }
      }
    }
    // Switches draw power where a site's load counts them (not at a fabric of rented servers only).
    let network = Dictionary(
      siteLoads.values.flatMap { $0.contributors.filter { $0.kind == .network }.map { ($0.name, $0.watts) } },
      uniquingKeysWith: +)
    for fabric in ir.fabrics {
      guard let size = fabric.sizeValue else { continue }
      // A fabric's drawn power shared by its tiers' switch counts × their models' power.
      let fabricWatts = fabric.switchPower ?? 0
      for (tier, model, count) in fabric.switchTiers {
        let share = fabricWatts > 0 ? Double(count) * (model.power ?? 0) / fabricWatts : 0
        let name = size.groups > 0 ? "router" : tier.rawValue
        let key = SwitchKey(model: model.name, tier: FabricTier.allCases.firstIndex(of: tier) ?? 0)
        switches[key, default: (0, 0, model, name)].count += count
        switches[key, default: (0, 0, model, name)].power += (network[fabric.id] ?? 0) * share
      }
      if let module = fabric.transceiver { optics[module.name, default: (0, module)].0 += fabric.transceiverModules }
    }
    func estimated<Entry: CatalogEntryRecord>(_ entry: Entry) -> Bool {
      entry.estimatedFields.contains(CatalogFieldNames.price)
    }
    for name in servers.keys.sorted() {
      guard let line = servers[name] else { continue }
      lines.append(
        Line(
          item: "server", catalogName: name, count: line.count, unitPrice: line.model.price,
          estimated: estimated(line.model), power: line.power,
          powerEstimated: line.model.estimatedFields.contains(CatalogFieldNames.power)))
    }
    for key in switches.keys.sorted() {
      guard let line = switches[key] else { continue }
      lines.append(
        Line(
          item: "switch", catalogName: key.model, count: line.count, unitPrice: line.model.price,
          estimated: estimated(line.model), power: line.power > 0 ? line.power : nil,
          powerEstimated: line.power > 0 && line.model.estimatedFields.contains(CatalogFieldNames.power),
          tier: line.tier))
    }
    for name in optics.keys.sorted() {
      guard let (count, module) = optics[name] else { continue }
      lines.append(
        Line(
          item: "transceiver", catalogName: name, count: count, unitPrice: module.price, estimated: estimated(module),
          power: nil))
    }
    // Cables: switch to switch (`linksPerCable` links per cable between two switches), and one per endpoint
    // or backup-host link. The catalog has no cable entries, so no price.
    var switchCables = 0
    var endpointCables = 0
    for fabric in ir.fabrics {
      guard let size = fabric.sizeValue else { continue }
      switchCables += fabric.switchCables
      endpointCables += size.endpointLinks + size.spareLinks
    }
    for (kind, count) in [("endpoint", endpointCables), ("switch-to-switch", switchCables)] where count > 0 {
      lines.append(Line(item: "cable", catalogName: kind, count: count, unitPrice: nil, estimated: false, power: nil))
    }
    // Every Storage: its capex price where it has one, and its declared draw.
    for storage in ir.storage.sorted(by: { $0.name < $1.name }) {
      lines.append(
        Line(
          item: "storage", catalogName: "Storage/\(storage.name)", count: 1, unitPrice: storage.price?.value,
          estimated: false, power: storage.power.value > 0 ? storage.power.value : nil))
    }
  }

  /// Σ of the lines' totals (the capex) and of their power (the sites' IT power at maximum), W.
  public var totalPrice: Double { lines.reduce(0) { $0 + ($1.total ?? 0) } }
  public var totalPower: Double { lines.reduce(0) { $0 + ($1.power ?? 0) } }
}
