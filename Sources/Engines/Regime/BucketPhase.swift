/// One cap label's latest meso-horizon phase row (regime-ae.md §2.4, §6.1,
/// EVENTS `BucketPhaseObserved`). Only score (for the rank), slope and
/// confidence enter the multiplier; the phase text is carried for audit.
public struct BucketPhase: Codable, Sendable, Equatable {
  /// Phase name (not used by the formula).
  public var phase: String
  /// Score: labels are ranked by it, descending.
  public var score: Double
  /// Standardised meso slope.
  public var slope: Double
  /// Phase confidence.
  public var confidence: Double

  /// A phase row from its fields.
  public init(phase: String = "", score: Double, slope: Double, confidence: Double) {
    self.phase = phase
    self.score = score
    self.slope = slope
    self.confidence = confidence
  }
}
