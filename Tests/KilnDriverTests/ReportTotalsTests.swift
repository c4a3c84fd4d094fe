import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Every money and power total equals the sum of its rows, in every report format, and the formats agree
/// with each other (docs/report-format.md). Rows are rounded one by one (whole dollars, 0.1 kW), so a sum may
/// differ from its total by half a unit per row, and no more: a missing row of storage or a site shows.
@Suite struct ReportTotalsTests {
  func output(_ project: String, _ format: ReportFormat) throws -> String {
    try #require(try inRepository { try Reporter().report(project, format: format) }.text)
  }

  /// `$114,896,200`, `4,029.6 kW`, `**2712**` → the number; nil for text and empty cells.
  static func figure(_ cell: String) -> Double? {
    var text = cell.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: ",", with: "")
    text = text.replacingOccurrences(of: "$", with: "").replacingOccurrences(of: " kW", with: "")
    return Double(text.trimmingCharacters(in: .whitespaces))
  }

  /// Checks one table: each column whose total cell is a figure is the sum of the rows' figures.
  static func checkSums(_ rows: [[String]], total: [String], unit: (String) -> Double, where label: String) {
    for (column, cell) in total.enumerated() {
      guard column > 0, let expected = figure(cell) else { continue }
      let values = rows.map { $0.indices.contains(column) ? figure($0[column]) ?? 0 : 0 }
      let tolerance = unit(cell) / 2 * Double(rows.count + 1)
      #expect(
        abs(values.reduce(0, +) - expected) <= tolerance,
        "\(label), column \(column): rows add to \(values.reduce(0, +)), the total says \(expected)")
    }
  }

  static func unit(_ cell: String) -> Double { cell.contains("kW") ? 0.1 : 1 }

  @Test(arguments: RenderedManifests.projects)
  func json(project: String) throws {
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(output(project, .json).utf8)) as? [String: Any])
    let totals = try #require(report["totals"] as? [String: Any])
    let sites = try #require(report["sites"] as? [[String: Any]])
    let storage = try #require(report["storage"] as? [[String: Any]])
    func number(_ object: [String: Any], _ key: String) -> Double { (object[key] as? NSNumber)?.doubleValue ?? 0 }
    func sum(_ rows: [[String: Any]], _ key: String) -> Double { rows.reduce(0) { $0 + number($1, key) } }
    func close(_ a: Double, _ b: Double, rows: Int, unit: Double, _ what: String) {
      #expect(abs(a - b) <= unit / 2 * Double(rows + 1), "\(project) \(what): \(a) against \(b)")
    }
    let capexByKind = try #require(totals["capexByKind_usd"] as? [String: Any])
    close(
      capexByKind.values.reduce(0) { $0 + (($1 as? NSNumber)?.doubleValue ?? 0) }, number(totals, "capex_usd"),
      rows: 4, unit: 1, "capex by kind")
    close(sum(sites, "capex_usd"), number(totals, "capex_usd"), rows: sites.count, unit: 1, "capex by site")
    close(sum(storage, "capex_usd"), number(capexByKind, "storage"), rows: storage.count, unit: 1, "storage capex")
    let tcoByPart = try #require(totals["tcoByPart_usd"] as? [String: Any])
    close(
      tcoByPart.values.reduce(0) { $0 + (($1 as? NSNumber)?.doubleValue ?? 0) }, number(totals, "tco_usd"),
      rows: 4, unit: 1, "TCO by part")
    close(
      sum(sites, "monthlyOpex_usd") + sum(storage, "monthlyOpex_usd"), number(totals, "monthlyOpex_usd"),
      rows: sites.count + storage.count, unit: 1, "opex")
    // Power to 6 significant digits: a tolerance of 0.01 kW per row.
    close(sum(sites, "itPower_kW"), number(totals, "itPower_kW"), rows: sites.count, unit: 0.02, "IT power")
    close(
      sum(sites, "averageItPower_kW"), number(totals, "averageItPower_kW"), rows: sites.count, unit: 0.02,
      "average IT power")
    close(
      sum(sites, "facilityPower_kW"), number(totals, "facilityPower_kW"), rows: sites.count, unit: 0.02,
      "facility power")
    for site in sites where site["itPower_kW"] is NSNumber {
      close(
        number(site, "servers_kW") + number(site, "storage_kW") + number(site, "network_kW"),
        number(site, "itPower_kW"), rows: 3, unit: 0.02, "\(site["name"] ?? "") IT power by kind")
    }
    close(sum(storage, "power_kW"), sum(sites, "storage_kW"), rows: storage.count, unit: 0.02, "storage power")
  }

  @Test(arguments: RenderedManifests.projects)
  func markdown(project: String) throws {
    let text = try output(project, .markdown)
    var tables = 0
    var rows: [[String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        rows = []
        continue
      }
      let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      if cells.first == "**total**" {
        Self.checkSums(Array(rows.dropFirst(2)), total: cells, unit: Self.unit, where: "\(project) Markdown")
        tables += 1
      } else {
        rows.append(cells)
      }
    }
    // Sites, capex, TCO and opex, and storage where there is any.
    #expect(tables >= 4)
    try agree(project, capex: Self.totalRow(text, after: "### Capex"), tco: Self.totalRow(text, after: "### TCO"))
  }

  @Test(arguments: RenderedManifests.projects)
  func html(project: String) throws {
    let text = try output(project, .html)
    var tables = 0
    for table in text.components(separatedBy: "<table>").dropFirst() {
      let body = table.components(separatedBy: "</table>")[0]
      let rows = body.components(separatedBy: "<tr").dropFirst().map { row in
        row.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
      }
      guard let total = rows.last, total.first == "total", body.contains("class=\"total\"") else { continue }
      Self.checkSums(Array(rows.dropLast()), total: total, unit: Self.unit, where: "\(project) HTML")
      tables += 1
    }
    #expect(tables >= 4)
  }

  @Test(arguments: RenderedManifests.projects)
  func csv(project: String) throws {
    let lines = try output(project, .csv).split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let total = try #require(lines.last)
    #expect(total.first == "total")
    let items = lines.dropFirst().dropLast()
    let price = items.reduce(0.0) { $0 + (Double($1[4]) ?? 0) }
    let power = items.reduce(0.0) { $0 + (Double($1[6]) ?? 0) }
    #expect(abs(price - (Double(total[4]) ?? -1)) <= 0.5 * Double(items.count + 1))
    #expect(abs(power - (Double(total[6]) ?? -1)) <= 0.05 * Double(items.count + 1))
    // The CSV's totals are the JSON's capex and IT power.
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(output(project, .json).utf8)) as? [String: Any])
    let totals = try #require(report["totals"] as? [String: Any])
    #expect(abs((Double(total[4]) ?? -1) - ((totals["capex_usd"] as? NSNumber)?.doubleValue ?? 0)) <= 1)
    #expect(abs((Double(total[6]) ?? -1) - ((totals["itPower_kW"] as? NSNumber)?.doubleValue ?? 0)) <= 0.06)
  }

  /// The Markdown's capex and TCO totals are the JSON's.
  func agree(_ project: String, capex: String?, tco: String?) throws {
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(output(project, .json).utf8)) as? [String: Any])
    let totals = try #require(report["totals"] as? [String: Any])
    #expect(capex.flatMap(Self.figure) == (totals["capex_usd"] as? NSNumber)?.doubleValue)
    #expect(tco.flatMap(Self.figure) == (totals["tco_usd"] as? NSNumber)?.doubleValue)
  }

  /// The total cell of the first table after a heading.
  static func totalRow(_ text: String, after heading: String) -> String? {
    guard let start = text.range(of: heading) else { return nil }
    let line = text[start.upperBound...].split(separator: "\n").first { $0.hasPrefix("| **total**") }
    return line?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.last
  }
}
