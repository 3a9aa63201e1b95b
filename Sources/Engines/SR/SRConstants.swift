/// Every constant of the S/R geometry provider (engines-ta-uptrend.md §4,
/// Appendix A's S/R row). The provider reads nothing else, so the set can be
/// embedded in a versioned, hashed formula set (D-6).
public struct SRConstants: Codable, Sendable, Equatable {
  /// When the level set is recomputed (SR-04).
  public enum RefreshPolicy: String, Codable, Sendable {
    /// Timeframes < 1 h: first bar closing at or after minute `refreshMinute`
    /// of a UTC hour without a refresh yet; timeframes ≥ 1 h: every bar.
    case hourly
    /// Every bar.
    case everyBar
    /// Never computed: levels come from recorded source events.
    case injected
  }

  /// Fewer bars than this: no update (SR-02 step 1).
  public var minBars: Int
  /// Bars of the window ending at the refresh bar (SR-02, D-33).
  public var window: Int
  /// Minimum swing prominence, in percent of the swing close (step 2).
  public var swingProminencePercent: Double
  /// Neighbours on each side of a swing candidate (5-bar pattern → 2).
  public var patternHalfWidth: Int
  /// No update when both swing counts are below this (step 3).
  public var minSwings: Int
  /// Relative distance `|p − c| / c` that joins a cluster (step 4).
  public var clusterTolerance: Double
  /// Clusters kept after ranking (step 4).
  public var topClusters: Int
  /// Strength of the plain ATH and ATL levels (step 5).
  public var extremeStrength: Double
  /// Fibonacci retracement ratios, price `ATH − r·R` (step 6).
  public var fibRetracements: [Double]
  /// Fibonacci extension ratios, price `ATL + e·R` above the last close (step 6).
  public var fibExtensions: [Double]
  /// Base strength of a Fibonacci level (step 6).
  public var fibBaseStrength: Double
  /// `d%` below this: the closest level's full strength as bonus.
  public var fullBonusPercent: Double
  /// `d%` below this (and not below the full bound): half the strength, floored.
  public var halfBonusPercent: Double
  /// Levels kept after the final ranking (step 7).
  public var keep: Int
  /// Refresh cadence (SR-04).
  public var refreshPolicy: RefreshPolicy
  /// Minute of the UTC hour from which an hourly refresh is due (SR-04).
  public var refreshMinute: Int

  /// The canonical constants of formula set `v1` (`uptrend.v4.c1`).
  public static let v1 = SRConstants(
    minBars: 50, window: 1000, swingProminencePercent: 0.5, patternHalfWidth: 2, minSwings: 3,
    clusterTolerance: 0.06, topClusters: 9, extremeStrength: 10,
    fibRetracements: [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1.0],
    fibExtensions: [1.272, 1.618, 2.0, 2.618, 3.0, 4.236], fibBaseStrength: 15,
    fullBonusPercent: 3, halfBonusPercent: 7, keep: 12, refreshPolicy: .hourly, refreshMinute: 5)
}
