import Foundation
import KilnIR
import KilnSpec

/// `kiln graph`: Graphviz DOT of sites, clusters, fabrics (tiers and switch counts, not every link),
/// storage and regions. Deterministic: nodes and edges in sorted order.
public enum DOTGraph {
  public static func render(_ ir: IRProject, title: String) -> String {
    var out = "digraph \(quote(title)) {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
    for site in ir.sites.sorted(by: { $0.name < $1.name }) {
      out += "  subgraph \(quote("cluster_site_" + site.name)) {\n"
      out += "    label=\(quote("Site/\(site.name) (\(site.jurisdiction.value), \(site.ownership.value.rawValue))"));\n"
      for cluster in ir.clusters.filter({ $0.site?.name == site.name }).sorted(by: { $0.name < $1.name }) {
        let models = Set(cluster.rackGroups.compactMap { $0.server.gpu?.name }).sorted().joined(separator: ", ")
        out +=
          "    \(quote(cluster.id)) [shape=box3d, label=\(quote("\(cluster.id)\\n\(cluster.gpus) × \(models)"))];\n"
      }
      for storage in ir.storage.filter({ $0.site.name.value == site.name }).sorted(by: { $0.name < $1.name }) {
        out +=
          "    \(quote("Storage/\(storage.name)")) [shape=cylinder, label=\(quote("Storage/\(storage.name)\\n\(storage.storageClass.value)"))];\n"
      }
      out += "  }\n"
    }
    for fabric in ir.fabrics.sorted(by: { $0.spec.name < $1.spec.name }) {
      var label = "\(fabric.id)\\n\(fabric.spec.topology.value)"
      if let size = fabric.sizeValue {
        let tiers = [(size.groups > 0 ? "router" : "leaf", size.leaves), ("spine", size.spines), ("core", size.cores)]
          .filter { $0.1 > 0 }
          .map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        label += "\\n\(size.planes > 1 ? "\(size.planes) planes, " : "")\(tiers)"
      }
      out += "  \(quote(fabric.id)) [shape=hexagon, label=\(quote(label))];\n"
      for attached in fabric.attached.sorted() { out += "  \(quote(attached)) -> \(quote(fabric.id)) [dir=none];\n" }
    }
    for cluster in ir.clusters.sorted(by: { $0.name < $1.name }) {
      for storage in cluster.spec.storage.map(\.name.value).sorted() {
        out += "  \(quote(cluster.id)) -> \(quote("Storage/\(storage)")) [style=dashed, label=\"reads\"];\n"
      }
    }
    var regions: Set<String> = []
    for serving in ir.serving.sorted(by: { $0.id < $1.id }) {
      let region = "Region/\(serving.region.name)"
      if regions.insert(region).inserted {
        out +=
          "  \(quote(region)) [shape=ellipse, label=\(quote("\(region) (\(serving.region.jurisdiction.value))"))];\n"
      }
      out +=
        "  \(quote(region)) -> \(quote("Cluster/\(serving.entry.cluster.name.value)")) [label=\(quote(serving.entry.name.value))];\n"
    }
    out += "}\n"
    return out
  }

  static func quote(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
