import Foundation
import KilnIR

/// How a replica works through requests that all arrive at once (docs/models.md §8.7): a batch job, a
/// backlog after an outage, the "QPS = INF" point of a load sweep. Not a steady state, so not the M/M/1
/// of §8.4: Kiln runs the engine's steps one by one.
///
/// Every request has the entry's average input and output. The engine admits requests up to its batch
/// bound (memory, `maxBatch`, 4,096) in arrival order; each step decodes one token of every sequence
/// that has its first token and spends what is left of `maxNumTokens` (no bound when unset) on the
/// prompts of the admitted requests, first come first served (chunked prefill). A request's first token
/// comes with the step that finishes its prompt; its TPOT is the time from there to its last token over
/// its output tokens less one. Each step costs `stage(decoding:context:prefilling:sequences:)`.
public struct BurstDrain: Sendable, Equatable {
  /// Requests per copy, and the figures of a copy (all copies work alike).
  public var requests: Int
  /// Seconds until the last request's last token.
  public var drainSeconds: Double
  public var meanTTFTSeconds: Double
  /// nil when requests have a single output token.
  public var meanTPOTSeconds: Double?
  /// Output tokens per second of one replica over the drain.
  public var tokensPerSecond: Double
}

extension ServingModel {
  /// Steps beyond which a burst is not simulated (its figures would take longer to compute than to read).
  static let burstStepLimit = 2_000_000

  /// The drain of `requests` arriving at once at one replica (split over its `data` copies); nil for a pool
  /// of a disaggregated entry, without a batch, or past `burstStepLimit` steps.
  public func burst(requests: Int) -> BurstDrain? {
    guard role == .combined, requests > 0, copyBatch > 0, averageOutput >= 1 else { return nil }
    let perCopy = (requests + data - 1) / data
    let output = Int(saturating: averageOutput.rounded())
    let prompt = averageInput * (1 - cacheHitRate)
    // Whole prompts in the KV cache while decoding; the batch bound without the TPOT objective.
    let cap = max(1, min(copyMemoryBatchLimit, maxBatch.map { max(1, $0 / data) } ?? 4_096))
    let budget = maxNumTokens.map(Double.init) ?? .infinity

    struct Cohort {
      var count: Double
      var firstToken: Double
      var lastStep: Int
    }
    var cohorts: [Cohort] = []
    var head = 0
    var decoding = 0.0
    var contextSum = 0.0
    var prefilled = 0.0
    var promptsDone = 0
    var finished = 0
    var clock = 0.0
    var ttftSum = 0.0
    var tpotSum = 0.0
    var step = 0
    while finished < perCopy {
      step += 1
      guard step <= Self.burstStepLimit else { return nil }
      let admitted = min(perCopy, cap + finished)
      // Rounding must not leave a sliver of a prompt to chase: below a billionth of one is done.
      var waiting = Double(admitted) * prompt - prefilled
      if waiting <= prompt * 1e-9 { waiting = 0 }
      let chunk = min(waiting, max(0, budget - decoding))
      let context = decoding > 0 ? contextSum / decoding : averageInput
      let micro = decoding / Double(pipeline)
      let stage = stage(
        decoding: micro, context: context, prefilling: chunk / Double(pipeline),
        sequences: max(micro, chunk > 0 ? 1 : 0))
      let time = pipelined(stage, handingOff: micro + chunk / Double(pipeline))
      guard time.isFinite, time > 0 else { return nil }
      clock += time
      // Every decoding sequence gains a token; cohorts whose last token this was finish.
      contextSum += decoding
      while head < cohorts.count, cohorts[head].lastStep == step {
        let cohort = cohorts[head]
        finished += Int(cohort.count)
        if output > 1 { tpotSum += cohort.count * (clock - cohort.firstToken) / Double(output - 1) }
        decoding -= cohort.count
        contextSum -= cohort.count * (averageInput + Double(output))
        head += 1
      }
      // Prompts this step finished give their first token now.
      prefilled += chunk
      let done = prompt > 0 ? min(admitted, Int(((prefilled + prompt * 1e-9) / prompt).rounded(.down))) : admitted
      let started = done - promptsDone
      if started > 0 {
        promptsDone = done
        ttftSum += Double(started) * clock
        if output <= 1 {
          finished += started
        } else {
          cohorts.append(Cohort(count: Double(started), firstToken: clock, lastStep: step + output - 1))
          decoding += Double(started)
          contextSum += Double(started) * (averageInput + 1)
        }
      }
    }
    guard clock > 0 else { return nil }
    return BurstDrain(
      requests: perCopy, drainSeconds: clock, meanTTFTSeconds: ttftSum / Double(perCopy),
      meanTPOTSeconds: output > 1 ? tpotSum / Double(perCopy) : nil,
      tokensPerSecond: Double(data) * Double(perCopy) * Double(output) / clock)
  }
}
