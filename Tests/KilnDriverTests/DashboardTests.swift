import Foundation
import KilnSupport
import Testing
import _KilnTestSupport

@testable import KilnBackends
@testable import KilnDriver

/// The Grafana dashboards (docs/kubernetes.md §5.7): ConfigMaps for the sidecar holding classic dashboard JSON
/// with a fixed uid, whose thresholds are the analysed figures. (CI's check_promql.py runs every query
/// through promtool.)
@Suite struct DashboardTests {
  /// Each dashboard's JSON, by ConfigMap name.
  func dashboards(_ project: String) throws -> [(String, [String: Any])] {
    let lint = try inRepository { try Linter().lint(project) }
    let files = KubernetesManifests.render(
      try #require(lint.ir), analysis: try #require(lint.analysis), projectName: "p")
    var out: [(String, [String: Any])] = []
    for document in files.flatMap(\.documents) where document["kind"]?.text == "ConfigMap" {
      #expect(document["metadata"]?["labels"]?["grafana_dashboard"]?.text == "1")
      for (_, value) in document["data"]?.members ?? [] {
        let json = try #require(
          try JSONSerialization.jsonObject(with: Data((value.text ?? "").utf8)) as? [String: Any])
        out.append((document["metadata"]?["name"]?.text ?? "", json))
      }
    }
    return out
  }

  @Test(arguments: RenderedManifests.projects)
  func classicJSONWithFixedUIDs(project: String) throws {
    let dashboards = try dashboards(project)
    #expect(dashboards.count >= 2)
    var uids = Set<String>()
    for (name, json) in dashboards {
      let uid = try #require(json["uid"] as? String)
      #expect(uid.count <= 40 && uids.insert(uid).inserted, "\(name): uid \(uid)")
      #expect(json["schemaVersion"] as? Int == GrafanaDashboard.schemaVersion)
      let panels = try #require(json["panels"] as? [[String: Any]])
      #expect(!panels.isEmpty, "\(name) has no panels")
      #expect(Set(panels.compactMap { $0["id"] as? Int }).count == panels.count)
      for panel in panels {
        #expect(panel["gridPos"] is [String: Any])
        let targets = try #require(panel["targets"] as? [[String: Any]])
        #expect(targets.allSatisfy { !(($0["expr"] as? String) ?? "").isEmpty })
      }
    }
    // Same bytes on a second build: the uids do not change.
    #expect(try self.dashboards(project).map { $0.1["uid"] as? String } == dashboards.map { $0.1["uid"] as? String })
  }

  /// Thresholds are the analysed figures: train-h800's racks at their 44 kW limit; cn-v3-chat's planned
  /// capacity (the report's capacity_tokensPerSecond) and its 50 ms TPOT objective.
  @Test func thresholdsAreTheAnalysedFigures() throws {
    let dashboards = Dictionary(try dashboards("specs/reference"), uniquingKeysWith: { first, _ in first })
    func thresholds(_ name: String) throws -> [String: Double] {
      let panels = try #require(dashboards[name]?["panels"] as? [[String: Any]])
      var out: [String: Double] = [:]
      for panel in panels {
        let defaults = (panel["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any]
        let steps = (defaults?["thresholds"] as? [String: Any])?["steps"] as? [[String: Any]]
        if let value = steps?.last?["value"] as? Double, let title = panel["title"] as? String { out[title] = value }
      }
      return out
    }
    let fleet = try thresholds("train-h800-fleet")
    #expect(fleet.first { $0.key.hasPrefix("GPU power per rack, h800") }?.value == 44_000)
    let serving = try thresholds("infer-cn-serving-cn")
    let report = try #require(try inRepository { try Linter().lint("specs/reference").report() })
    let capacity = try #require(
      report.serving.first { $0.region == "cn" && $0.name == "v3-chat" }?.capacityTokensPerSecond)
    let planned = try #require(serving["cn-v3-chat: output tokens/s against planned capacity"])
    #expect(abs(planned - capacity) < 1e-6 * capacity)
    #expect(serving["cn-v3-chat: p95 time per output token"] == 0.05)
  }
}
