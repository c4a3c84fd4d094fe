import KilnAnalysis
import KilnSupport

/// `kiln report --format csv`: the bill of materials as RFC 4180 CSV (docs/report-format.md §4). One line per
/// catalog entry, cables and Storage, then a `total` line whose price is the capex and whose power is the IT
/// power. Storage lines also carry what the report's Storage section gives: capacity, read bandwidth, read
/// per GPU served and the monthly price.
public enum CSVReport {
  public static func render(_ bill: BillOfMaterials, _ report: ProjectReport) -> String {
    let storage = Dictionary(report.storage.map { ("Storage/\($0.name)", $0) }, uniquingKeysWith: { first, _ in first })
    var out =
      "item,catalog_name,count,unit_price_usd,total_usd,estimate,power_kW,power_estimate,"
      + "capacity_TB,read_GBps,readPerGpu_GBps,monthly_usd,tier\n"
    for line in bill.lines {
      let tier = line.item == "storage" ? storage[line.catalogName] : nil
      var fields: [String] = [line.item, quote(line.catalogName), "\(line.count)"]
      fields.append(line.unitPrice.map(dollars) ?? "")
      fields.append(line.total.map(dollars) ?? "")
      fields.append(line.estimated ? "yes" : "no")
      fields.append(line.power.map(kilowatts) ?? "")
      fields.append(line.power == nil ? "" : line.powerEstimated ? "yes" : "no")
      fields.append(tier.map { ReportFormatting.fixed($0.capacityTB, 0) } ?? "")
      fields.append(tier.map { ReportFormatting.fixed($0.readGBps, 1) } ?? "")
      fields.append(tier?.readPerGPUGBps.map { ReportFormatting.fixed($0, 3) } ?? "")
      fields.append(tier.map { dollars($0.monthlyOpexUSD) } ?? "")
      fields.append(line.tier ?? "")
      out += fields.joined(separator: ",") + "\n"
    }
    out += "total,,,,\(dollars(bill.totalPrice)),,\(kilowatts(bill.totalPower)),,,,,,\n"
    return out
  }

  static func dollars(_ value: Double) -> String { String(Int(saturating: value.rounded())) }

  /// W as kW with one decimal, without a locale.
  static func kilowatts(_ watts: Double) -> String { ReportFormatting.fixed(watts / 1_000, 1) }

  static func quote(_ field: String) -> String {
    guard field.contains(",") || field.contains("\"") || field.contains("\n") else { return field }
    return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
