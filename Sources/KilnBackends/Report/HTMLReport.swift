import KilnAnalysis
import KilnSpec

/// `kiln report --format html`: one self-contained file — inline CSS and SVG, no external URL, no
/// JavaScript — readable in a browser and printable.
public enum HTMLReport {
  public static func render(_ report: ProjectReport, title: String) -> String {
    let totals = report.totals
    var body = "<h1>\(escape(title)): capacity and cost</h1>\n"
    body += "<section class=\"cards\">\n"
    for (label, value) in [
      ("GPUs", "\(totals.gpus)"), ("IT power", kW(totals.itPowerKW)), ("facility power", kW(totals.facilityPowerKW)),
      ("capex", money(totals.capexUSD)), ("opex / month", money(totals.monthlyOpexUSD)), ("TCO", money(totals.tcoUSD)),
      ("owned GPU-hour", totals.ownedGPUHourUSD.map { "$" + ReportFormatting.fixed($0, 2) } ?? "—"),
      ("energy / year", ReportFormatting.fixed(totals.energyPerYearMWh / 1_000, 1) + " GWh"),
    ] {
      body +=
        "<div class=\"card\"><div class=\"value\">\(escape(value))</div><div class=\"label\">\(escape(label))</div></div>\n"
    }
    body += "</section>\n"
    body += "<p>\(escape(ReportFormatting.gpuHourComparison(totals)))</p>\n"
    if !report.estimatedItems.isEmpty {
      body +=
        "<p class=\"note\">Money totals rest on estimated catalog prices for: \(escape(report.estimatedItems.joined(separator: ", "))).</p>\n"
    }
    if !totals.estimatedPower.isEmpty {
      body +=
        "<p class=\"note\">Power, energy and the opex of owned sites rest on estimated catalog power for: \(escape(totals.estimatedPower.joined(separator: ", "))).</p>\n"
    }
    if report.errors + report.warnings > 0 {
      body +=
        "<p class=\"warn\">\(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s") — run <code>kiln lint</code> for details.</p>\n"
    }

    body += "<h2>Power per site</h2>\n"
    body +=
      BarChart(
        unit: "kW",
        rows: report.sites.filter { $0.capacityKW != nil }.map {
          BarChart.Row(
            label: $0.name, value: $0.facilityPowerKW ?? 0, limit: $0.capacityKW,
            valueText: $0.facilityPowerKW.map(kW) ?? "n/a",
            limitText: $0.capacityKW.map(kW))
        }, valueName: "facility power", limitName: "capacity", scalePerRow: true
      ).svg
    body += "<h2>Capex</h2>\n"
    body +=
      BarChart(
        unit: "$",
        rows: totals.capexBreakdownUSD.filter { $0.1 > 0 }.map {
          BarChart.Row(label: $0.0, value: $0.1, limit: nil, valueText: money($0.1), limitText: nil)
        }, valueName: "capex", limitName: nil
      ).svg
    if !report.serving.isEmpty {
      body += "<h2>Serving capacity against peak demand</h2>\n"
      body +=
        BarChart(
          unit: "tokens/s",
          rows: report.serving.map {
            BarChart.Row(
              label: "\($0.region)/\($0.label)", value: $0.capacityTokensPerSecond ?? 0,
              limit: $0.demandTokensPerSecond,
              valueText: rate($0.capacityTokensPerSecond ?? 0) + " tok/s",
              limitText: rate($0.demandTokensPerSecond) + " tok/s")
          }, valueName: "capacity at max replicas", limitName: "peak demand"
        ).svg
    }

