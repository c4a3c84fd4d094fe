import KilnAnalysis

/// A table whose last row adds up the ones above it, column by column where a column is a sum. Markdown
/// and HTML render the same tables, in whole dollars and kW to 0.1, so the rows visibly add up to the
/// total (a test checks each format).
struct TotalledTable {
  var title: String
  var header: [String]
  var rows: [[String]]
  var total: [String]
  /// Columns after the first that hold text rather than figures (left-aligned).
  var textColumns = 0
}

/// The report's totalled tables: where each money and power total comes from.
enum TotalledTables {
  static func all(_ report: ProjectReport) -> [TotalledTable] {
    [sites(report)] + (report.storage.isEmpty ? [] : [storage(report)]) + costs(report)
  }

  static func sites(_ report: ProjectReport) -> TotalledTable {
    let sites = report.sites
    func sum(_ value: (ProjectReport.Site) -> Double?) -> Double { sites.reduce(0) { $0 + (value($1) ?? 0) } }
    func power(_ value: Double?) -> String { value.map(ReportFormatting.kWExact) ?? "n/a" }
    return TotalledTable(
      title: "Sites",
      header: [
        "site", "ownership", "jurisdiction", "servers", "storage", "network", "IT power", "average draw",
        "facility power", "capacity", "headroom", "GPUs", "capex", "opex / month", "$ / GPU-hour",
      ],
      rows: sites.map { site in
        [
          site.name, site.ownership, site.jurisdiction, power(site.serversKW), power(site.storageKW),
          power(site.networkKW), power(site.itPowerKW), power(site.averageITPowerKW), power(site.facilityPowerKW),
          site.capacityKW.map(ReportFormatting.kWExact) ?? "—", site.headroom.map(ReportFormatting.percent) ?? "—",
          "\(site.gpus)", ReportFormatting.dollars(site.capexUSD), ReportFormatting.dollars(site.monthlyOpexUSD),
          site.gpuHourUSD.map { "$" + ReportFormatting.fixed($0, 3) } ?? "—",
        ]
      },
      total: [
        "total", "", "", ReportFormatting.kWExact(sum(\.serversKW)), ReportFormatting.kWExact(sum(\.storageKW)),
        ReportFormatting.kWExact(sum(\.networkKW)), ReportFormatting.kWExact(sum(\.itPowerKW)),
        ReportFormatting.kWExact(sum(\.averageITPowerKW)), ReportFormatting.kWExact(sum(\.facilityPowerKW)), "", "",
        "\(sites.reduce(0) { $0 + $1.gpus })", ReportFormatting.dollars(sum(\.capexUSD)),
        ReportFormatting.dollars(sum(\.monthlyOpexUSD)), "",
      ], textColumns: 2)
  }

  static func storage(_ report: ProjectReport) -> TotalledTable {
    let tiers = report.storage
    func sum(_ value: (ProjectReport.Storage) -> Double) -> Double { tiers.reduce(0) { $0 + value($1) } }
    func rate(_ value: Double?) -> String { value.map { ReportFormatting.fixed($0, 1) + " GB/s" } ?? "—" }
    return TotalledTable(
      title: "Storage",
      header: [
        "storage", "site", "class", "capacity", "read", "write", "read per GPU", "nodes × ports", "power",
        "average draw", "capex", "opex / month",
      ],
      rows: tiers.map { tier in
        [
          tier.name, tier.site, tier.storageClass, ReportFormatting.fixed(tier.capacityTB, 0) + " TB",
          rate(tier.readGBps), rate(tier.writeGBps),
          tier.readPerGPUGBps.map { ReportFormatting.fixed($0, 2) + " GB/s" } ?? "—",
          tier.nodes.map { "\($0) × \(tier.ports.map { $0 / max(1, tier.nodes ?? 1) } ?? 0)" } ?? "—",
          ReportFormatting.kWExact(tier.powerKW), ReportFormatting.kWExact(tier.averagePowerKW),
          ReportFormatting.dollars(tier.capexUSD), ReportFormatting.dollars(tier.monthlyOpexUSD),
        ]
      },
      total: [
        "total", "", "", "", "", "", "", "", ReportFormatting.kWExact(sum(\.powerKW)),
        ReportFormatting.kWExact(sum(\.averagePowerKW)), ReportFormatting.dollars(sum(\.capexUSD)),
        ReportFormatting.dollars(sum(\.monthlyOpexUSD)),
      ], textColumns: 2)
  }

  /// Capex by kind, the TCO by part, and the opex per month by site and Storage.
  static func costs(_ report: ProjectReport) -> [TotalledTable] {
    let totals = report.totals
    func table(_ title: String, _ label: String, _ rows: [(String, Double)], total: Double) -> TotalledTable {
      TotalledTable(
        title: title, header: [label, "$"], rows: rows.map { [$0.0, ReportFormatting.dollars($0.1)] },
        total: ["total", ReportFormatting.dollars(total)])
    }
    let opex =
      report.sites.map { ("\($0.name) (\($0.ownership))", $0.monthlyOpexUSD) }
      + report.storage.filter { $0.monthlyOpexUSD > 0 }.map { ("Storage/\($0.name)", $0.monthlyOpexUSD) }
    return [
      table("Capex", "kind", totals.capexBreakdownUSD, total: totals.capexUSD),
      table("TCO over the lifetime", "part", totals.tcoBreakdownUSD, total: totals.tcoUSD),
      table("Opex per month", "item", opex, total: totals.monthlyOpexUSD),
    ]
  }
}
