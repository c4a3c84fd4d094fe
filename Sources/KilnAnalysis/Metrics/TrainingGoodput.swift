import Foundation
import KilnIR
import KilnSpec

/// A training run's checkpoints and failures (docs/models.md §7.1): how long a checkpoint takes to write,
/// how often the job is interrupted, the checkpoint interval that loses least, and the share of its
/// wall-clock time that trains (goodput), computed once for the checks and the report.
public struct TrainingGoodput: Sendable {
  /// Checkpoint bytes: parameters × checkpoint.bytesPerParameter.
  public var checkpointBytes: Double
  /// What bounds the write: the storage's write bandwidth (its read bandwidth when none is given), or the
  /// writing servers' storage NICs (their compute NICs when they have none), whichever is less; bytes/s.
  public var writeBandwidth: Double
  /// True when the servers' NICs, not the storage, bound the write.
  public var nicBound: Bool
  /// δ: seconds to write one checkpoint.
  public var checkpointSeconds: Double
  /// M: mean seconds between interruptions of the whole job (infinite with no failures).
  public var meanTimeBetweenInterruptions: Double
  /// τ: the declared compute time between checkpoints, and Daly's optimum.
  public var interval: Double
  public var optimalInterval: Double
  /// Useful share of wall-clock time at the declared interval (Daly's complete model), 0–1.
  public var goodput: Double
  /// Wall-clock seconds including checkpoints, lost work and restarts; nil when goodput is 0.
  public var wallSeconds: Double?
  /// Expected interruptions over `wallSeconds`.
  public var interruptions: Double?

  /// nil without a model, a checkpoint storage, a GPU server or a compute time.
  public init?(_ run: IRTrainingRun, storage: [StorageSpec]) {
    guard let model = run.model, let position = run.spec.checkpointStorage?.target, let seconds = run.seconds,
      let server = run.cluster?.rackGroups.first(where: { $0.server.gpu != nil })?.server, server.gpuCount > 0
    else { return nil }
    let store = storage[position]
    checkpointBytes = model.parameters.value * run.spec.checkpointBytesPerParameter.value
    let storageBandwidth = store.writeBandwidth?.value ?? store.readBandwidth.value
    // Every server writes its shard of the checkpoint over its own storage NICs.
    let nodes = Double(run.spec.gpus.value) / Double(server.gpuCount)
    let role: NICGroup.Role = server.ports(role: .storage) > 0 ? .storage : .compute
    let nicBandwidth = nodes * Double(server.ports(role: role)) * (server.portSpeed(role: role) ?? 0)
    nicBound = nicBandwidth > 0 && nicBandwidth < storageBandwidth
    writeBandwidth = nicBound ? nicBandwidth : storageBandwidth
    guard writeBandwidth > 0 else { return nil }
    checkpointSeconds = checkpointBytes / writeBandwidth
    // Failures per node-day, over the job's nodes.
    let perNodeSecond = run.spec.failuresPerThousandNodeDays.value / 1_000 / 86_400
    meanTimeBetweenInterruptions = perNodeSecond > 0 ? 1 / (perNodeSecond * nodes) : .infinity
    interval = run.spec.checkpointInterval?.value ?? 0
    optimalInterval = Self.dalyInterval(delta: checkpointSeconds, mtbi: meanTimeBetweenInterruptions)
    let restart = run.spec.restartSeconds.value
    goodput = Self.goodput(
      interval: interval > 0 ? interval : optimalInterval, delta: checkpointSeconds, restart: restart,
      mtbi: meanTimeBetweenInterruptions)
    wallSeconds = goodput > 0 ? seconds / goodput : nil
    interruptions = wallSeconds.map { meanTimeBetweenInterruptions.isFinite ? $0 / meanTimeBetweenInterruptions : 0 }
  }

  /// Daly's higher-order optimum (Daly 2006, eq. 37, as LLNL's SCR implements it):
  /// τ = √(2δM)·(1 + ⅓√(δ/2M) + (δ/2M)/9) − δ for δ < 2M, else M.
  static func dalyInterval(delta: Double, mtbi: Double) -> Double {
    guard mtbi.isFinite else { return .infinity }
    guard delta < 2 * mtbi else { return mtbi }
    let f = delta / (2 * mtbi)
    return (2 * delta * mtbi).squareRoot() * (1 + f.squareRoot() / 3 + f / 9) - delta
  }

  /// Daly's expected wall-clock time per unit of work with exponential failures (Daly 2006):
  /// T_wall / T_solve = M·e^(R/M)·(e^((τ+δ)/M) − 1) / τ; its inverse is the goodput. With no failures
  /// it is τ / (τ + δ).
  static func goodput(interval τ: Double, delta δ: Double, restart r: Double, mtbi m: Double) -> Double {
    guard τ > 0, τ.isFinite else { return m.isFinite ? 0 : 1 }
    guard m.isFinite else { return τ / (τ + δ) }
    let stretch = m * Foundation.exp(r / m) * Foundation.expm1((τ + δ) / m) / τ
    // Below a millionth the run never finishes: no wall time, rather than one of 10²⁸⁸ days.
    guard stretch.isFinite, stretch > 0, 1 / stretch >= 1e-6 else { return 0 }
    return min(1, 1 / stretch)
  }
}
