import Foundation
import KilnSupport
import Testing
import _KilnTestSupport

@testable import KilnBackends
@testable import KilnDriver

/// One Kubernetes cluster per Kiln cluster (docs/kubernetes.md §3): each cluster folder holds every object its
/// own objects name — namespace, priority classes, queues, flavors, topology, services, gateways — and its
/// kustomization lists every file in it; the top kustomization names each object once.
@Suite struct ClusterFolderTests {

  /// Every value of `key` anywhere in `value`.
  static func values(of key: String, in value: JSONValue) -> [JSONValue] {
    switch value {
    case .object(let members):
      members.flatMap { member in (member.0 == key ? [member.1] : []) + values(of: key, in: member.1) }
    case .array(let items): items.flatMap { values(of: key, in: $0) }
    default: []
    }
  }

  @Test(arguments: RenderedManifests.projects)
  func everyFolderHoldsWhatItsObjectsName(project: String) throws {
    let files = try RenderedManifests.files(project)
    let folders = Set(
      files.compactMap { $0.path.split(separator: "/").count == 2 ? String($0.path.split(separator: "/")[0]) : nil })
    #expect(!folders.isEmpty)
    for folder in folders.sorted() {
      let own = files.filter { $0.path.hasPrefix(folder + "/") }
      let kustomization = try #require(own.first { $0.path.hasSuffix("/kustomization.yaml") })
      let listed = Set((kustomization.documents.first?["resources"]?.items ?? []).compactMap(\.text))
      // Kubernetes objects: every YAML file but the kustomization (node labels and their script are not).
      let present = Set(own.filter { $0.path.hasSuffix(".yaml") }.map { String($0.path.dropFirst(folder.count + 1)) })
        .subtracting(["kustomization.yaml"])
      #expect(
        listed == present,
        "\(project) \(folder): kustomization lists \(listed.sorted()), folder has \(present.sorted())")

      let documents = own.flatMap(\.documents)
      func names(_ kind: String) -> Set<String> {
        Set(documents.filter { $0["kind"]?.text == kind }.compactMap { $0["metadata"]?["name"]?.text })
      }
      let namespaces = names("Namespace")
      for document in documents {
        if let namespace = document["metadata"]?["namespace"]?.text {
          #expect(namespaces.contains(namespace), "\(folder): \(namespace) is not in the folder")
        }
      }
      for name in documents.flatMap({ Self.values(of: "priorityClassName", in: $0) }).compactMap(\.text) {
        #expect(names("PriorityClass").contains(name), "\(folder): PriorityClass \(name) missing")
      }
      for name in documents.flatMap({ Self.values(of: "kueue.x-k8s.io/priority-class", in: $0) }).compactMap(\.text) {
        #expect(names("WorkloadPriorityClass").contains(name), "\(folder): WorkloadPriorityClass \(name) missing")
      }
      for name in documents.flatMap({ Self.values(of: "kueue.x-k8s.io/queue-name", in: $0) }).compactMap(\.text) {
        #expect(names("LocalQueue").contains(name), "\(folder): LocalQueue \(name) missing")
      }
      for queue in documents.filter({ $0["kind"]?.text == "LocalQueue" }) {
        #expect(names("ClusterQueue").contains(queue["spec"]?["clusterQueue"]?.text ?? ""))
      }
      for flavor in documents.filter({ $0["kind"]?.text == "ResourceFlavor" }) {
        #expect(names("Topology").contains(flavor["spec"]?["topologyName"]?.text ?? ""))
      }
      for queue in documents.filter({ $0["kind"]?.text == "ClusterQueue" }) {
        for group in queue["spec"]?["resourceGroups"]?.items ?? [] {
          for flavor in group["flavors"]?.items ?? [] {
            #expect(names("ResourceFlavor").contains(flavor["name"]?.text ?? ""))
          }
        }
      }
    }
    // The top kustomization names every object once: its own priority classes and the clusters' other files.
    let top = try #require(files.first { $0.path == "kustomization.yaml" })
    let resources = (top.documents.first?["resources"]?.items ?? []).compactMap(\.text)
    #expect(resources.filter { $0.hasSuffix("priority.yaml") } == ["priority.yaml"])
    #expect(Set(resources).count == resources.count)
  }
}
