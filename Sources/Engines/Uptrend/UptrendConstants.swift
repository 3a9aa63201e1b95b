/// Every constant and switch of the Uptrend Engine V4 (engines-ta-uptrend.md
/// §2.4, §6, §7, §12, Appendix A; D-8, D-15), part of the formula set (D-6).
/// The engine reads no literal constant of its own.
public struct UptrendConstants: Codable, Sendable, Equatable {
  /// How the first evaluated bar and S4 are left.
  public enum Bootstrap: String, Codable, Sendable {
    /// D-8: S0 order → S0, S3 order → S3 (bootstrapped episode), else S4;
    /// S4 leaves to S0 or S3.
    case s0S3S4
    /// The reference (SM-40): S0 order → S0, else S4; S4 leaves only to S0.
    case s0S4
  }

  /// Profile id of the engine inside the set (`uptrend.v4.c1`).
  public var profile: String
  /// Bootstrap rule.
  public var bootstrap: Bootstrap
  /// Warm-up of token and major series, every timeframe: 333 bars (§2.4, D-18).
  public var minHistoryToken: Int
  /// Warm-up of regime drivers on 1m: 333 bars.
  public var minHistoryDriver1m: Int
  /// Warm-up of regime drivers on 1h: 72 bars.
  public var minHistoryDriver1h: Int
  /// Warm-up of regime drivers on 1d: 30 bars.
  public var minHistoryDriver1d: Int
  /// TS: RSI slope offset and range, `clamp01((x + 5) / 10)`.
  public var tsRsiSlopeOffset: Double
  /// TS: RSI slope range (10).
  public var tsRsiSlopeRange: Double
  /// TS: ADX slope offset, `clamp01((x + 2) / 4)`.
  public var tsAdxSlopeOffset: Double
  /// TS: ADX slope range (4).
  public var tsAdxSlopeRange: Double
  /// TS gate of the S1 buy, S2 retest and S3 DX buy: 0.60.
  public var tsThreshold: Double
  /// TS gate of the first-dip buy: 0.50.
  public var firstDipTsThreshold: Double
  /// Most the S/R boost adds: 0.25.
  public var srBoostMax: Double
  /// S/R boost halo in ATRs: 1.0.
  public var srBoostHaloAtr: Double
  /// S/R boost scale: `strength · (1 − d/halo) · 0.25`.
  public var srBoostScale: Double
  /// S1 entry halo around EMA60 in ATRs: 1.0.
  public var s1EntryHaloAtr: Double
  /// S2 retest halo around EMA333 in ATRs: 0.5.
  public var s2RetestHaloAtr: Double
  /// First-dip halo in ATRs: 0.5.
  public var firstDipHaloAtr: Double
  /// First dip near EMA20/30 within this many bars of the S3 start: 6.
  public var firstDipFastBars: Int
  /// First dip near EMA60 within this many bars: 12.
  public var firstDipMidBars: Int
  /// Trim: S/R proximity halo around the price in ATRs: 1.0.
  public var trimHaloAtr: Double
  /// Trim: OX threshold: 0.65.
  public var trimOxThreshold: Double
  /// OX rail divisors in ATRs for EMA20, EMA60, EMA144, EMA250: 1.5, 2.0, 1.5, 2.0.
  public var oxRailK: [Double]
  /// OX fast expansion scale: 0.0015.
  public var oxExpFastK: Double
  /// OX mid expansion scale: 0.0010.
  public var oxExpMidK: Double
  /// OX fragility scale: 0.0008.
  public var oxFragilityK: Double
  /// OX weights: railFast, railMid, rail144, rail250, expFast, expMid, atrSurge, fragility.
  public var oxWeights: [Double]
  /// OX EDX boost: `× (1 + 0.33 · clamp(edx − 0.5, 0, 0.5))`.
  public var oxEdxBoost: Double
  /// OX EDX boost centre (0.5).
  public var oxEdxBoostCentre: Double
  /// OX EDX boost cap (0.5).
  public var oxEdxBoostCap: Double
  /// DX location decay: `exp(−3x)`.
  public var dxLocationDecay: Double
  /// DX compression weight in the location: `(1 + 0.3·compMult)`.
  public var dxCompressionWeight: Double
  /// DX compression centre: `σ((0.03 − bw/P) / 0.02)`.
  public var dxCompressionCentre: Double
  /// DX compression scale (0.02).
  public var dxCompressionScale: Double
  /// DX band width when EMA144 equals EMA333, as a fraction of it: 0.01.
  public var dxEqualBandFraction: Double
  /// DX ATR relief centre: `σ((atr/atrM − 0.9) / 0.05)`.
  public var dxAtrReliefCentre: Double
  /// DX ATR relief scale (0.05).
  public var dxAtrReliefScale: Double
  /// DX RSI relief scale: 0.5.
  public var dxRsiReliefK: Double
  /// DX ADX relief scale: 0.3.
  public var dxAdxReliefK: Double
  /// DX ADX floor: 18.
  public var dxAdxFloor: Double
  /// DX weights: location, exhaustion, relief, curl.
  public var dxWeights: [Double]
  /// DX EDX suppression start: clamp(edx − 0.6, 0, 0.4).
  public var dxEdxSuppressionStart: Double
  /// DX EDX suppression cap (0.4).
  public var dxEdxSuppressionCap: Double
  /// DX EDX suppression factor: `× (1 − 0.5·supp)`.
  public var dxEdxSuppressionFactor: Double
  /// S3 DX buy base threshold: 0.60.
  public var dxBuyThreshold: Double
  /// EDX at which the threshold addition jumps to its maximum: 0.7.
  public var dxBuyEdxHigh: Double
  /// Threshold addition from that EDX on: 0.15.
  public var dxBuyEdxHighAdd: Double
  /// EDX from which the sliding addition starts: 0.5.
  public var dxBuyEdxLow: Double
  /// Slope of the sliding addition: `(edx − 0.5) · 0.5`.
  public var dxBuyEdxSlope: Double
  /// Price-position boost: `pos · 0.10 − (1 − pos) · 0.05`.
  public var dxBuyPositionUp: Double
  /// Price-position penalty (0.05).
  public var dxBuyPositionDown: Double
  /// The S2 → S0 exit on the bearish order (D-03; canonical on).
  public var s2ToS0: Bool
  /// The first-dip buy (D-04; canonical on).
  public var firstDip: Bool
  /// TS, TS with boost and the boost in `scores` on S1/S2 bars (D-36; the
  /// reference's `refScoresShape` is off).
  public var scoresOnS1S2: Bool
  /// Research switch `dxPricePositionIntended` (D-15 of the spec): off.
  public var dxPricePositionIntended: Bool
  /// Parity switch `refFeatureKeyQuirks` (D-01, D-24): off; not built.
  public var refFeatureKeyQuirks: Bool
  /// Parity switch `refTimeBasedBarCounts` (D-14): off; not built.
  public var refTimeBasedBarCounts: Bool
  /// Parity switch `refEdxLowcapOnly` (D-13): off; not built.
  public var refEdxLowcapOnly: Bool
  /// Parity switch `refRegimeTA` (D-22, D-32): off; not built.
  public var refRegimeTA: Bool
  /// Parity switch `refNoSRForDrivers` (D-23): off; not built.
  public var refNoSRForDrivers: Bool
  /// Parity switch `refSkipOnOverflow` (D-27): off; not built.
  public var refSkipOnOverflow: Bool

