import KilnDiagnostics

/// `TrainingRun`, with defaults: BF16 peak, the cluster's first queue, 14 checkpoint bytes per parameter.
public struct TrainingRunSpec: SpecRecord {
  public enum Precision: String, ChoiceValue { case bf16, fp16, fp8, tf32, fp32 }

  public var name = ""
  public var nameRange = SourceRange.wholeFile("")
  public var model: Reference<ModelSpec> = .placeholder
  public var cluster: Reference<ClusterSpec> = .placeholder
  public var gpus: Located<Int> = .placeholder
  public var tokens: Located<Double> = .placeholder
  public var precision: Located<Precision> = .placeholder
  public var mfu: Located<Double> = .placeholder
  /// Seconds.
  public var checkpointInterval: Located<Double>?
  public var checkpointStorage: Reference<StorageSpec>?
  /// Bytes per parameter in a checkpoint: bf16 weights (2) + fp32 master weights and Adam moments
  /// (12), as in ZeRO (arXiv:1910.02054) without gradients.
  public var checkpointBytesPerParameter: Located<Double> = .placeholder
  /// Job interruptions per 1,000 node-days, and the seconds a restart takes.
  public var failuresPerThousandNodeDays: Located<Double> = .placeholder
  public var restartSeconds: Located<Double> = .placeholder
  public var gpuHourPrice: Located<Double>?
  public var image: Located<String>?
  public var command: [Located<String>] = []
  /// `nil`: the cluster's first queue.
  public var queue: Located<String>?

  public init() {}

  public init(_ object: SpecObject) {
    self = Self.decode(object.spec, fallback: object.nameRange)
    name = object.name
    nameRange = object.nameRange
  }

  public static let table = FieldTable<TrainingRunSpec>(
    "A training run.",
    [
      .reference("model", \.model, required: true, "the model trained"),
      .reference("cluster", \.cluster, required: true, "where it runs (any purpose)"),
      .field(
        "gpus", .count, \.gpus, required: true, range: .positive,
        "GPUs used, in whole servers (2048 = 256 eight-GPU servers). When all of the cluster's GPU servers have the same GPU count, another number is K2029, with the nearest whole-server counts in the help"
      ),
      .field("tokens", .count, \.tokens, required: true, "training tokens (`14.8T`)"),
      .field(
        "precision", Precision.fieldType, \.precision, default: .value("bf16"),
        "the peak that `mfu` is measured against. DeepSeek and most papers use the BF16 peak even for FP8 training. A precision the cluster's GPU has no peak for (fp8 on an A100) is an error ([K3009](diagnostics.md#k3009))"
      ),
      .field("mfu", FieldTypes.percent, \.mfu, required: true, "model FLOPs utilization against that peak"),
      .group(
        "checkpoint", "checkpointing",
        [
          .field("interval", FieldTypes.duration, \.checkpointInterval, required: true, "time between checkpoints"),
          .reference("storage", \.checkpointStorage, required: true, "where checkpoints are written"),
          .field(
            "bytesPerParameter", .count, \.checkpointBytesPerParameter, default: .value("14"),
            "checkpoint bytes per parameter: BF16 weights + FP32 master weights + two Adam moments (a Kiln addition to the v1 contract)"
          ),
        ]),
      .group(
        "failures",
        "*(analyzer)* interruptions, for goodput ([models.md §7.1](models.md#71-checkpoints-failures-and-goodput))",
        [
          .field(
            "perThousandNodeDays", .factor, \.failuresPerThousandNodeDays, default: .value("3.79"),
            "job interruptions per 1,000 node-days. The default is Llama 3's: 419 unexpected interruptions in 54 days on 2,048 servers (Meta, \"The Llama 3 Herd of Models\", arXiv:2407.21783, §3.3.4)"
          ),
          .field(
            "restart", FieldTypes.duration, \.restartSeconds, default: .value("10min"),
            "time from an interruption to training again: rescheduling, and reading the checkpoint back. The default is an estimate"
          ),
        ]),
      .field(
        "gpuHourPrice", .quantity([.hourlyPrice]), \.gpuHourPrice,
        "price the run at a rental rate instead of the project's owned GPU-hour cost (`ownedGpuHour_usd` in the report)"
      ),
      .field("image", .image, \.image, "trainer image of the JobSet ([section 8](#8-container-images))"),
      .list("command", .text, \.command, "trainer command"),
      .field(
        "queue", .name, \.queue, default: .rule("the cluster's first queue"),
        "one of the cluster's queues (`default` when it declares none). Another name is K3001, with a did-you-mean"),
    ])
}
