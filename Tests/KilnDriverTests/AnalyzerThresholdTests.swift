import Foundation
import Testing
import _KilnTestSupport

@testable import KilnDriver

/// Analyzer checks at their thresholds — just under, at and just over — and with Policy thresholds that
/// move the verdict. Each case edits the starter project (two racks of one DGX-H100, 10.2 kW each; 16
/// GPUs; chat serving 2–12 replicas of one GPU) and lints it in-process.
@Suite struct AnalyzerThresholdTests {
  typealias Edit = ProjectCopy.Edit

  func codes(
    _ edits: [Edit], extra: [String: String] = [:], of project: String = "specs/examples/starter", tag: String
  ) throws -> [String] {
    let folder = try ProjectCopy.make(of: project, tag: "threshold-" + tag, edits: edits, extra: extra)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try Linter().lint(folder).diagnostics.map(\.code.id)
  }

  static func policy(_ rules: String) -> [String: String] {
    ["policy.yaml": "apiVersion: kiln/v1\nkind: Policy\nmetadata: {name: p}\nspec:\n  rules:\n\(rules)\n"]
  }

  /// A rack of one DGX-H100 draws 10.2 kW: a 10.1 kW limit is exceeded, 10.2 kW and 10.3 kW are not.
  @Test(arguments: [("10.1kW", true), ("10.2kW", false), ("10.3kW", false)])
  func rackPowerAtItsLimit(limit: String, fires: Bool) throws {
    let codes = try codes(
      [("infrastructure.yaml", "perRack: 1}", "perRack: 1}\n      powerLimit: \(limit)")], tag: "rack-\(limit)")
    #expect(codes.contains("K4101") == fires, "\(limit): \(codes)")
  }

