import KilnSupport

/// A Grafana dashboard in the classic JSON model, laid out two panels to a row: time series of PromQL with
/// an optional threshold line at an analysed figure. Its `uid` is a hash of what it shows, so it is the same
/// on every build and never longer than Grafana's 40 characters.
struct GrafanaDashboard {
  /// The schema version Grafana 10.4 writes; later releases migrate it on load.
  static let schemaVersion = 39

  struct Panel {
    var title: String
    var description: String
    /// PromQL, one series legend each.
    var queries: [(expr: String, legend: String)]
    var unit: String
    /// A red line at this value (a limit, an objective, a planned capacity); nil for none.
    var threshold: Double?
  }

  var key: String
  var title: String
  var tags: [String]
  var panels: [Panel]

  /// `kiln-` and 16 hex digits of FNV-1a over `key`.
  var uid: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return "kiln-" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  var json: JSONValue {
    let datasource: JSONValue = .object([("type", .string("prometheus")), ("uid", .string("${datasource}"))])
    let panels = self.panels.enumerated().map { index, panel -> JSONValue in
      var defaults: [(String, JSONValue)] = [("unit", .string(panel.unit))]
      if let threshold = panel.threshold {
        defaults.append(
          (
            "thresholds",
            .object([
              ("mode", .string("absolute")),
              (
                "steps",
                .array([
                  .object([("color", .string("green")), ("value", .null)]),
                  .object([("color", .string("red")), ("value", .double(threshold))]),
                ])
              ),
            ])
          ))
        defaults.append(("custom", .object([("thresholdsStyle", .object([("mode", .string("line"))]))])))
      }
      return .object([
        ("id", .int(index + 1)), ("type", .string("timeseries")), ("title", .string(panel.title)),
        ("description", .string(panel.description)), ("datasource", datasource),
        (
          "gridPos",
          .object([("h", .int(8)), ("w", .int(12)), ("x", .int(index % 2 * 12)), ("y", .int(index / 2 * 8))])
        ),
        ("fieldConfig", .object([("defaults", .object(defaults)), ("overrides", .array([]))])),
        (
          "targets",
          .array(
            panel.queries.enumerated().map { offset, query in
              .object([
                ("refId", .string(String(UnicodeScalar(UInt8(65 + offset % 26))))), ("datasource", datasource),
                ("expr", .string(query.expr)), ("legendFormat", .string(query.legend)),
              ])
            })
        ),
      ])
    }
    return .object([
      ("uid", .string(uid)), ("title", .string(title)), ("tags", .array(tags.map { .string($0) })),
      ("schemaVersion", .int(Self.schemaVersion)), ("version", .int(1)), ("editable", .bool(false)),
      ("time", .object([("from", .string("now-6h")), ("to", .string("now"))])), ("refresh", .string("1m")),
      (
        "templating",
        .object([
          (
            "list",
            .array([
              .object([
                ("name", .string("datasource")), ("label", .string("Prometheus")), ("type", .string("datasource")),
                ("query", .string("prometheus")),
              ])
            ])
          )
        ])
      ),
      ("panels", .array(panels)),
    ])
  }
}
