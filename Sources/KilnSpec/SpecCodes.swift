import KilnDiagnostics

/// The diagnostics of the spec stage: K2xxx schema and units, K3xxx references and resolution.
public enum SpecCodes {
  // MARK: K2 — schema and units

  public static let unknownAPIVersion = DiagnosticCode(
    "K2001", "unknown apiVersion",
    explanation:
      "Every document starts with `apiVersion: kiln/v1`. Another value is a document for another tool, or a typo.",
    example: "apiVersion: kiln/v2\nkind: Site\n",
    fix: "Write `apiVersion: kiln/v1`, or exclude the file from the project.")
  public static let unknownKind = DiagnosticCode(
    "K2002", "unknown kind",
    explanation:
      "`kind` must be one of Project, Catalog, Site, Cluster, Fabric, Storage, Model, Region, TrainingRun, Policy.",
    example: "apiVersion: kiln/v1\nkind: Cluser\n",
    fix: "Use the suggested kind.")
  public static let missingField = DiagnosticCode(
    "K2003", "missing required field",
    explanation: "A required field is absent. The diagnostic points at the key of the mapping that lacks it.",
    example: "kind: Site\nmetadata: {name: hq}\nspec:\n  region: cn-east-1\n",
    fix: "Add the field; docs/language.md lists every kind's required fields.")
  public static let unknownField = DiagnosticCode(
    "K2004", "unknown field",
    explanation:
      "A field that the kind does not define. Kiln rejects it rather than ignore it, because a misspelt field would otherwise silently fall back to its default.",
    example: "spec:\n  regoin: cn-east-1\n",
    fix: "Use the suggested spelling, or remove the field.")
  public static let wrongNodeType = DiagnosticCode(
    "K2005", "wrong type of value",
    explanation:
      "The value has the wrong shape: a mapping where a list is expected, a scalar where a mapping is expected, a word where true/false is expected, and so on.",
    example: "spec:\n  racks: gpu\n",
    fix: "Write the value in the shape the field expects (see docs/language.md).")
  public static let ambiguousScalar = DiagnosticCode(
    "K2006", "text that YAML reads as another type",
    explanation:
      "A text field holds a plain scalar that YAML 1.2 reads as a number, boolean or null (`1.30`, `true`, `~`). Kiln never applies implicit typing, but other tools would, so the value must be quoted. Words like `NO` or `on` are text in YAML 1.2 and need no quotes.",
    example: "spec:\n  kubernetes: {version: 1.30}\n",
    fix: "Quote the value: `version: \"1.30\"`.")
  public static let invalidName = DiagnosticCode(
    "K2007", "invalid name",
    explanation:
      "Names are DNS-1123 labels: lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, because they become Kubernetes object names.",
    example: "metadata: {name: Train_H800}\n",
    fix: "Use a name such as `train-h800`.")
  public static let invalidChoice = DiagnosticCode(
    "K2008", "value not among the allowed values",
    explanation: "The field takes one of a fixed set of words.",
    example: "spec:\n  cooling: water\n",
    fix: "Use one of the listed values.")
  public static let missingUnit = DiagnosticCode(
    "K2009", "quantity without a unit",
    explanation:
      "Physical and money fields need a unit: `10.2kW`, not `10.2`. Only counts and plain factors such as `pue` are unitless.",
    example: "spec:\n  power: {capacity: 30, pue: 1.2, price: $0.07/kWh}\n",
    fix: "Add the unit (`30MW`).")
  public static let unknownUnit = DiagnosticCode(
    "K2010", "unknown unit",
    explanation:
      "The unit is not one Kiln knows. Units are case-sensitive: `kW` not `kw`, `Gb/s` for bits and `GB/s` for bytes.",
    example: "spec:\n  power: {capacity: 30mw}\n",
    fix: "Use the suggested unit; docs/language.md lists all of them.")
  public static let wrongDimension = DiagnosticCode(
    "K2011", "quantity of the wrong dimension",
    explanation: "The value has a valid unit of another dimension, such as a bandwidth where a power is expected.",
    example: "spec:\n  power: {capacity: 400Gb/s}\n",
    fix: "Give a value of the expected dimension.")
  public static let invalidNumber = DiagnosticCode(
    "K2012", "invalid number",
    explanation:
      "The number is malformed, too long (over 40 characters), or overflows to infinity; NaN and infinities are never accepted.",
    example: "spec:\n  parameters: 1e999\n",
    fix: "Write a finite number in plain decimal notation, with a unit suffix for large values (`671B`).")
  public static let negativeValue = DiagnosticCode(
    "K2013", "negative value",
    explanation: "Counts, sizes, powers and prices cannot be negative.",
    example: "racks:\n  - {name: gpu, count: -4}\n",
    fix: "Use a non-negative value.")
  public static let percentRequired = DiagnosticCode(
    "K2014", "percentage without %",
    explanation: "Percent fields need `%`: `utilization: 0.8` is ambiguous (0.8 % or 80 %?).",
    example: "spec:\n  utilization: 0.8\n",
    fix: "Write `utilization: 80%`.")
  public static let notInteger = DiagnosticCode(
    "K2015", "count is not a whole number",
    explanation: "Counts (racks, servers, GPUs, replicas) are whole numbers.",
    example: "racks:\n  - {name: gpu, count: 2.5}\n",
    fix: "Use a whole number.")
  public static let unsupportedTag = DiagnosticCode(
    "K2016", "unsupported YAML tag",
    explanation:
      "Kiln types scalars from its schema; the only tag it accepts is `!!str` (and the standard `!!map`/`!!seq` on collections).",
    example: "spec:\n  region: !!binary Y24tZWFzdA==\n",
    fix: "Remove the tag.")
  public static let duplicateObject = DiagnosticCode(
    "K2017", "duplicate Kind/name",
    explanation:
      "Two documents declare the same kind and name. Objects are addressed as Kind/name, so the pair must be unique in a project.",
    example: "two files both with kind: Site and metadata.name: hq",
    fix: "Rename one of them, or remove the duplicate.")
  public static let ownershipMismatch = DiagnosticCode(
    "K2018", "block does not match the site's ownership",
    explanation:
      "An owned site has `power` and `racks`; a colocation site adds `colocation`; a cloud site has only `cloud`. A block that the ownership does not use, or a missing one it needs, is an error.",
    example: "spec:\n  ownership: cloud\n  power: {capacity: 1MW, price: $0.1/kWh}\n",
    fix: "Remove the block, or change `ownership`.")
  public static let secretLiteral = DiagnosticCode(
    "K2019", "literal secret in a spec", check: "secret-literal",
    explanation:
      "Specs are committed to git; secrets must be references to Kubernetes Secrets (`{name, key, env}`), never values. Kiln rejects a `value` key in a secret entry and any scalar that looks like a credential (Hugging Face, OpenAI-style or GitHub tokens, PEM private keys).",
    example: "secrets: [{name: hf-token, key: token, value: hf_abcdefghijklmnopqrstuvwxyz0123456}]\n",
    fix: "Store the value in a Kubernetes Secret and reference it; rotate the leaked credential.")
  public static let imageTag = DiagnosticCode(
    "K2020", "image without a pinned tag", check: "image-tag",
    explanation:
      "Container images must carry a tag other than `latest`, or a digest, so that builds are reproducible and a plan shows image changes.",
    example: "image: vllm/vllm-openai:latest\n",
    fix: "Pin a version (`vllm/vllm-openai:v0.8.5`) or a digest (`@sha256:…`).")
  public static let unknownJurisdiction = DiagnosticCode(
    "K2021", "unknown jurisdiction code",
    explanation: "Jurisdictions are ISO 3166-1 alpha-2 country codes (upper case), or EU / EEA.",
    example: "spec:\n  jurisdiction: UK\n",
    fix: "Use the ISO code (`GB` for the United Kingdom).")
  public static let kvMismatch = DiagnosticCode(
    "K2022", "kvCacheBytesPerToken disagrees with kv",
    explanation:
      "Both `kvCacheBytesPerToken` and `kv` are given and the figure computed from `kv` (2 × layers × heads × headDim × bytes) differs by more than 1 %.",
    example: "spec: {layers: 80, kv: {heads: 8, headDim: 128}, kvCacheBytesPerToken: 100000B}\n",
    fix: "Give only one of them, or correct the figure.")
  public static let unknownCheck = DiagnosticCode(
    "K2023", "unknown Policy check id",
    explanation: "A Policy rule names a check that does not exist. `kiln explain CHECK-ID` shows every built-in check.",
    example: "rules:\n  - {check: rack-powr}\n",
    fix: "Use the suggested check id.")
  public static let misplacedSingleton = DiagnosticCode(
    "K2024", "misplaced or repeated Project or Policy",
    explanation: "A project has exactly one Project document, in kiln.yaml at its root, and at most one Policy.",
    example: "a second `kind: Policy` document",
    fix: "Merge the documents into one.")
  public static let invalidCheckSetting = DiagnosticCode(
    "K2025", "setting not valid for this check",
    explanation: "A Policy rule sets a threshold the check does not take, or a threshold of the wrong type.",
    example: "rules:\n  - {check: rack-power, min: 20%}\n",
    fix: "Remove the setting, or use the type the check expects (docs/language.md, Policy).")
  public static let duplicateEntry = DiagnosticCode(
    "K2027", "duplicate entry name",
    explanation: "Entries of one list (rack groups, queues, serving entries, catalog entries) need distinct names.",
    example: "queues:\n  - {name: research, share: 50%}\n  - {name: research, share: 50%}\n",
    fix: "Rename or remove one of the entries.")
  public static let queueShares = DiagnosticCode(
    "K2028", "queue shares exceed 100%", check: "queue-shares",
    explanation: "The shares of a cluster's Kueue queues add up to more than 100 % of its queueable GPUs.",
    example: "queues:\n  - {name: a, share: 70%}\n  - {name: b, share: 40%}\n",
    fix: "Lower the shares so they add up to at most 100 %.")
  public static let invalidValue = DiagnosticCode(
    "K2029", "value out of range",
    explanation:
      "The value has the right type but cannot be right: a percentage above 100 %, a zero where at least one is needed, GPUs that are not whole servers, a ratio that is not d:u.",
    example: "spec:\n  utilization: 120%\n",
    fix: "Use a value in the range the message states.")
  public static let invalidGlob = DiagnosticCode(
    "K2030", "include or exclude pattern outside the project",
    explanation:
      "Include, exclude and overlay globs are relative to the project root and can never reach outside it: absolute paths and `..` segments are rejected, and files reached through a symbolic link that leaves the root are skipped with this error.",
    example: "spec:\n  include: [\"../other/*.yaml\"]\n",
    fix: "Keep the pattern inside the project, or copy the files into it.")
  public static let unsupportedLayout = DiagnosticCode(
    "K2031", "engine cannot run this layout",
    explanation:
      "The serving entry asks for a layout Kiln cannot compile for its engine: a separate prefill pool (prefill/decode disaggregation) compiles for SGLang only, whose `--disaggregation-mode` and router Kiln generates (docs/kubernetes.md).",
    example: "serving:\n  - name: chat\n    engine: vllm\n    prefill: {parallelism: {tensor: 4}}\n",
    fix: "Use engine: sglang, or remove the prefill pool.")

