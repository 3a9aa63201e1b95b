/// The audit record of an S1 buy or S2 retest check (§6.2, §6.3).
public struct GateCheck: Codable, Equatable, Sendable {
  /// Price within the halo of the anchor EMA.
  public var entryZoneOk: Bool
  /// The slope gate held.
  public var slopeOk: Bool
  /// TS plus boost reached the threshold.
  public var tsOk: Bool
  /// All three held.
  public var pass: Bool
  /// TS.
  public var tsScore: Double
  /// TS plus the S/R boost at the anchor.
  public var tsWithBoost: Double
  /// The S/R boost at the anchor.
  public var srBoost: Double
  /// ATR of the bar.
  public var atr: Double
  /// Entry halo (× ATR).
  public var halo: Double
  /// Price of the bar.
  public var price: Double
  /// The anchor EMA (EMA60 for S1, EMA333 for S2).
  public var anchor: Double
  /// S1: slope60; S2: slope250.
  public var slopeA: Double
  /// S1: slope144; S2: slope333.
  public var slopeB: Double
}

/// The audit record of a trim check (§6.4).
public struct TrimCheck: Codable, Equatable, Sendable {
  /// The OX compared with the trim threshold.
  public var ox: Double
  /// A level lies within the halo of the price.
  public var nearSR: Bool
  /// The closest level (first in stored order on ties), if any.
  public var closestLevel: Double?
  /// Its distance from the price.
  public var closestDistance: Double?
  /// Proximity halo (1.0 × ATR).
  public var halo: Double
}

/// The audit record of the S3 DX buy (§6.5).
public struct S3BuyCheck: Codable, Equatable, Sendable {
  /// E144 > 0 and P ≤ E144.
  public var inDiscount: Bool
  /// DX of the bar.
  public var dx: Double
  /// Base threshold (0.60).
  public var thresholdBase: Double
  /// The EDX addition to the threshold.
  public var edxSuppression: Double
  /// Base plus EDX addition.
  public var thresholdAdjusted: Double
  /// Price-position boost subtracted from the threshold.
  public var pricePositionBoost: Double
  /// max(0, adjusted − boost).
  public var thresholdFinal: Double
  /// DX reached the final threshold.
  public var dxOk: Bool
  /// slope250 > 0 or slope333 ≥ 0.
  public var slopeOk: Bool
  /// TS plus boost at EMA333 reached the threshold.
  public var tsOk: Bool
  /// slope250 of the bar.
  public var slope250: Double
  /// slope333 of the bar.
  public var slope333: Double
  /// TS.
  public var tsScore: Double
  /// TS plus the S/R boost at EMA333.
  public var tsWithBoost: Double
  /// That boost.
  public var srBoost: Double
  /// The bar's emergency exit (blocks the buy).
  public var emergencyExit: Bool
  /// The buy fired.
  public var pass: Bool
}

/// The audit record of the first-dip check (§6.6).
public struct FirstDipCheck: Codable, Equatable, Sendable {
  /// Why a first dip was refused before its options were tested.
  public enum Refusal: String, Codable, Sendable {
    /// A first dip already fired in this S3 episode.
    case alreadyTaken = "already_taken"
    /// The price is below EMA333.
    case emergencyExitBelow333 = "emergency_exit_below_333"
    /// An EMA is not positive.
    case invalidEmas = "invalid_emas"
    /// The ATR is not positive.
    case invalidAtr = "invalid_atr"
  }

  /// Why it was refused before the options were tested, if it was.
  public var reason: Refusal?
  /// Bars since the S3 start.
  public var barsSinceS3: Int
  /// Within 6 bars and near EMA20 or EMA30.
  public var option1: Bool
  /// Within 12 bars and near EMA60.
  public var option2: Bool
  /// slope144 > 0 or slope250 ≥ 0.
  public var slopeOk: Bool
  /// TS plus boost reached the first-dip threshold.
  public var tsOk: Bool
  /// The flag fired.
  public var pass: Bool
  /// TS plus the S/R boost at EMA333.
  public var tsWithBoost: Double
  /// That boost.
  public var srBoost: Double
}
