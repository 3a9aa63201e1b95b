/// The bucket multiplier m of regime-ae.md §6.3 with its inputs, the
/// bucket diagnostics of §2.8 (`bucket, rank, slope, confidence, multiplier`).
public struct BucketMultiplierResult: Codable, Sendable, Equatable {
  /// The token's cap label the lookup used.
  public var label: CapLabel
  /// Its 1-based rank in the phase snapshot, nil if absent.
  public var rank: Int?
  /// Its slope (0 if absent).
  public var slope: Double
  /// Its confidence (0 if absent).
  public var confidence: Double
  /// Whether confidence reached `minConfidence`, so rank and slope applied.
  public var applied: Bool
  /// m, clamped to [minMultiplier, maxMultiplier]; 1.0 without a label or context.
  public var multiplier: Double

  /// §6.3: m = 1; if confidence ≥ minConfidence, add the rank adjustment
  /// (ranks beyond the list add 0) and slopeWeight × slope; clamp. An
  /// `unknown` label or no context gives exactly 1.0.
  public init(
    label: CapLabel, context: BucketPhaseContext?, config: RegimeConstants.BucketMultiplier
  ) {
    self.label = label
    let row = label == .unknown ? nil : context?.phases[label]
    rank = row == nil ? nil : context?.rank(of: label)
    slope = row?.slope ?? 0
    confidence = row?.confidence ?? 0
    guard label != .unknown, context != nil else {
      applied = false
      multiplier = 1.0
      return
    }
    applied = confidence >= config.minConfidence
    multiplier = Self.formula(rank: rank, slope: slope, applied: applied, config: config)
  }

  /// The §6.3 sum in its order: 1, rank term, slope term; then the clamp.
  private static func formula(
    rank: Int?, slope: Double, applied: Bool, config c: RegimeConstants.BucketMultiplier
  ) -> Double {
    var m = 1.0
    if applied {
      if let rank, rank >= 1, rank <= c.rankAdjustments.count { m += c.rankAdjustments[rank - 1] }
      m += c.slopeWeight * slope
    }
    return clampAE(m, c.minMultiplier, c.maxMultiplier)
  }

  /// JSON keys of EVENTS §8.3 (`cap_label`, `bucket_rank`, …).
  enum CodingKeys: String, CodingKey {
    case applied
    case label = "cap_label"
    case rank = "bucket_rank"
    case slope = "bucket_slope"
    case confidence = "bucket_confidence"
    case multiplier = "bucket_multiplier"
  }
}