  // MARK: K3 — references and resolution

  public static let unresolvedReference = DiagnosticCode(
    "K3001", "reference to a missing object",
    explanation:
      "A field names an object (a Site, Cluster, Fabric, Storage, Model, queue or rack group) that the project does not define.",
    example: "spec:\n  site: hangzou-1\n",
    fix: "Use the suggested name, or add the object.")
  public static let unknownCatalogEntry = DiagnosticCode(
    "K3002", "unknown catalog entry",
    explanation:
      "A field names a GPU, server, switch or transceiver that is neither built in nor added by a Catalog document. Catalog names are case-sensitive.",
    example: "servers: {model: DGX-H10, perRack: 4}\n",
    fix: "Use the suggested name, or add the entry in a Catalog document.")
  public static let unusedObject = DiagnosticCode(
    "K3003", "unused object", severity: .warning, check: "unused-object",
    explanation:
      "A Model, Storage or Fabric that nothing references. It costs nothing in reports but is usually a leftover or a misspelt reference.",
    example: "kind: Model\nmetadata: {name: old-model}\n…   (no Region or TrainingRun names it)",
    fix: "Reference it, or remove it; a Policy rule `{check: unused-object, severity: off}` silences this.")
  public static let wrongReferenceTarget = DiagnosticCode(
    "K3004", "reference to an object of the wrong purpose",
    explanation:
      "The referenced object exists but cannot play that role: serving on a training-only cluster, serving from a rack group of CPU-only servers, a storage fabric as a cluster's compute fabric, or a compute fabric as a Storage's fabric.",
    example: "serving:\n  - {name: chat, cluster: train-h800, …}   # purpose: training\n",
    fix: "Reference an object of the right purpose, or change the object's purpose.")
  public static let overlayTarget = DiagnosticCode(
    "K3005", "overlay for an object that does not exist",
    explanation: "An overlay document merges over a base object of the same Kind/name; there is no such base object.",
    example: "an env/staging/x.yaml with kind: Region, metadata.name: eu-west while the base has only `eu`",
    fix: "Fix the overlay's kind or name.")
  public static let unknownEnvironment = DiagnosticCode(
    "K3006", "unknown environment",
    explanation: "`--env NAME` names an environment that kiln.yaml's `environments` does not define.",
    example: "kiln lint --env prod   (kiln.yaml defines only staging)",
    fix: "Use one of the defined environments, or add it to kiln.yaml.")
  public static let crossSiteFabric = DiagnosticCode(
    "K3007", "fabric spans several sites",
    explanation: "A fabric connects servers of one site only; clusters or storage at different sites cannot share it.",
    example: "two clusters at sites a and b both with fabric: ib-1",
    fix: "Give each site its own fabric.")
  public static let catalogOverride = DiagnosticCode(
    "K3008", "catalog entry overridden", severity: .note, check: "catalog-override",
    explanation:
      "A Catalog document changes fields of a built-in entry. This is allowed; the note records what changed, because every figure derived from the entry changes with it.",
    example: "kind: Catalog\nspec:\n  gpus: [{name: H800-SXM5-80GB, price: $25k}]\n",
    fix: "Nothing to fix if intended; use a new name to keep the built-in entry.")
  public static let unsupportedPrecision = DiagnosticCode(
    "K3009", "precision not supported by the GPU",
    explanation:
      "A TrainingRun's `precision` is measured against the GPU's peak at that precision; the cluster's GPU has no such peak (FP8 on an A100).",
    example: "spec: {cluster: a100-ft, precision: fp8, …}\n",
    fix: "Use bf16, or a cluster with GPUs that support the precision.")