  /// A Policy `max` lowers the rack limit: 10 kW is below one DGX-H100.
  @Test func rackPowerPolicyMaximum() throws {
    #expect(
      try codes([], extra: Self.policy("    - {check: rack-power, max: 10kW}"), tag: "rack-policy").contains("K4101"))
    #expect(
      try !codes([], extra: Self.policy("    - {check: rack-power, max: 11kW}"), tag: "rack-policy-ok").contains(
        "K4101"))
  }

  /// The site draws 2 × 10.2 kW × PUE 1.4 = 28.56 kW: a 28 kW capacity is exceeded, 28.56 kW is
  /// exactly enough (and leaves no headroom, a warning), 100 kW is plenty.
  @Test(arguments: [("28kW", ["K4201"]), ("28.56kW", ["K4202"]), ("100kW", [])])
  func sitePowerAtItsCapacity(capacity: String, expected: [String]) throws {
    let codes = try codes(
      [("infrastructure.yaml", "capacity: 100kW", "capacity: \(capacity)")], tag: "site-\(capacity)")
    #expect(codes.filter { $0.hasPrefix("K42") } == expected, "\(capacity): \(codes)")
  }

  /// Headroom of 100 kW over 28.56 kW is 71.4 %: a Policy minimum of 70 % passes, 75 % warns.
  @Test(arguments: [("70%", false), ("75%", true)])
  func sitePowerHeadroomPolicyMinimum(minimum: String, fires: Bool) throws {
    let codes = try codes(
      [], extra: Self.policy("    - {check: site-power-headroom, min: \(minimum)}"), tag: "headroom-\(minimum)")
    #expect(codes.contains("K4202") == fires, "\(minimum): \(codes)")
  }

  /// Serving capacity at 12 replicas is 56.47k tokens/s (4,706 per replica, prefill charged): a peak of
  /// 150k is too much (K6102), 50k leaves 12.9 % (below the 20 % default, K6103), 40k leaves 41 % (quiet).
  @Test(arguments: [("150k", ["K6102"]), ("50k", ["K6103"]), ("40k", [])])
  func servingCapacityAndHeadroom(peak: String, expected: [String]) throws {
    let codes = try codes(
      [("serving.yaml", "peak: 15k tokens/s", "peak: \(peak) tokens/s")], tag: "serving-\(peak)")
    #expect(codes.filter { ["K6102", "K6103"].contains($0) } == expected, "\(peak): \(codes)")
  }

  /// One request's prefill takes 33.8 ms on the starter's H100, within a 45 ms TTFT at zero load. At the
  /// peak a request first waits out the step in progress (half of one) and queues behind other prefills
  /// (M/M/1): a 40k peak over 12 replicas is 11.1 requests/s per replica, whose prefills keep it 37.5 %
  /// busy, and with steps of 11.2 ms the TTFT becomes 59.7 ms (K6104 `serving-slo-ttft-at-peak`); a 5k
  /// peak keeps it 4.7 % busy and leaves it at 40.1 ms (quiet).
  @Test(arguments: [("40k", true), ("5k", false)])
  func ttftAtThePeak(peak: String, fires: Bool) throws {
    let folder = try ProjectCopy.make(
      tag: "ttft-peak-\(peak)",
      edits: [
        ("serving.yaml", "peak: 15k tokens/s", "peak: \(peak) tokens/s"),
        ("serving.yaml", "slo: {ttft: 500ms, tpot: 30ms", "slo: {ttft: 45ms, tpot: 30ms"),
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let ids = try Linter().lint(folder).diagnostics.map(\.messageID.id)
    #expect(ids.contains("K6104.serving-slo-ttft-at-peak") == fires, "\(peak): \(ids)")
    #expect(!ids.contains("K6104.serving-slo-ttft"), "\(peak): \(ids)")
  }

  /// The same 41 % headroom fails a Policy minimum of 45 % and passes 40 %.
  @Test(arguments: [("45%", true), ("40%", false)])
  func servingHeadroomPolicyMinimum(minimum: String, fires: Bool) throws {
    let codes = try codes(
      [("serving.yaml", "peak: 15k tokens/s", "peak: 40k tokens/s")],
      extra: Self.policy("    - {check: serving-headroom, min: \(minimum)}"), tag: "serving-policy-\(minimum)")
    #expect(codes.contains("K6103") == fires, "\(minimum): \(codes)")
  }

  /// Serving at max replicas against 16 schedulable GPUs: 16 fit, 17 do not.
  @Test(arguments: [(16, false), (17, true)])
  func servingPlacementAtTheClusterSize(replicas: Int, fires: Bool) throws {
    let codes = try codes(
      [("serving.yaml", "replicas: {min: 2, max: 12}", "replicas: {min: 2, max: \(replicas)}")],
      tag: "placement-\(replicas)")
    #expect(codes.contains("K6105") == fires, "\(replicas): \(codes)")
  }

  /// A budget exactly at the capex passes; a dollar less is exceeded.
  @Test func budgetAtTheCapex() throws {
    let lint = try Linter().lint(Golden.repositoryRoot + "/specs/examples/starter")
    let capex = try #require(lint.report()?.totals.capexUSD)
    let exact = Int(capex.rounded())
    #expect(Double(exact) == capex, "the starter's capex is not whole dollars: \(capex)")
    let at = try codes([], extra: Self.policy("    - {check: budget, capex: $\(exact)}"), tag: "budget-at")
    #expect(!at.contains("K5001"), "\(at)")
    let under = try codes([], extra: Self.policy("    - {check: budget, capex: $\(exact - 1)}"), tag: "budget-under")
    #expect(under.contains("K5001"), "\(under)")
  }

  /// specs/invalid/K4401: 10 GB/s of read bandwidth for 32 GPUs is 0.3125 GB/s each — below the default
  /// 0.5 GB/s; a Policy minimum of 0.3 GB/s accepts it, 0.32 GB/s does not.
  @Test(arguments: [(nil, true), ("0.3GB/s", false), ("0.32GB/s", true)] as [(String?, Bool)])
  func storageReadPerGPU(minimum: String?, fires: Bool) throws {
    let codes = try codes(
      [], extra: minimum.map { Self.policy("    - {check: storage-read-per-gpu, min: \($0)}") } ?? [:],
      of: "specs/invalid/K4401-storage-read-per-gpu", tag: "storage-\(minimum ?? "default")")
    #expect(codes.contains("K4401") == fires, "\(minimum ?? "default"): \(codes)")
  }

  /// specs/invalid/K4303: a 2:1 fabric under a training cluster breaks the default 1:1; a Policy maximum of
  /// 2:1 accepts it.
  @Test(arguments: [(nil, true), ("\"2:1\"", false)] as [(String?, Bool)])
  func fabricOversubscription(maximum: String?, fires: Bool) throws {
    let codes = try codes(
      [], extra: maximum.map { Self.policy("    - {check: fabric-oversubscription, max: \($0)}") } ?? [:],
      of: "specs/invalid/K4303-fabric-oversubscription", tag: "fabric-\(maximum == nil ? "default" : "2-1")")
    #expect(codes.contains("K4303") == fires, "\(maximum ?? "default"): \(codes)")
  }
}
