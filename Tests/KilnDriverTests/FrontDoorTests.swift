import Foundation
import KilnSupport
import Testing
import _KilnTestSupport

@testable import KilnBackends
@testable import KilnDriver

/// The front door (docs/kubernetes.md §5.5): every HTTPRoute's parent and backends are objects Kiln wrote in
/// the route's namespace, every InferencePool selects the pods of exactly one workload, and the engines'
/// NetworkPolicies admit the gateway.
@Suite struct FrontDoorTests {
  func documents(_ project: String) throws -> [JSONValue] { try RenderedManifests.documents(project) }

  @Test(arguments: RenderedManifests.projects)
  func routesResolveAndPoolsSelectOneWorkload(project: String) throws {
    let documents = try documents(project)
    func key(_ document: JSONValue) -> String {
      "\(document["kind"]?.text ?? "")/\(document["metadata"]?["namespace"]?.text ?? "")/\(document["metadata"]?["name"]?.text ?? "")"
    }
    let written = Set(documents.map(key))
    let routes = documents.filter { $0["kind"]?.text == "HTTPRoute" }
    for route in routes {
      let namespace = route["metadata"]?["namespace"]?.text ?? ""
      for parent in route["spec"]?["parentRefs"]?.items ?? [] {
        #expect(written.contains("Gateway/\(namespace)/\(parent["name"]?.text ?? "")"), "\(key(route)) parent")
      }
      for rule in route["spec"]?["rules"]?.items ?? [] {
        for backend in rule["backendRefs"]?.items ?? [] {
          let kind = backend["kind"]?.text ?? "Service"
          #expect(written.contains("\(kind)/\(namespace)/\(backend["name"]?.text ?? "")"), "\(key(route)) → \(kind)")
        }
        if let timeout = rule["timeouts"]?["request"]?.text {
          #expect(timeout.range(of: #"^([0-9]{1,5}(h|m|s|ms)){1,4}$"#, options: .regularExpression) != nil)
        }
      }
    }
    // A pool's selector matches the pod template of exactly one Deployment or LeaderWorkerSet (labels the
    // LeaderWorkerSet controller adds to its pods, such as the worker index, are not in the template).
    for pool in documents.filter({ $0["kind"]?.text == "InferencePool" }) {
      let namespace = pool["metadata"]?["namespace"]?.text ?? ""
      let selector = (pool["spec"]?["selector"]?["matchLabels"]?.members ?? []).filter {
        !$0.0.hasPrefix("leaderworkerset.sigs.k8s.io/")
      }
      let workloads = documents.filter { document in
        guard ["Deployment", "LeaderWorkerSet"].contains(document["kind"]?.text ?? ""),
          document["metadata"]?["namespace"]?.text == namespace
        else { return false }
        let template =
          document["spec"]?["template"] ?? document["spec"]?["leaderWorkerTemplate"]?["leaderTemplate"]
          ?? document["spec"]?["leaderWorkerTemplate"]?["workerTemplate"]
        let labels = template?["metadata"]?["labels"]?.members ?? []
        return selector.allSatisfy { wanted in labels.contains { $0.0 == wanted.0 && $0.1.text == wanted.1.text } }
      }
      #expect(workloads.count == 1, "\(key(pool)) selects \(workloads.count) workloads")
    }
    if project != "specs/examples/superpod-h100" { #expect(!routes.isEmpty, "\(project) has no routes") }
  }

  /// The starter routes through an InferencePool; its engines' NetworkPolicy admits the gateway's proxies
  /// and the pool's endpoint picker on the engine port.
  @Test func starterAdmitsGatewayAndPicker() throws {
    let documents = try documents("specs/examples/starter")
    #expect(documents.contains { $0["kind"]?.text == "InferencePool" })
    let policy = try #require(documents.first { $0["kind"]?.text == "NetworkPolicy" })
    let peers = (policy["spec"]?["ingress"]?.items ?? []).flatMap { $0["from"]?.items ?? [] }
    let selected = peers.compactMap { $0["podSelector"]?["matchLabels"]?.members.first }
    #expect(selected.contains { $0.0 == "gateway.networking.k8s.io/gateway-name" && $0.1.text == "us" })
    #expect(selected.contains { $0.0 == "inferencepool" && $0.1.text == "us-chat-epp" })
  }

  /// The request timeout is the longest request the SLO allows: TTFT + TPOT × the longest sequence.
  @Test func requestTimeoutFromTheSLO() throws {
    let documents = try documents("specs/examples/starter")
    let route = try #require(documents.first { $0["kind"]?.text == "HTTPRoute" })
    // 500 ms + 30 ms × 131,072 tokens = 3,932.66 s, rounded up.
    #expect(route["spec"]?["rules"]?.items.first?["timeouts"]?["request"]?.text == "3933s")
  }
}
