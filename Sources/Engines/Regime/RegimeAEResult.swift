/// The calculator's output for one token at one tick (regime-ae.md §2.8,
/// §4.8, §6.4, §8; EVENTS §8.3 `RegimeAeComputed`) with the full breakdown:
/// every channel row, the sums, intents, multiplier, final levers and their
/// discretisations. The seed's JSON keys where a spec fixes them.
public struct RegimeAEResult: Codable, Sendable, Equatable {
  /// The execution timeframe as given.
  public var executionTimeframe: String
  /// The multiplier row used (the fallback for an unknown timeframe, T2).
  public var execRow: RegimeConstants.ExecTimeframe
  /// The token's regime bucket (its bucket driver, or `unknown`).
  public var bucketDriver: RegimeBucket
  /// The 15 channel rows in accumulation order (driver class, then 1d, 1h, 1m).
  public var channels: [RegimeChannelRow]
  /// Names (`driver/tf`) of stale channels, in row order (D-12, D-18).
  public var staleChannels: [String]
  /// Names of the token's channels with no snapshot, in row order.
  public var missingChannels: [String]
  /// None of the token's channels had a snapshot (§7: all neutral, intents kept).
  public var snapshotMissing: Bool
  /// 0.5 + Σ A terms (regime only, §4.4).
  public var aSum: Double
  /// 0.5 + Σ E terms (regime only, §4.4).
  public var eSum: Double
  /// Intent deltas, raw and capped (§5.1).
  public var intent: IntentDeltas
  /// clamp(A_sum + dA_int, 0, 1): with intents, before the multiplier (§4.8).
  public var aPre: Double
  /// clamp(E_sum + dE_int, 0, 1): with intents, before the multiplier (§4.8).
  public var ePre: Double
  /// The bucket multiplier and its inputs (§6).
  public var bucket: BucketMultiplierResult
  /// A = clamp(A_pre × m, 0, 1) (§6.4).
  public var aValue: Double
  /// E = clamp(E_pre / max(m, 0.2), 0, 1) (§6.4).
  public var eValue: Double
  /// 0.10 + 0.50 × A (§8.1; the spec's `continuous_frac`).
  public var positionSizeFrac: Double
  /// D-1 mode of A.
  public var aMode: AEMode
  /// D-1 mode of E.
  public var eMode: AEMode
  /// Buy size tier picked by A (§8.2).
  public var aSizeTier: SizeTierLevel
  /// Trim size tier picked by E (§8.2).
  public var eSizeTier: SizeTierLevel

  /// JSON keys: the seed's (`A_value`, `E_value`, `position_size_frac`,
  /// `A_mode`, `E_mode`) and EVENTS §8.3's for the rest.
  enum CodingKeys: String, CodingKey {
    case channels, intent, bucket
    case executionTimeframe = "execution_timeframe"
    case execRow = "exec_row"
    case bucketDriver = "bucket_driver"
    case staleChannels = "stale_channels"
    case missingChannels = "missing_channels"
    case snapshotMissing = "snapshot_missing"
    case aSum = "a_sum"
    case eSum = "e_sum"
    case aPre = "a_pre"
    case ePre = "e_pre"
    case aValue = "A_value"
    case eValue = "E_value"
    case positionSizeFrac = "position_size_frac"
    case aMode = "A_mode"
    case eMode = "E_mode"
    case aSizeTier = "a_size_tier"
    case eSizeTier = "e_size_tier"
  }
}
