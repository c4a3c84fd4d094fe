// kiln-bench-generate: writes a large, valid Kiln project for benchmarks.
//
//   kiln-bench-generate OUTDIR --gpus 100000 [--files N]
//   kiln-bench-generate OUTDIR --bytes 50000000 [--gpus G] [--files N]
//
// The output is deterministic: the same arguments give the same bytes (no clocks, no hashing of
// dictionaries, one fixed-seed SplitMix64 stream).
//
// What it writes (the fleet):
// - kiln.yaml (Project) and policy.yaml (Policy).
// - Clusters of 2,048-4,096 GPUs (64-128 racks of 4 DGX-H100 = 32 GPUs per rack, 40.8 kW per rack
//   under a 44 kW rack power limit), in rack groups of one scalable unit (8 racks, 256 GPUs).
//   Every fourth cluster (the second of each site) serves inference, the others train; a fleet of
//   a single cluster is `mixed`.
// - One compute Fabric per cluster, of 64-port QM9700 switches: training clusters rotate through an
//   8-plane two-tier multi-plane fabric, a rail-optimized fabric and a three-tier fat-tree, all 1:1;
//   inference clusters get a 2:1 fat-tree.
// - Sites of up to four clusters (owned, rear-door cooled, 45 kW racks), each with a parallel file
//   system (Storage, 1 GB/s read per GPU) on its own SN5600 storage fabric. Site power and rack
//   positions are computed from the servers, switches and storage with 25 % headroom.
// - Six Models; one TrainingRun per training cluster; one Region per site with inference clusters,
//   with one serving entry per model and inference cluster (strict data residency).
// Every Model, Storage and Fabric is referenced, so `kiln lint` reports 0 errors, 0 warnings.
//
// --bytes B pads the fleet to about B bytes of YAML with valid bulk: per-tenant serving entries
// (fine-tuned llama3-8b variants, one GPU each, about 40 % of the padding) on the inference
// clusters, and per-cluster asset-inventory `metadata.annotations` for the rest. Without --gpus, the
// fleet behind --bytes has B / 50 GPUs (1M GPUs for 50 MB).
//
// --files N packs the documents (all but kiln.yaml) into N - 1 files parts/part-NNNN.yaml of about
// equal size instead of the natural layout (one file per cluster, site, model and region).

import Foundation

// MARK: - Arguments

struct Options {
  var outDir = ""
  var gpus: Int?
  var bytes: Int?
  var files: Int?
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("kiln-bench-generate: \(message)\n".utf8))
  exit(2)
}

let usage = """
  usage: kiln-bench-generate OUTDIR --gpus N [--files N]
         kiln-bench-generate OUTDIR --bytes N [--gpus N] [--files N]
    --gpus N    GPUs in the fleet (rounded down to whole racks of 32; at least 2048)
    --bytes N   pad the project to about N bytes of YAML (default fleet: N / 50 GPUs)
    --files N   pack the documents into kiln.yaml + N - 1 part files (default: one file per
                cluster, site, model and region)
  OUTDIR must be empty, missing, or an earlier output of this tool (which is replaced).
  """

func parseOptions() -> Options {
  var options = Options()
  var arguments = Array(CommandLine.arguments.dropFirst())
  if arguments.isEmpty || arguments.contains("-h") || arguments.contains("--help") {
    print(usage)
    exit(arguments.isEmpty ? 2 : 0)
  }
  func number(_ flag: String, _ text: String?) -> Int {
    guard let text, let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
      fail("\(flag) needs a positive integer")
    }
    return value
  }
  var positional: [String] = []
  while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--gpus": options.gpus = number(argument, arguments.isEmpty ? nil : arguments.removeFirst())
    case "--bytes": options.bytes = number(argument, arguments.isEmpty ? nil : arguments.removeFirst())
    case "--files": options.files = number(argument, arguments.isEmpty ? nil : arguments.removeFirst())
    default:
      if argument.hasPrefix("-") { fail("unknown option \(argument)\n\(usage)") }
      positional.append(argument)
    }
  }
  guard positional.count == 1 else { fail("expected exactly one OUTDIR\n\(usage)") }
  options.outDir = positional[0]
  if options.gpus == nil && options.bytes == nil { fail("give --gpus or --bytes\n\(usage)") }
  if let files = options.files, files < 2 { fail("--files must be at least 2 (kiln.yaml and one more file)") }
  return options
}

// MARK: - Helpers

/// SplitMix64: a tiny deterministic generator (the same on every platform).
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

/// 100000 -> "100,000".
func grouped(_ value: Int) -> String {
  let digits = String(value)
  var out = ""
  for (i, c) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
    out.append(c)
  }
  return out
}

/// A fixed-point value `value / 10^scale` with trailing zeros removed: (40800, 3) -> "40.8".
func decimal(_ value: Int, scale: Int) -> String {
  var divisor = 1
  for _ in 0..<scale { divisor *= 10 }
  let whole = value / divisor
  var fraction = value % divisor
  if fraction == 0 { return String(whole) }
  var width = scale
  while fraction % 10 == 0 {
    fraction /= 10
    width -= 1
  }
  let text = String(fraction)
  return "\(whole)." + String(repeating: "0", count: width - text.count) + text
}

/// A count with a `k` suffix where it is round: 28800 -> "28.8k", 500 -> "500".
func count(_ value: Int) -> String { value >= 1000 && value % 100 == 0 ? decimal(value, scale: 3) + "k" : String(value) }