    body += table(TotalledTables.sites(report))
    if !report.storage.isEmpty { body += table(TotalledTables.storage(report)) }
    body +=
      "<h2>Clusters</h2>\n"
      + table(
        ["cluster", "site", "GPUs", "models", "schedulable", "queueable", "BF16 PFLOPS", "FP8 PFLOPS"],
        report.clusters.map {
          [
            $0.name, $0.site, "\($0.gpus)", $0.gpuModels.joined(separator: ", "), "\($0.schedulableGpus)",
            "\($0.queueableGpus)",
            ($0.peakPFLOPS[GPUModel.Precision.bf16.rawValue] ?? nil).map { ReportFormatting.fixed($0, 1) } ?? "—",
            ($0.peakPFLOPS[GPUModel.Precision.fp8.rawValue] ?? nil).map { ReportFormatting.fixed($0, 1) } ?? "—",
          ]
        })
    body +=
      "<h2>Fabrics</h2>\n"
      + table(
        ["fabric", "topology", "tiers", "planes", "endpoints", "switches", "switch links", "optics", "$ / endpoint"],
        report.fabrics.map {
          [
            $0.name, $0.topology, $0.tiers.map(String.init) ?? "—", $0.planes.map(String.init) ?? "—",
            "\($0.endpoints)",
            $0.switches.map(String.init) ?? "—", $0.switchLinks.map(String.init) ?? "—", "\($0.transceivers)",
            $0.costPerEndpointUSD.map(money) ?? "—",
          ]
        })
    body +=
      "<h3>Switch tiers</h3>\n"
      + table(
        ["fabric", "tier", "switch", "switches", "ports down", "ports up", "cables up", "pods", "endpoint links"],
        report.fabrics.flatMap { fabric in
          fabric.tierDetails.enumerated().map { index, tier in
            [
              fabric.name, tier.tier, tier.switchModel, "\(tier.switches)", "\(tier.portsDown)", "\(tier.portsUp)",
              "\(tier.cablesUp)", index == 0 ? fabric.pods.map(String.init) ?? "—" : "",
              index == 0 ? fabric.endpointLinks.map(String.init) ?? "—" : "",
            ]
          }
        })
    if !report.regions.isEmpty {
      body +=
        "<h2>Front doors</h2>\n"
        + table(
          ["region", "gateway class", "routing", "match", "requests/s at peak"],
          report.regions.map {
            [
              $0.name, $0.gatewayClass ?? "— (K7005)", $0.routing, $0.match,
              ReportFormatting.fixed($0.requestsPerSecondAtPeak, 1),
            ]
          })
    }
    if !report.training.isEmpty {
      body +=
        "<h2>Training runs</h2>\n"
        + table(
          ["run", "FLOPs", "GPU-hours", "days", "cost", "goodput", "interruptions", "days with failures"],
          report.training.map {
            [
              $0.name, ReportFormatting.scientific($0.flops), $0.gpuHours.map { ReportFormatting.fixed($0, 0) } ?? "—",
              $0.days.map { ReportFormatting.fixed($0, 1) } ?? "—", $0.costUSD.map(money) ?? "—",
              $0.goodput.map { ReportFormatting.fixed($0 * 100, 1) + " %" } ?? "—",
              $0.interruptions.map { ReportFormatting.fixed($0, 0) } ?? "—",
              $0.daysWithFailures.map { ReportFormatting.fixed($0, 1) } ?? "—",
            ]
          })
    }
    body += "<h2>Cost</h2>\n"
    for cost in TotalledTables.costs(report) { body += table(cost, level: "h3") }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <title>\(escape(title)) — Kiln report</title>
      <style>
      \(style)
      </style>
      </head>
      <body>
      \(body)<footer>Generated by kiln report. Figures and formulas: docs/models.md.</footer>
      </body>
      </html>

