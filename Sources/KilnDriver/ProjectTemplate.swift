import KilnSpec

/// The project `kiln init` writes: one Site, one Cluster, one Model and one Region, commented, that lints
/// clean, reports and builds. Each kind has its own file so a newcomer sees where things go.
public enum ProjectTemplate {
  /// The files, by path below the project folder, for a project called `name` (a DNS label).
  public static func files(projectName name: String) -> [(path: String, text: String)] {
    [
      ("kiln.yaml", project.replacingOccurrences(of: "{{name}}", with: name)),
      ("site.yaml", site),
      ("cluster.yaml", cluster),
      ("model.yaml", model),
      ("region.yaml", region),
    ]
  }

  /// A project name from a folder name: the folder's own name when it is a valid name, else the closest
  /// valid one (`My Fleet` → `my-fleet`); `my-fleet` when nothing close starts with a letter.
  public static func projectName(forFolder folder: String) -> String {
    let name = DNSLabel.problem(folder) == nil ? folder : DNSLabel.suggestion(folder)
    guard let name, name.first?.isLetter == true else { return "my-fleet" }
    return name
  }

  static let project = """
    # A Kiln project. Every *.yaml file below this folder is part of it; each document starts with
    # apiVersion, kind, metadata.name (lower case, digits and '-') and spec.
    #
    #   kiln.yaml     this file: the project (one per project, at its root)
    #   site.yaml     a data center (Site)
    #   cluster.yaml  GPU servers in that site (Cluster)
    #   model.yaml    a model (Model)
    #   region.yaml   where the model is served, and for how much demand (Region)
    #
    #   kiln lint                 check the specs
    #   kiln report               capacity and cost
    #   kiln build -o manifests   Kubernetes manifests
    #   kiln explain K2010        what a diagnostic code means
    apiVersion: kiln/v1
    kind: Project
    metadata:
      name: {{name}}
    spec:
      # Everything else has a default: lifetime 4y, utilization 80%, load factors by purpose.
      kubernetes:
        version: "1.31"            # quote versions: 1.31 unquoted is a number
        namespacePrefix: kiln-

    """

  static let site = """
    # A data center: an owned, air-cooled server room. Air cooling allows 20 kW per rack by default.
    apiVersion: kiln/v1
    kind: Site
    metadata:
      name: lab-1
    spec:
      region: us-east              # becomes topology.kubernetes.io/region on the nodes
      location: Ashburn, US
      jurisdiction: US             # ISO 3166-1 alpha-2 country code
      ownership: owned
      cooling: air
      power:
        capacity: 100kW            # units are required and case-sensitive: kW, not kw
        pue: 1.4
        price: $0.09/kWh
      racks:
        positions: 4

    """

  static let cluster = """
    # GPU servers: two racks, each holding one built-in DGX-H100 (8 GPUs, 10.2 kW): 16 GPUs.
    apiVersion: kiln/v1
    kind: Cluster
    metadata:
      name: infer-1
    spec:
      site: lab-1                  # references are by name, checked with did-you-mean
      purpose: inference
      racks:
        - name: gpu
          count: 2
          servers: {model: DGX-H100, perRack: 1}   # `kiln explain` and docs/catalog.md list models

    """

  static let model = """
    # A model: Llama 3.1 8B. Its shape sizes the KV cache: 2 x 32 layers x 8 heads x 128 x 2 B per token.
    apiVersion: kiln/v1
    kind: Model
    metadata:
      name: llama3-8b              # names cannot contain '.' or capitals
    spec:
      source: meta-llama/Llama-3.1-8B-Instruct   # the Hugging Face id the engine loads
      parameters: 8B
      layers: 32
      kv: {heads: 8, headDim: 128}
      contextLength: 128Ki

    """

  static let region = """
    # Where the model is served: vLLM, one GPU per replica, 2 to 12 replicas, sized for the peak demand.
    apiVersion: kiln/v1
    kind: Region
    metadata:
      name: us
    spec:
      jurisdiction: US
      # The front door: a Gateway (Envoy Gateway's class `eg`) and an HTTPRoute per entry, through an
      # InferencePool whose endpoint picker chooses the replica (docs/kubernetes.md, front door).
      ingress: {loadBalancer: envoy, routing: inference-pool}
      serving:
        - name: chat               # the Kubernetes workload is named us-chat
          model: llama3-8b
          cluster: infer-1
          image: vllm/vllm-openai:v0.8.5   # pin a tag; `latest` is an error
          parallelism: {tensor: 1}
          replicas: {min: 2, max: 12}
          demand: {peak: 15k tokens/s, averageInput: 1k, averageOutput: 300}
          slo: {ttft: 500ms, tpot: 30ms, availability: 99.5%}
          engineArgs: {gpuMemoryUtilization: 90%, maxBatch: 128}
          # Secrets are references to a Kubernetes Secret, never values.
          secrets: [{name: hf-token, key: token, env: HF_TOKEN}]

    """
}
