/// Which size tier a score picks (regime-ae.md §8.2, portfolio-manager §3):
/// `high` if s ≥ highFrom (0.7), `mid` if s ≥ midFrom (0.3), else `low`.
/// A picks the buy tiers, E the trim tier. These thresholds are the PM's
/// (`PortfolioConstants.tierThresholds`), not the A/E modes' (D-13).
public enum SizeTierLevel: String, Codable, Sendable, CaseIterable {
  /// s < midFrom.
  case low
  /// midFrom ≤ s < highFrom.
  case mid
  /// s ≥ highFrom.
  case high

  /// The tier level of a score; thresholds inclusive (≥).
  public init(_ score: Double, thresholds t: PortfolioConstants.TierThresholds) {
    self = score >= t.highFrom ? .high : score >= t.midFrom ? .mid : .low
  }

  /// This level's size in a tier triple.
  public func size(in tier: PortfolioConstants.Tier) -> Double {
    switch self {
    case .low: tier.low
    case .mid: tier.mid
    case .high: tier.high
    }
  }
}