      """
  }

  static let style = """
    body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d2433; margin: 2em auto; max-width: 1100px; padding: 0 1em; }
    h1 { font-size: 1.6em; margin-bottom: .4em; } h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #dde2ea; padding-bottom: .2em; }
    .cards { display: flex; flex-wrap: wrap; gap: .8em; } .card { border: 1px solid #dde2ea; border-radius: 6px; padding: .6em 1em; min-width: 130px; }
    .card .value { font-size: 1.35em; font-weight: 600; } .card .label { color: #5b6475; font-size: .85em; }
    table { border-collapse: collapse; width: 100%; font-size: .9em; } th, td { border-bottom: 1px solid #e6e9ef; padding: .35em .5em; text-align: right; }
    th:first-child, td:first-child { text-align: left; } th { background: #f5f7fa; }
    tr.total td { font-weight: 600; border-top: 2px solid #c7cdd8; } h3 { font-size: 1.05em; margin-top: 1.4em; }
    .note { color: #5b6475; font-size: .85em; } .warn { color: #a03a00; font-weight: 600; }
    svg { max-width: 100%; height: auto; } svg text { font: 12px Helvetica, Arial, sans-serif; fill: #1d2433; }
    footer { margin-top: 2.5em; color: #8a93a3; font-size: .8em; }
    @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } svg, table { page-break-inside: avoid; } }
    """

  static func table(_ header: [String], _ rows: [[String]]) -> String {
    var out = "<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
    for row in rows { out += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
    return out + "</table>\n"
  }

  /// A totalled table: its rows, then the total in bold.
  static func table(_ table: TotalledTable, level: String = "h2") -> String {
    var out = "<\(level)>\(escape(table.title))</\(level)>\n"
    out += Self.table(table.header, table.rows).dropLast("</table>\n".count)
    out += "<tr class=\"total\">" + table.total.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n</table>\n"
    return out
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }

  static func kW(_ value: Double) -> String { ReportFormatting.kW(value) }
  static func money(_ value: Double) -> String { ReportFormatting.money(value) }
  static func percent(_ value: Double) -> String { ReportFormatting.percent(value) }
  static func rate(_ value: Double) -> String { ReportFormatting.rate(value) }
}

/// A horizontal bar chart in SVG: one bar per row, with an optional limit marker (capacity, demand).
struct BarChart {
  struct Row {
    var label: String
    var value: Double
    var limit: Double?
    var valueText: String
    var limitText: String?
  }

  var unit: String
  var rows: [Row]
  var valueName: String
  var limitName: String?
  /// Each row on its own scale (sites of very different sizes); otherwise one scale for all rows.
  var scalePerRow = false

  var svg: String {
    let labelWidth = 170.0
    let chartWidth = 640.0
    let rowHeight = 30.0
    let top = 28.0
    let height = top + Double(rows.count) * rowHeight + 10
    let maximum = max(rows.map { max($0.value, $0.limit ?? 0) }.max() ?? 1, 1e-9)
    var out =
      "<svg viewBox=\"0 0 \(Int(labelWidth + chartWidth + 150)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLReport.escape(valueName))\">\n"
    out += "<rect x=\"\(Int(labelWidth))\" y=\"6\" width=\"12\" height=\"12\" fill=\"#3b73c8\"/>"
    out += "<text x=\"\(Int(labelWidth) + 18)\" y=\"16\">\(HTMLReport.escape(valueName))</text>\n"
    if let limitName {
      out += "<rect x=\"\(Int(labelWidth) + 230)\" y=\"4\" width=\"3\" height=\"16\" fill=\"#d0421b\"/>"
      out += "<text x=\"\(Int(labelWidth) + 240)\" y=\"16\">\(HTMLReport.escape(limitName))</text>\n"
    }
    for (index, row) in rows.enumerated() {
      let y = top + Double(index) * rowHeight
      let scale = scalePerRow ? max(row.value, row.limit ?? 0, 1e-9) : maximum
      let width = chartWidth * row.value / scale
      out +=
        "<text x=\"\(Int(labelWidth) - 8)\" y=\"\(Int(y + 18))\" text-anchor=\"end\">\(HTMLReport.escape(row.label))</text>\n"
      out +=
        "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 5))\" width=\"\(Int(width.rounded()))\" height=\"18\" fill=\"#3b73c8\"/>\n"
      if let limit = row.limit {
        let x = labelWidth + chartWidth * limit / scale
        out += "<rect x=\"\(Int(x.rounded()) - 1)\" y=\"\(Int(y + 1))\" width=\"3\" height=\"26\" fill=\"#d0421b\"/>\n"
      }
      var caption = row.valueText
      if let limitText = row.limitText { caption += " / " + limitText }
      out +=
        "<text x=\"\(Int(labelWidth + chartWidth) + 8)\" y=\"\(Int(y + 18))\">\(HTMLReport.escape(caption))</text>\n"
    }
    return out + "</svg>\n"
  }
}
