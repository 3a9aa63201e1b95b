/// The signals of one bar (§6.7, §6.8); all false by default.
public struct UptrendFlags: Codable, Equatable, Sendable {
  /// S1 buy (S0 → S1 bar, S1 stay).
  public var buySignal = false
  /// S2 retest or S3 DX buy.
  public var buyFlag = false
  /// Overextension near an S/R level (S2, S3).
  public var trimFlag = false
  /// First dip of an S3 episode (S3 stay bars, once per episode).
  public var firstDipBuyFlag = false
  /// S1 → S0, S2 → S0, or an S3 bar below EMA333.
  public var emergencyExit = false
  /// First S3 bar back at or above EMA333 (the "rebuy" signal).
  public var reclaimedEma333 = false
  /// Every → S0 transition from S1, S2 or S3: the hard exit.
  public var exitPosition = false
  /// S4 bars.
  public var watchOnly = false

  /// No flag set.
  public init() {}
}

/// The scores of one bar; present exactly as §6.8 says.
public struct UptrendScores: Codable, Equatable, Sendable {
  /// Trend strength (§7.1).
  public var ts: Double?
  /// TS plus the S/R boost of the gate evaluated on this bar.
  public var tsWithBoost: Double?
  /// That S/R boost.
  public var srBoost: Double?
  /// Overextension (S2, S3).
  public var ox: Double?
  /// Discount (S3).
  public var dx: Double?
  /// Expansion decay (S3).
  public var edx: Double?

  /// No score present.
  public init() {}
}