  public static let catalogPrice = DiagnosticCode(
    "K3010", "server price below its GPUs", severity: .warning, check: "catalog-price",
    explanation:
      "A server that a Catalog document adds or changes (or whose GPU's price it changes) costs less than its GPUs: gpuCount × the GPU's price. Every server's price includes its GPUs, so one of the two prices is wrong, and capex, TCO and $/GPU-hour rest on it. The built-in catalog is held to the same rule by a test.",
    example:
      "kind: Catalog\nspec:\n  servers: [{name: DGX-H100, price: $199k}]   # 8 × the $30k H100 is $240k\n",
    fix: "Correct the server's price (a quote for the whole system), or the GPU's.")
  public static let all: [DiagnosticCode] = [
    unknownAPIVersion, unknownKind, missingField, unknownField, wrongNodeType, ambiguousScalar, invalidName,
    invalidChoice, missingUnit, unknownUnit, wrongDimension, invalidNumber, negativeValue, percentRequired, notInteger,
    unsupportedTag, duplicateObject, ownershipMismatch, secretLiteral, imageTag, unknownJurisdiction, kvMismatch,
    unknownCheck, misplacedSingleton, invalidCheckSetting, duplicateEntry, queueShares, invalidValue, invalidGlob,
    unsupportedLayout,
    unresolvedReference, unknownCatalogEntry, unusedObject, wrongReferenceTarget, overlayTarget, unknownEnvironment,
    crossSiteFabric, catalogOverride, unsupportedPrecision, catalogPrice,
  ]
}