/// A bandwidth given in GB/s: 16000 -> "16TB/s", 16500 -> "16.5TB/s", 950 -> "950GB/s".
func bandwidth(_ gbPerSecond: Int) -> String {
  gbPerSecond >= 1000 && gbPerSecond % 100 == 0 ? decimal(gbPerSecond, scale: 3) + "TB/s" : "\(gbPerSecond)GB/s"
}

/// Money given in thousands of dollars: 5950 -> "$5.95M".
func money(thousands: Int) -> String { thousands >= 1000 ? "$" + decimal(thousands, scale: 3) + "M" : "$\(thousands)k" }

/// (3, "site") -> "3 sites", with thousands separators.
func plural(_ n: Int, _ noun: String) -> String { "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")" }

func zeroPadded(_ value: Int, _ width: Int) -> String {
  let text = String(value)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

// MARK: - Fixed tables

struct City {
  let name: String, location: String, jurisdiction: String, region: String
  let energyPrice: String, carbon: String
}

/// Sites are named city-N; the cities cycle. `NO` (Norway) is a plain scalar on purpose: the spec
/// language reads it as a string, never as YAML 1.1's boolean.
let cities: [City] = [
  City(name: "ashburn", location: "Ashburn, US", jurisdiction: "US", region: "us-east-1", energyPrice: "$0.08/kWh", carbon: "0.35kg/kWh"),
  City(name: "frankfurt", location: "Frankfurt am Main, DE", jurisdiction: "DE", region: "eu-central-1", energyPrice: "$0.18/kWh", carbon: "0.38kg/kWh"),
  City(name: "tokyo", location: "Tokyo, JP", jurisdiction: "JP", region: "ap-northeast-1", energyPrice: "$0.16/kWh", carbon: "0.45kg/kWh"),
  City(name: "dallas", location: "Dallas, US", jurisdiction: "US", region: "us-south-1", energyPrice: "$0.07/kWh", carbon: "0.4kg/kWh"),
  City(name: "oslo", location: "Oslo, NO", jurisdiction: "NO", region: "eu-north-2", energyPrice: "$0.05/kWh", carbon: "0.02kg/kWh"),
  City(name: "singapore", location: "Singapore, SG", jurisdiction: "SG", region: "ap-southeast-1", energyPrice: "$0.15/kWh", carbon: "0.41kg/kWh"),
  City(name: "hillsboro", location: "Hillsboro, US", jurisdiction: "US", region: "us-west-2", energyPrice: "$0.06/kWh", carbon: "0.1kg/kWh"),
  City(name: "paris", location: "Paris, FR", jurisdiction: "FR", region: "eu-west-3", energyPrice: "$0.12/kWh", carbon: "0.06kg/kWh"),
  City(name: "seoul", location: "Seoul, KR", jurisdiction: "KR", region: "ap-northeast-2", energyPrice: "$0.1/kWh", carbon: "0.42kg/kWh"),
  City(name: "montreal", location: "Montreal, CA", jurisdiction: "CA", region: "ca-central-1", energyPrice: "$0.05/kWh", carbon: "0.01kg/kWh"),
  City(name: "dublin", location: "Dublin, IE", jurisdiction: "IE", region: "eu-west-1", energyPrice: "$0.2/kWh", carbon: "0.3kg/kWh"),
  City(name: "sydney", location: "Sydney, AU", jurisdiction: "AU", region: "ap-southeast-2", energyPrice: "$0.14/kWh", carbon: "0.6kg/kWh"),
  City(name: "phoenix", location: "Phoenix, US", jurisdiction: "US", region: "us-west-3", energyPrice: "$0.07/kWh", carbon: "0.38kg/kWh"),
  City(name: "stockholm", location: "Stockholm, SE", jurisdiction: "SE", region: "eu-north-1", energyPrice: "$0.06/kWh", carbon: "0.03kg/kWh"),
  City(name: "mumbai", location: "Mumbai, IN", jurisdiction: "IN", region: "ap-south-1", energyPrice: "$0.09/kWh", carbon: "0.7kg/kWh"),
  City(name: "saopaulo", location: "Sao Paulo, BR", jurisdiction: "BR", region: "sa-east-1", energyPrice: "$0.11/kWh", carbon: "0.1kg/kWh"),
]

struct ModelDef {
  let name: String, source: String, parameters: String
  let moe: String?  // extra MoE lines (activeParameters, experts, ...), already indented
  let precision: String, layers: Int, kvLine: String, context: String, note: String
  // Training
  let tokens: String, mfu: String
  // Serving (on 80 GiB H100s): GPUs per replica, base replicas.max, output tokens/s one replica
  // sustains at its SLO (conservative; peak demand is 60 % of max replicas x this).
  let tensor: Int, baseReplicas: Int, perReplica: Int
  let engine: String, image: String, ttft: String, tpot: String, maxBatch: Int, memory: String
  let averageInput: String, averageOutput: String, extra: String
}

let vllmImage = "vllm/vllm-openai:v0.8.5"
let sglangImage = "lmsysorg/sglang:v0.4.6.post1-cu124"

let models: [ModelDef] = [
  ModelDef(
    name: "llama3-405b", source: "meta-llama/Llama-3.1-405B-Instruct-FP8", parameters: "405B", moe: nil,
    precision: "fp8", layers: 126, kvLine: "kv: {heads: 8, headDim: 128}", context: "128Ki",
    note: "405 GB of FP8 weights + 67.6 GB of KV at 128Ki context fit 8 x 80 GiB x 90%",
    tokens: "15.6T", mfu: "38%", tensor: 8, baseReplicas: 4, perReplica: 600, engine: "vllm", image: vllmImage,
    ttft: "2s", tpot: "80ms", maxBatch: 64, memory: "90%", averageInput: "2k", averageOutput: "500",
    extra: "\"--enable-chunked-prefill\""),
  ModelDef(
    name: "deepseek-v3", source: "deepseek-ai/DeepSeek-V3", parameters: "671B",
    moe: "  activeParameters: 37B\n  experts: 256\n  expertsPerToken: 8\n", precision: "fp8", layers: 61,
    kvLine: "kvCacheBytesPerToken: 70272B", context: "128Ki",
    note: "MLA: (512 + 64) x 61 layers x 2 B of KV per token; 671 GB of FP8 weights span two servers",
    tokens: "14.8T", mfu: "34.64%", tensor: 16, baseReplicas: 4, perReplica: 3000, engine: "sglang",
    image: sglangImage, ttft: "1s", tpot: "50ms", maxBatch: 256, memory: "85%", averageInput: "3k",
    averageOutput: "1k", extra: "\"--trust-remote-code\""),
  ModelDef(
    name: "llama3-70b", source: "meta-llama/Llama-3.1-70B-Instruct", parameters: "70B", moe: nil,
    precision: "bf16", layers: 80, kvLine: "kv: {heads: 8, headDim: 128}", context: "128Ki",
    note: "GQA: 2 x 80 layers x 8 KV heads x 128 x 2 B = 327,680 B of KV per token",
    tokens: "15T", mfu: "42%", tensor: 4, baseReplicas: 16, perReplica: 1000, engine: "vllm", image: vllmImage,
    ttft: "1s", tpot: "50ms", maxBatch: 128, memory: "90%", averageInput: "2k", averageOutput: "500",
    extra: "\"--enable-prefix-caching\""),
  ModelDef(
    name: "mixtral-8x22b", source: "mistralai/Mixtral-8x22B-Instruct-v0.1", parameters: "141B",
    moe: "  activeParameters: 39B\n  experts: 8\n  expertsPerToken: 2\n", precision: "bf16", layers: 56,
    kvLine: "kv: {heads: 8, headDim: 128}", context: "64Ki",
    note: "sparse MoE: 2 of 8 experts per token, 39B active parameters",
    tokens: "12T", mfu: "36.5%", tensor: 8, baseReplicas: 4, perReplica: 1500, engine: "vllm", image: vllmImage,
    ttft: "1s", tpot: "60ms", maxBatch: 128, memory: "90%", averageInput: "2k", averageOutput: "500",
    extra: "\"--enable-prefix-caching\""),
  ModelDef(
    name: "qwen-72b", source: "Qwen/Qwen2.5-72B-Instruct", parameters: "72B", moe: nil, precision: "bf16",
    layers: 80, kvLine: "kv: {heads: 8, headDim: 128}", context: "32Ki",
    note: "dense, grouped-query attention (the name drops the '.' of 2.5: names are DNS labels)",
    tokens: "18T", mfu: "41%", tensor: 4, baseReplicas: 8, perReplica: 1000, engine: "vllm", image: vllmImage,
    ttft: "1s", tpot: "50ms", maxBatch: 64, memory: "90%", averageInput: "2k", averageOutput: "500",
    extra: "\"--enable-prefix-caching\""),
  ModelDef(
    name: "llama3-8b", source: "meta-llama/Llama-3.1-8B-Instruct", parameters: "8B", moe: nil,
    precision: "bf16", layers: 32, kvLine: "kv: {heads: 8, headDim: 128}", context: "128Ki",
    note: "16 GB of weights + 17.2 GB of KV at 128Ki context fit one 80 GiB GPU",
    tokens: "15T", mfu: "45%", tensor: 1, baseReplicas: 16, perReplica: 2000, engine: "vllm", image: vllmImage,
    ttft: "500ms", tpot: "30ms", maxBatch: 128, memory: "90%", averageInput: "2k", averageOutput: "500",
    extra: "\"--enable-prefix-caching\""),
]
let tenantModel = models[5]  // llama3-8b: fine-tuned tenant variants, one GPU each
/// GPUs one set of base serving entries takes at replicas.max (scale factor 1).
let baseServingGPUs = models.reduce(0) { $0 + $1.tensor * $1.baseReplicas }

let storageSystems = ["lustre", "weka", "vast", "gpfs"]

// Hardware figures the sizing uses (the built-in catalog's).
let serverPowerW = 10_200  // DGX-H100
let serverOpticsW = 4 * 15  // 4 twin-port OSFP modules per server (an estimate, for headroom)
let qm9700PowerW = 1_700
let sn5600PowerW = 2_000

// MARK: - Fabric sizing (docs/language.md §4.5)

struct Switches {
  var leaves = 0, spines = 0, cores = 0, tiers = 0
  var total: Int { leaves + spines + cores }
}

/// A fat-tree over `endpoints` with radix k and leaf down/up ports; `tiers` 0 = the smallest that fits.
func fatTree(endpoints: Int, radix k: Int, down: Int, tiers requested: Int = 0) -> Switches {
  let up = k - down
  var s = Switches()
  let tiers = requested > 0 ? requested : (endpoints <= k ? 1 : (ceilDiv(endpoints, down) <= k ? 2 : 3))
  s.tiers = tiers
  if tiers == 1 {
    s.leaves = 1
    return s
  }
  s.leaves = ceilDiv(endpoints, down)
  return spinesAndCores(s, radix: k, up: up)
}

func spinesAndCores(_ input: Switches, radix k: Int, up: Int) -> Switches {
  var s = input
  if s.tiers == 2 {
    let needed = ceilDiv(s.leaves * up, k)
    s.spines = (1...up).first { up % $0 == 0 && $0 >= needed } ?? up
  } else {
    s.spines = ceilDiv(s.leaves * up, k / 2)
    s.cores = ceilDiv(s.spines * (k / 2), k)
  }
  return s
}

enum FabricKind { case multiPlane, railOptimized, fatTree3, inference }

// MARK: - The fleet plan

enum Purpose: String { case training, inference, mixed }

struct ClusterPlan {
  let index: Int
  var name = ""
  var site = 0
  var ordinalInSite = 0
  var purpose = Purpose.training
  var racks = 0
  var kind = FabricKind.multiPlane
  var modelIndex = 0  // training model
  var servingScale = 0  // base serving entries x this
  var tenants = 0  // --bytes: one-GPU tenant entries
  var annotationBudget = 0  // --bytes: bytes of inventory annotations
  var servers: Int { racks * 4 }
  var gpus: Int { servers * 8 }
  var reserveServers: Int { ceilDiv(servers * 2, 100) }  // 2 %, rounded up to whole servers
  var schedulable: Int { (servers - reserveServers) * 8 }
  var servingGPUs: Int { baseServingGPUs * servingScale + tenants * tenantModel.tensor }
  var queueable: Int { schedulable - servingGPUs }
  var fabricName: String { name + "-ib" }
  var serves: Bool { purpose != .training }
  var trains: Bool { purpose != .inference }

  var computeSwitches: Switches {
    let endpoints = servers * 8
    switch kind {
    case .multiPlane:
      var s = fatTree(endpoints: servers, radix: 64, down: 32, tiers: 2)  // one plane of 8
      s.leaves *= 8
      s.spines *= 8
      return s
    case .railOptimized:
      var s = Switches()
      s.leaves = ceilDiv(servers, 32) * 8
      s.tiers = s.leaves <= 64 ? 2 : 3
      return spinesAndCores(s, radix: 64, up: 32)
    case .fatTree3: return fatTree(endpoints: endpoints, radix: 64, down: 32)
    case .inference: return fatTree(endpoints: endpoints, radix: 64, down: 42)  // 2:1: 42 down, 22 up
    }
  }

  /// Rack groups of one scalable unit (8 racks, 32 servers, 256 GPUs); the last takes the rest.
  var rackGroups: [(name: String, count: Int)] {
    var groups: [(String, Int)] = []
    var left = racks
    var unit = 1
    while left > 0 {
      let n = min(8, left)
      groups.append(("su-" + zeroPadded(unit, 2), n))
      left -= n
      unit += 1
    }
    return groups
  }

  var trainingGPUs: Int {
    let quota = queueable * 80 / 100
    return quota >= 64 ? quota / 64 * 64 : max(8, quota / 8 * 8)
  }
}

struct SitePlan {
  let index: Int
  let name: String
  let city: City
  var clusters: [Int] = []
  var storageName: String { name + "-" + storageSystems[index % storageSystems.count] }
  var storageFabricName: String { name + "-storage-net" }
}

struct Fleet {
  var clusters: [ClusterPlan] = []
  var sites: [SitePlan] = []
  var gpus: Int { clusters.reduce(0) { $0 + $1.gpus } }
}

func planFleet(gpus requested: Int) -> Fleet {
  var rng = SplitMix64(state: 0x4B49_4C4E_0000_0001)
  var left = requested / 32  // racks of 4 DGX-H100
  var sizes: [Int] = []
  while left > 0 {
    let size: Int
    if left <= 128 {
      size = left
    } else if left < 192 {
      size = left / 2  // both halves in 64...95
    } else {
      size = 64 + rng.below(65)  // 2,048...4,096 GPUs
    }
    sizes.append(size)
    left -= size
  }
  var fleet = Fleet()
  var trainingOrdinal = 0
  for (i, racks) in sizes.enumerated() {
    let siteIndex = i / 4
    if siteIndex == fleet.sites.count {
      let city = cities[siteIndex % cities.count]
      fleet.sites.append(SitePlan(index: siteIndex, name: "\(city.name)-\(siteIndex / cities.count + 1)", city: city))
    }
    var c = ClusterPlan(index: i)
    c.site = siteIndex
    c.ordinalInSite = i % 4 + 1
    c.racks = racks
    c.purpose = sizes.count == 1 ? .mixed : (i % 4 == 1 ? .inference : .training)
    let short = c.purpose == .training ? "train" : (c.purpose == .inference ? "infer" : "mixed")
    c.name = "\(fleet.sites[siteIndex].name)-\(short)-\(c.ordinalInSite)"
    switch c.purpose {
    case .training:
      c.kind = [FabricKind.multiPlane, .railOptimized, .fatTree3][trainingOrdinal % 3]
      c.modelIndex = trainingOrdinal % models.count
      trainingOrdinal += 1
    case .inference:
      c.kind = .inference
      c.servingScale = max(1, c.schedulable / 2 / baseServingGPUs)  // about half the GPUs
    case .mixed:
      c.kind = .multiPlane
      c.servingScale = max(1, c.schedulable / 4 / baseServingGPUs)  // about a quarter
    }
    fleet.sites[siteIndex].clusters.append(i)
    fleet.clusters.append(c)
  }
  return fleet
}

// MARK: - Documents

struct Doc {
  let path: String  // natural file
  let text: String
}

func projectDoc(_ fleet: Fleet, _ options: Options) -> String {
  let name = options.bytes.map { "bench-bytes-\($0)" } ?? "bench-gpus-\(fleet.gpus)"
  let serving = fleet.clusters.filter(\.serves).count
  return """
    # \(name): a generated benchmark fleet (kiln-bench-generate\(options.gpus.map { " --gpus \($0)" } ?? "")\
    \(options.bytes.map { " --bytes \($0)" } ?? "")\(options.files.map { " --files \($0)" } ?? "")).
    #   \(plural(fleet.gpus, "H100 GPU")) in \(plural(fleet.clusters.count, "cluster")) of DGX-H100 at \(plural(fleet.sites.count, "site"));
    #   \(plural(serving, "cluster")) serving inference, the others training. Deterministic: do not edit, regenerate.
    apiVersion: kiln/v1
    kind: Project
    metadata:
      name: \(name)
    spec:
      lifetime: 4y
      utilization: 80%
      loadFactor: 65%
      kubernetes:
        version: "1.31"
        namespacePrefix: kiln-
        ingressNamespace: ingress
        monitoringNamespace: monitoring
        monitoringLabels: {release: prometheus}

    """
}

let policyDoc = """
  # The fleet's policy: non-blocking training fabrics, at least 0.5 GB/s of storage read per GPU,
  # serving and site power headroom.
  apiVersion: kiln/v1
  kind: Policy
  metadata:
    name: bench-policy
  spec:
    rules:
      - {check: rack-power, severity: error}
      - {check: storage-read-per-gpu, min: 0.5GB/s}
      - {check: serving-headroom, min: 20%}
      - {check: site-power-headroom, min: 10%}

  """

func modelDoc(_ m: ModelDef) -> String {
  """
  # Model \(m.name): \(m.note).
  apiVersion: kiln/v1
  kind: Model
  metadata:
    name: \(m.name)
  spec:
    source: \(m.source)
    parameters: \(m.parameters)
  \(m.moe ?? "")  weightsPrecision: \(m.precision)
    layers: \(m.layers)
    \(m.kvLine)
    contextLength: \(m.context)

  """
}

struct SiteTotals {
  var gpus = 0, servers = 0, gpuRacks = 0, qm9700 = 0, sn5600 = 0
  var readGBs: Int { gpus }  // 1 GB/s per GPU: twice Kiln's 0.5 GB/s default
  var writeGBs: Int { gpus / 2 }
  var capacityPB: Int { ceilDiv(gpus, 1000) }
  var storageRacks: Int { ceilDiv(readGBs, 400) }  // about 400 GB/s of all-flash read per rack
  var storagePowerKW: Int { storageRacks * 20 }
  var storageFabric: Switches { fatTree(endpoints: servers * 2, radix: 128, down: 64) }  // 2 x 400G storage NICs
  var itLoadW: Int {
    servers * (serverPowerW + serverOpticsW) + qm9700 * qm9700PowerW + (sn5600 + storageFabric.total) * sn5600PowerW
      + storagePowerKW * 1000
  }
  /// Feed for IT x PUE 1.25 with 25 % headroom, in whole MW.
  var capacityMW: Int { ceilDiv(itLoadW * 125 * 125, 10_000 * 1_000_000) }
  var networkRacks: Int { ceilDiv(qm9700 + storageFabric.total * 2, 36) }  // 1U QM9700, 2U SN5600
  var positions: Int { ceilDiv((gpuRacks + storageRacks + networkRacks) * 12, 10 * 10) * 10 }
}

func siteTotals(_ site: SitePlan, _ fleet: Fleet) -> SiteTotals {
  var t = SiteTotals()
  for i in site.clusters {
    let c = fleet.clusters[i]
    t.gpus += c.gpus
    t.servers += c.servers
    t.gpuRacks += c.racks
    t.qm9700 += c.computeSwitches.total
  }
  return t
}

func siteDocs(_ site: SitePlan, _ fleet: Fleet) -> String {
  let t = siteTotals(site, fleet)
  let c = site.city
  let sf = t.storageFabric
  let system = storageSystems[site.index % storageSystems.count]
  return """
    # Site \(site.name): \(plural(site.clusters.count, "cluster")), \(grouped(t.servers)) DGX-H100 (\(grouped(t.gpus)) GPUs) in \
    \(t.gpuRacks) racks.
    # IT load at full power: servers \(decimal(t.servers * (serverPowerW + serverOpticsW), scale: 6)) MW, \
    \(t.qm9700) QM9700 + \(sf.total) SN5600,
    # storage \(t.storagePowerKW) kW: \(decimal(t.itLoadW / 1000, scale: 3)) MW; x PUE 1.25 = \
    \(decimal(t.itLoadW * 125 / 100 / 1000, scale: 3)) MW of a \(t.capacityMW) MW feed.
    # Positions: \(t.gpuRacks) GPU + \(t.networkRacks) network + \(t.storageRacks) storage racks, with 20% spare.
    apiVersion: kiln/v1
    kind: Site
    metadata:
      name: \(site.name)
      labels: {fleet: bench}
    spec:
      region: \(c.region)
      location: \(c.location)
      jurisdiction: \(c.jurisdiction)
      ownership: owned
      cooling: hybrid              # rear-door heat exchangers: 45 kW per rack
      power:
        capacity: \(t.capacityMW)MW
        pue: 1.25
        price: \(c.energyPrice)
        carbonIntensity: \(c.carbon)
      racks:
        positions: \(t.positions)
        units: 48
        powerLimit: 45kW
    ---
    # Storage \(site.storageName): \(system), 1 GB/s read per GPU of the site's clusters (\(grouped(t.gpus)) GPUs).
    apiVersion: kiln/v1
    kind: Storage
    metadata:
      name: \(site.storageName)
    spec:
      site: \(site.name)
      class: parallel-fs
      system: \(system)
      capacity: \(t.capacityPB)PB
      readBandwidth: \(bandwidth(t.readGBs))
      writeBandwidth: \(bandwidth(t.writeGBs))
      fabric: \(site.storageFabricName)
      racks: \(t.storageRacks)
      power: \(t.storagePowerKW)kW
      price: \(money(thousands: t.capacityPB * 350))
    ---
    # Fabric \(site.storageFabricName): RoCE storage network, 2 x 400 Gb/s storage NICs per DGX-H100 =
    # \(grouped(t.servers * 2)) endpoints on SN5600 (128 x 400 Gb/s breakout): \(sf.leaves) leaves + \(sf.spines) spines\
    \(sf.cores > 0 ? " + \(sf.cores) cores" : "").
    apiVersion: kiln/v1
    kind: Fabric
    metadata:
      name: \(site.storageFabricName)
    spec:
      purpose: storage
      technology: ethernet
      switch: SN5600
      transceiver: OSFP-800G-2xSR4
      topology: fat-tree
      oversubscription: "1:1"

    """
}

/// Inventory annotations: a fixed pattern with per-line serials from a seeded generator.
func inventoryAnnotations(_ c: ClusterPlan, budget: Int) -> String {
  if budget <= 0 { return "" }
  let header = "  annotations:\n"
  var out = header
  var rng = SplitMix64(state: 0xA55E_7000_0000_0000 &+ UInt64(c.index))
  var line = 0
  let kinds = ["server", "psu", "optic", "cable"]
  while true {
    // Four items per server (the server, a PSU, an optic, a cable); 4 servers per rack, 20 racks per row.
    let server = line / 4 % c.servers
    let rack = server / 4
    let serial = String(rng.next() & 0xFF_FFFF_FFFF, radix: 16, uppercase: true)
    let kind = kinds[line % 4]
    let text =
      "    inventory.kiln.dev/\(kind)-\(zeroPadded(line, 7)): \"su-\(zeroPadded(rack / 8 + 1, 2)) rack \(zeroPadded(rack % 8 + 1, 2))"
      + " slot \(server % 4 + 1) \(kind == "server" ? "DGX-H100" : kind) serial SN\(String(repeating: "0", count: 10 - serial.count))\(serial)"
      + " row \(Character(Unicode.Scalar(UInt8(65 + rack / 20 % 26)))) pos \(zeroPadded(rack % 20 + 1, 2)) installed 2025-\(zeroPadded(line / 4 % 12 + 1, 2))\"\n"
    if out.utf8.count + text.utf8.count > budget { break }
    out += text
    line += 1
  }
  return line == 0 ? "" : out
}

func clusterDocs(_ c: ClusterPlan, _ fleet: Fleet) -> String {
  let site = fleet.sites[c.site]
  let sw = c.computeSwitches
  var out = """
    # Cluster \(c.name): \(c.racks) racks x 4 DGX-H100 = \(grouped(c.servers)) servers = \(grouped(c.gpus)) GPUs \
    (\(c.purpose.rawValue)).
    #   rack power 4 x 10.2 kW = 40.8 kW, under the 44 kW limit; reserve 2% -> \(c.reserveServers) spare servers,
    #   \(grouped(c.schedulable)) GPUs schedulable\(c.serves ? ", \(grouped(c.servingGPUs)) of them serving at max replicas" : "").
    apiVersion: kiln/v1
    kind: Cluster
    metadata:
      name: \(c.name)
      labels: {site: \(site.name), purpose: \(c.purpose.rawValue)}

    """
  out += inventoryAnnotations(c, budget: c.annotationBudget)
  out += """
    spec:
      site: \(site.name)
      purpose: \(c.purpose.rawValue)
      racks:

    """
  for group in c.rackGroups {
    out += """
          - name: \(group.name)
            count: \(group.count)
            servers: {model: DGX-H100, perRack: 4}
            powerLimit: 44kW

      """
  }
  out += """
      fabric: \(c.fabricName)
      storage: [\(site.storageName)]
      reserve: 2%

    """
  if c.trains {
    out += """
        queues:
          - {name: pretrain, share: 80%}
          - {name: research, share: 20%}

      """
  }
  // The compute fabric.
  let endpoints = c.servers * 8
  let description: String
  let topology: String
  switch c.kind {
  case .multiPlane:
    description = """
      # 8 planes (DGX-H100 NIC i in plane i), each a two-tier fat-tree of \(c.servers) endpoints:
      # \(sw.leaves / 8) leaves + \(sw.spines / 8) spines per plane, \(sw.total) QM9700 in all (a plane holds 2,048).
      """
    topology = "topology: multi-plane\nplanes: 8\ntiers: 2\noversubscription: \"1:1\""
  case .railOptimized:
    description = """
      # rail-optimized: \(ceilDiv(c.servers, 32)) scalable units of up to 32 nodes x 8 rails = \(sw.leaves) leaves,
      # \(sw.spines) spines\(sw.cores > 0 ? " and \(sw.cores) cores (three tiers)" : " (two tiers)"), \(sw.total) QM9700.
      """
    topology = "topology: rail-optimized\ntiers: \(sw.tiers)\noversubscription: \"1:1\""
  case .fatTree3:
    description = """
      # non-blocking three-tier fat-tree of \(grouped(endpoints)) endpoints: \(sw.leaves) leaves, \(sw.spines) spines,
      # \(sw.cores) cores, \(sw.total) QM9700 (three tiers of 64 ports hold 65,536).
      """
    topology = "topology: fat-tree\ntiers: 3\noversubscription: \"1:1\""
  case .inference:
    description = """
      # 2:1 fat-tree (42 ports down, 22 up per leaf): serving traffic stays mostly inside a replica.
      # \(grouped(endpoints)) endpoints: \(sw.leaves) leaves + \(sw.spines) spines\(sw.cores > 0 ? " + \(sw.cores) cores" : ""), \
      \(sw.total) QM9700.
      """
    topology = "topology: fat-tree\ntiers: auto\noversubscription: \"2:1\""
  }
  out += """
    ---
    # Fabric \(c.fabricName): the compute fabric of Cluster/\(c.name), 400 Gb/s NDR InfiniBand.
    \(description)
    apiVersion: kiln/v1
    kind: Fabric
    metadata:
      name: \(c.fabricName)
    spec:
      purpose: compute
      technology: infiniband
      switch: QM9700
      transceiver: OSFP-800G-2xSR4
      \(topology.replacingOccurrences(of: "\n", with: "\n  "))

    """
  if c.trains {
    let m = models[c.modelIndex]
    let gpus = c.trainingGPUs
    out += """
      ---
      # TrainingRun \(c.name)-\(m.name): \(grouped(gpus)) GPUs (\(gpus / 8) servers) of the pretrain queue's \
      \(grouped(c.queueable * 80 / 100)).
      apiVersion: kiln/v1
      kind: TrainingRun
      metadata:
        name: \(c.name)-\(m.name)
      spec:
        model: \(m.name)
        cluster: \(c.name)
        gpus: \(gpus)
        tokens: \(m.tokens)
        precision: bf16
        mfu: \(m.mfu)
        checkpoint: {interval: 30min, storage: \(site.storageName)}
        image: nvcr.io/nvidia/nemo:24.12
        command: ["torchrun", "--nnodes=\(gpus / 8)", "--nproc-per-node=8", "pretrain.py", "--config=configs/\(m.name).yaml"]
        queue: pretrain

      """
  }
  return out
}

func servingEntry(_ m: ModelDef, name: String, cluster: String, replicas: Int, served: String? = nil) -> String {
  let minimum = max(1, replicas / 4)
  let peak = replicas * m.perReplica * 6 / 10
  let extra = served.map { m.extra + ", \"--served-model-name=\($0)\"" } ?? m.extra
  return """
        - name: \(name)
          model: \(m.name)
          cluster: \(cluster)
          engine: \(m.engine)
          image: \(m.image)
          parallelism: {tensor: \(m.tensor)}
          replicas: {min: \(minimum), max: \(replicas)}
          demand: {peak: \(count(peak)) tokens/s, averageInput: \(m.averageInput), averageOutput: \(m.averageOutput)}
          slo: {ttft: \(m.ttft), tpot: \(m.tpot), availability: 99.9%}
          engineArgs: {gpuMemoryUtilization: \(m.memory), maxBatch: \(m.maxBatch), extra: [\(extra)]}
          secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

    """
}

func tenantEntry(_ number: Int, cluster: String) -> String {
  let m = tenantModel
  let id = "ft-" + zeroPadded(number, 6)
  return """
        - name: \(id)
          model: \(m.name)
          cluster: \(cluster)
          parallelism: {tensor: 1}
          replicas: {min: 1, max: 1}
          demand: {peak: 1k tokens/s, averageInput: 2k, averageOutput: 500}
          slo: {ttft: 500ms, tpot: 30ms, availability: 99.5%}
          engineArgs: {gpuMemoryUtilization: 90%, maxBatch: 64, extra: ["--enable-prefix-caching", "--served-model-name=\(id)"]}

    """
}

func regionDoc(_ site: SitePlan, _ fleet: Fleet) -> String? {
  let serving = site.clusters.map { fleet.clusters[$0] }.filter(\.serves)
  if serving.isEmpty { return nil }
  let tenants = serving.reduce(0) { $0 + $1.tenants }
  var out = """
    # Region r-\(site.name): chat APIs served from \(serving.map(\.name).joined(separator: ", ")),
    # strict residency in \(site.city.jurisdiction)\(tenants > 0 ? "; \(grouped(tenants)) one-GPU fine-tuned tenant deployments" : "").
    apiVersion: kiln/v1
    kind: Region
    metadata:
      name: r-\(site.name)
    spec:
      jurisdiction: \(site.city.jurisdiction)
      dataResidency: strict
      ingress: {loadBalancer: nginx, cdn: true}
      serving:

    """
  var tenant = 1
  for c in serving {
    let short = String(c.name.dropFirst(site.name.count + 1))
    for m in models {
      out += servingEntry(m, name: "\(m.name)-\(short)", cluster: c.name, replicas: m.baseReplicas * c.servingScale)
    }
    for _ in 0..<c.tenants {
      out += tenantEntry(tenant, cluster: c.name)
      tenant += 1
    }
  }
  return out
}

func documents(_ fleet: Fleet, _ options: Options) -> [Doc] {
  var docs = [Doc(path: "kiln.yaml", text: projectDoc(fleet, options)), Doc(path: "policy.yaml", text: policyDoc)]
  for m in models { docs.append(Doc(path: "models/\(m.name).yaml", text: modelDoc(m))) }
  for site in fleet.sites {
    docs.append(Doc(path: "sites/\(site.name).yaml", text: siteDocs(site, fleet)))
    for i in site.clusters {
      docs.append(Doc(path: "clusters/\(fleet.clusters[i].name).yaml", text: clusterDocs(fleet.clusters[i], fleet)))
    }
    if let region = regionDoc(site, fleet) { docs.append(Doc(path: "regions/r-\(site.name).yaml", text: region)) }
  }
  return docs
}

func totalBytes(_ docs: [Doc]) -> Int { docs.reduce(0) { $0 + $1.text.utf8.count } }

// MARK: - Main

let options = parseOptions()
var gpuTarget = options.gpus ?? (options.bytes.map { max(2048, $0 / 50) } ?? 0)
if gpuTarget < 2048 { fail("--gpus must be at least 2048 (one 64-rack cluster)") }
var fleet = planFleet(gpus: gpuTarget)

if let target = options.bytes {
  let base = totalBytes(documents(fleet, options))
  if base < target {
    // About 40 % of the padding: one-GPU tenant entries, spread evenly over the serving clusters
    // and capped at 95 % of their schedulable GPUs.
    let servingIndices = fleet.clusters.indices.filter { fleet.clusters[$0].serves }
    let sample = tenantEntry(1, cluster: fleet.clusters[servingIndices[0]].name).utf8.count
    var wanted = (target - base) * 4 / 10 / sample
    for (n, i) in servingIndices.enumerated() {
      let c = fleet.clusters[i]
      let room = max(0, c.schedulable * 95 / 100 - c.servingGPUs - (c.trains ? c.schedulable / 2 : 0))
      let share = min(room, ceilDiv(wanted, servingIndices.count - n))
      fleet.clusters[i].tenants = share
      wanted -= share
    }
    // The rest: inventory annotations on every cluster.
    let padded = totalBytes(documents(fleet, options))
    let rest = max(0, target - padded)
    for i in fleet.clusters.indices {
      fleet.clusters[i].annotationBudget = rest / fleet.clusters.count + (i < rest % fleet.clusters.count ? 1 : 0)
    }
  } else {
    FileHandle.standardError.write(
      Data("kiln-bench-generate: the \(grouped(fleet.gpus))-GPU fleet is already \(grouped(base)) bytes; no padding\n".utf8))
  }
}

// Lay the documents out in files.
let docs = documents(fleet, options)
var files: [(path: String, text: String)] = []
if let n = options.files {
  files.append((docs[0].path, docs[0].text))
  let rest = Array(docs.dropFirst())
  let parts = min(n - 1, rest.count)
  let total = totalBytes(rest)
  var current = ""
  var written = 0
  for doc in rest {
    current += current.isEmpty ? doc.text : "---\n" + doc.text
    written += doc.text.utf8.count
    // Close a part once the bytes so far reach its share of the total.
    if written * parts >= total * (files.count) && files.count < parts {
      files.append(("parts/part-\(zeroPadded(files.count, 4)).yaml", current))
      current = ""
    }
  }
  if !current.isEmpty { files.append(("parts/part-\(zeroPadded(files.count, 4)).yaml", current)) }
} else {
  for doc in docs {
    if let last = files.last, last.path == doc.path {
      files[files.count - 1].text += "---\n" + doc.text
    } else {
      files.append((doc.path, doc.text))
    }
  }
}

// Write them. OUTDIR must be new, empty, or an earlier output (it has the marker file).
let fm = FileManager.default
let outDir = options.outDir
let marker = ".kiln-bench-generated"
var isDirectory: ObjCBool = false
if fm.fileExists(atPath: outDir, isDirectory: &isDirectory) {
  guard isDirectory.boolValue else { fail("\(outDir) exists and is not a folder") }
  let entries = (try? fm.contentsOfDirectory(atPath: outDir)) ?? []
  if !entries.isEmpty {
    guard entries.contains(marker) else { fail("\(outDir) is not empty and was not written by kiln-bench-generate") }
    do { try fm.removeItem(atPath: outDir) } catch { fail("cannot replace \(outDir): \(error)") }
  }
}
var bytes = 0
for file in files {
  let path = outDir + "/" + file.path
  let folder = (path as NSString).deletingLastPathComponent
  do {
    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let data = Data(file.text.utf8)
    try data.write(to: URL(fileURLWithPath: path))
    bytes += data.count
  } catch {
    fail("cannot write \(path): \(error)")
  }
}
let arguments = CommandLine.arguments.dropFirst(2).joined(separator: " ")
let summary = """
  arguments=\(arguments)
  gpus=\(fleet.gpus)
  clusters=\(fleet.clusters.count)
  sites=\(fleet.sites.count)
  files=\(files.count)
  bytes=\(bytes)
  tenants=\(fleet.clusters.reduce(0) { $0 + $1.tenants })

  """
do {
  try Data(summary.utf8).write(to: URL(fileURLWithPath: outDir + "/" + marker))
} catch {
  fail("cannot write the marker file: \(error)")
}
print(
  "\(outDir): \(grouped(files.count)) files, \(grouped(bytes)) bytes, \(grouped(fleet.gpus)) GPUs in "
    + "\(plural(fleet.clusters.count, "cluster")) at \(plural(fleet.sites.count, "site"))")
