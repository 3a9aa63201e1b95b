/// What the calculator needs to know about the token being evaluated
/// (regime-ae.md §4.6, §5, §6, §7): its execution timeframe, bucket, cap
/// label, intents and the bucket-phase snapshot of the tick.
public struct RegimeTokenContext: Codable, Sendable, Equatable {
  /// Execution timeframe text (`1m`, `5m`, `15m`, `1h`, `4h`, `1d`); any
  /// other value uses the formula set's fallback row (`1h`, T2).
  public var executionTimeframe: String
  /// Regime bucket, which picks the bucket driver (§4.6, D-4).
  public var bucket: RegimeBucket
  /// 6-way cap label, which keys the bucket multiplier (§6.1).
  public var capLabel: CapLabel
  /// Intent metrics at the tick (§5.2).
  public var intents: IntentMetrics
  /// Meso bucket phases at the tick; nil ⇒ multiplier 1.0.
  public var bucketPhases: BucketPhaseContext?

  /// A context from its fields.
  public init(
    executionTimeframe: String, bucket: RegimeBucket, capLabel: CapLabel = .unknown,
    intents: IntentMetrics = .none, bucketPhases: BucketPhaseContext? = nil
  ) {
    self.executionTimeframe = executionTimeframe
    self.bucket = bucket
    self.capLabel = capLabel
    self.intents = intents
    self.bucketPhases = bucketPhases
  }

  /// JSON keys.
  enum CodingKeys: String, CodingKey {
    case bucket, intents
    case executionTimeframe = "execution_timeframe"
    case capLabel = "cap_label"
    case bucketPhases = "bucket_phases"
  }
}