  /// The canonical constants (`uptrend.v4.c1` with D-8's bootstrap).
  public static let v1 = UptrendConstants(
    profile: "uptrend.v4.c1", bootstrap: .s0S3S4, minHistoryToken: 333, minHistoryDriver1m: 333,
    minHistoryDriver1h: 72, minHistoryDriver1d: 30, tsRsiSlopeOffset: 5, tsRsiSlopeRange: 10,
    tsAdxSlopeOffset: 2, tsAdxSlopeRange: 4, tsThreshold: 0.60, firstDipTsThreshold: 0.50,
    srBoostMax: 0.25, srBoostHaloAtr: 1.0, srBoostScale: 0.25, s1EntryHaloAtr: 1.0,
    s2RetestHaloAtr: 0.5, firstDipHaloAtr: 0.5, firstDipFastBars: 6, firstDipMidBars: 12,
    trimHaloAtr: 1.0, trimOxThreshold: 0.65, oxRailK: [1.5, 2.0, 1.5, 2.0], oxExpFastK: 0.0015,
    oxExpMidK: 0.0010, oxFragilityK: 0.0008,
    oxWeights: [0.35, 0.20, 0.10, 0.10, 0.10, 0.05, 0.05, 0.05], oxEdxBoost: 0.33,
    oxEdxBoostCentre: 0.5, oxEdxBoostCap: 0.5, dxLocationDecay: 3, dxCompressionWeight: 0.3,
    dxCompressionCentre: 0.03, dxCompressionScale: 0.02, dxEqualBandFraction: 0.01,
    dxAtrReliefCentre: 0.9, dxAtrReliefScale: 0.05, dxRsiReliefK: 0.5, dxAdxReliefK: 0.3,
    dxAdxFloor: 18, dxWeights: [0.45, 0.25, 0.25, 0.05], dxEdxSuppressionStart: 0.6,
    dxEdxSuppressionCap: 0.4, dxEdxSuppressionFactor: 0.5, dxBuyThreshold: 0.60,
    dxBuyEdxHigh: 0.7, dxBuyEdxHighAdd: 0.15, dxBuyEdxLow: 0.5, dxBuyEdxSlope: 0.5,
    dxBuyPositionUp: 0.10, dxBuyPositionDown: 0.05, s2ToS0: true, firstDip: true,
    scoresOnS1S2: true, dxPricePositionIntended: false, refFeatureKeyQuirks: false,
    refTimeBasedBarCounts: false, refEdxLowcapOnly: false, refRegimeTA: false,
    refNoSRForDrivers: false, refSkipOnOverflow: false)

  /// `v1` with the reference's S0/S4 bootstrap, for `v1-ref` (D-18).
  public static let v1Reference: UptrendConstants = {
    var c = v1
    c.bootstrap = .s0S4
    return c
  }()

  /// The switches that are defined but not built: a set turning one on is refused.
  public var unbuiltSwitchesOn: [String] {
    [
      ("refFeatureKeyQuirks", refFeatureKeyQuirks),
      ("refTimeBasedBarCounts", refTimeBasedBarCounts),
      ("refEdxLowcapOnly", refEdxLowcapOnly), ("refRegimeTA", refRegimeTA),
      ("refNoSRForDrivers", refNoSRForDrivers), ("refSkipOnOverflow", refSkipOnOverflow),
    ].filter(\.1).map(\.0)
  }

  /// `minHistoryBars` of §2.4 for a series kind and timeframe (bar length in ms).
  public func minHistoryBars(isDriver: Bool, barMilliseconds: Int64) -> Int {
    guard isDriver else { return minHistoryToken }
    switch barMilliseconds {
    case 3_600_000: return minHistoryDriver1h
    case 86_400_000: return minHistoryDriver1d
    default: return minHistoryDriver1m
    }
  }
}
