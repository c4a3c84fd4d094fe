import KilnIR
import KilnSpec
import KilnSupport

/// The bill of materials: what would be bought, by catalog entry, with unit and total prices.
public struct BillOfMaterials: Sendable {
  public struct Line: Sendable {
    public var item: String
    public var catalogName: String
    public var count: Int
    public var unitPrice: Double?
    public var estimated: Bool
    public var total: Double? { unitPrice.map { $0 * Double(count) } }
  }

  public var lines: [Line] = []

  public init(_ ir: IRProject) {
    var servers: [String: (Int, ServerModel)] = [:]
    var optics: [String: (Int, TransceiverModel)] = [:]
    var switches: [String: (Int, SwitchModel)] = [:]
    for cluster in ir.clusters where cluster.site?.ownership.value != .cloud {
      for group in cluster.rackGroups {
        servers[group.server.name, default: (0, group.server)].0 += group.servers
        for nic in group.server.nics {
          guard let reference = nic.transceiver, let module = ir.catalog[reference] else { continue }
          optics[module.name, default: (0, module)].0 +=
            group.servers * ((nic.count + module.ports - 1) / max(1, module.ports))
        }
      }
    }
    for fabric in ir.fabrics {
      guard let size = fabric.sizeValue, let model = fabric.switchModel else { continue }
      switches[model.name, default: (0, model)].0 += size.switches
      if let module = fabric.transceiver { optics[module.name, default: (0, module)].0 += fabric.transceiverModules }
    }
    // One line per catalog entry, in name order: the entry's count, its price and whether that is an estimate.
    func tally(_ item: String, _ counts: [String: (Int, Double?, Bool)]) {
      for name in counts.keys.sorted() {
        guard let (count, price, estimated) = counts[name] else { continue }
        lines.append(Line(item: item, catalogName: name, count: count, unitPrice: price, estimated: estimated))
      }
    }
    tally("server", servers.mapValues { ($0.0, $0.1.price, $0.1.estimatedFields.contains(CatalogFieldNames.price)) })
    tally("switch", switches.mapValues { ($0.0, $0.1.price, $0.1.estimatedFields.contains(CatalogFieldNames.price)) })
    tally(
      "transceiver", optics.mapValues { ($0.0, $0.1.price, $0.1.estimatedFields.contains(CatalogFieldNames.price)) })
    // Cables: one per link, switch-to-switch and endpoint. The catalog has no cable entries, so no price.
    var cables = 0
    for fabric in ir.fabrics {
      guard let size = fabric.sizeValue else { continue }
      cables += size.switchLinks + size.endpointLinks
    }
    if cables > 0 {
      lines.append(Line(item: "cable", catalogName: "link", count: cables, unitPrice: nil, estimated: false))
    }
    for storage in ir.storage.sorted(by: { $0.name < $1.name }) {
      guard let price = storage.price else { continue }
      lines.append(
        Line(
          item: "storage", catalogName: "Storage/\(storage.name)", count: 1, unitPrice: price.value, estimated: false))
    }
  }

  /// RFC 4180 CSV: item, catalog name, count, unit price, total, estimate.
  public var csv: String {
    var out = "item,catalog_name,count,unit_price_usd,total_usd,estimate\n"
    for line in lines {
      let unit = line.unitPrice.map { String(Int(saturating: $0.rounded())) } ?? ""
      let total = line.total.map { String(Int(saturating: $0.rounded())) } ?? ""
      out +=
        "\(line.item),\(Self.quote(line.catalogName)),\(line.count),\(unit),\(total),\(line.estimated ? "yes" : "no")\n"
    }
    return out
  }

  static func quote(_ field: String) -> String {
    guard field.contains(",") || field.contains("\"") || field.contains("\n") else { return field }
    return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
