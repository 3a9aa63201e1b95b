/// Every constant of EDX (engines-ta-uptrend.md §7.4, §7.5, Appendix A) and
/// of its ATR-adaptive zigzag, plus the EDX switches of §12 (off in `v1`).
/// EDX reads nothing else, so the set can live in a hashed formula set (D-6).
public struct EDXConstants: Codable, Sendable, Equatable {
  /// The zigzag's parameters (SC-35).
  public struct ZigzagParameters: Codable, Sendable, Equatable {
    /// Base reversal threshold in ATRs (`λ0`).
    public var lambda0: Double
    /// Added to `λ` when the mean ATR/close is below `illiquidGuard`.
    public var lambdaBump: Double
    /// Mean ATR/close below which the series counts as illiquid.
    public var illiquidGuard: Double
    /// Bars a reversal must be confirmed for after the extreme.
    public var backstep: Int
    /// Minimum bars between consecutive pivots.
    public var minLeg: Int
    /// Wick relaxer: a high/low reversal needs `λ·a − wick·a`.
    public var wick: Double
  }

  /// The combiner's weights (SC-36), oldest window first.
  public struct CombinerWeights: Codable, Sendable, Equatable {
    /// Weights of `s1, s2, s3` when `s3 > s2 > s1`.
    public var rising3: [Double]
    /// Weights of `s1, s2` when `s2 > s1`.
    public var rising2: [Double]
  }

  /// Minimum `T` and window length (SC-30).
  public var minBars: Int
  /// Numerator of `w2 = ⌊2T/3⌋`.
  public var w2Numerator: Int
  /// Denominator of `w2 = ⌊2T/3⌋` and `w3 = ⌊T/3⌋`.
  public var windowDenominator: Int
  /// EDX of the insufficient paths (D-10).
  public var insufficientValue: Double
  /// A component's neutral score (short window, too few pivots, …).
  public var neutralScore: Double
  /// Composite weights of slow, structure, participation, compression (sum 0.85).
  public var weightSlow: Double
  /// Weight of the structure component.
  public var weightStructure: Double
  /// Weight of the participation component.
  public var weightParticipation: Double
  /// Weight of the compression component.
  public var weightCompression: Double
  /// EMA spans: compression's fast span, the slow field's two spans.
  public var emaSpanFast: Int
  /// First slow-field span (250).
  public var emaSpanSlow: Int
  /// Second slow-field span (333).
  public var emaSpanSlower: Int
  /// OLS window of every slope (10).
  public var slopeWindow: Int
  /// ATR, ADX and RSI period (14).
  public var period: Int
  /// First index `k` of the RSI series (D-14: 15).
  public var rsiFirstIndex: Int
  /// Minimum lengths of the RSI and ADX series for a slope score.
  public var minSeriesLength: Int
  /// Slow field: EMA-slope multiplier.
  public var emaSlopeScale: Double
  /// Slow field: RSI-slope divisor.
  public var rsiSlopeDivisor: Double
  /// Slow field: ADX-slope divisor.
  public var adxSlopeDivisor: Double
  /// Participation: AVWAP-slope multiplier (applied negated).
  public var avwapScale: Double
  /// Compression: separation-slope multiplier (applied negated).
  public var compressionScale: Double
  /// Compression: minimum window length.
  public var compressionMinBars: Int
  /// Structure: minimum number of pivots.
  public var minPivots: Int
  /// Guard of every EMA / price denominator.
  public var denominatorGuard: Double
  /// The zigzag.
  public var zigzag: ZigzagParameters
  /// The window combiner.
  public var combiner: CombinerWeights
  /// Research switch (D-11): use `1 − slow` per window. Off in `v1`.
  public var slowFieldAsDecay: Bool
  /// Parity switch `refEdxFirst500` (D-12): `B` = the first this-many bars
  /// from the S3 start. `nil` (all bars) in `v1`.
  public var firstBarsLimit: Int?

  /// The canonical constants of formula set `v1` (`uptrend.v4.c1`).
  public static let v1 = EDXConstants(
    minBars: 10, w2Numerator: 2, windowDenominator: 3, insufficientValue: 0.5,
    neutralScore: 0.5, weightSlow: 0.30, weightStructure: 0.25, weightParticipation: 0.20,
    weightCompression: 0.10, emaSpanFast: 144, emaSpanSlow: 250, emaSpanSlower: 333,
    slopeWindow: 10, period: 14, rsiFirstIndex: 15, minSeriesLength: 10, emaSlopeScale: 1000,
    rsiSlopeDivisor: 5, adxSlopeDivisor: 2, avwapScale: 1000, compressionScale: 100,
    compressionMinBars: 144, minPivots: 4, denominatorGuard: 1e-9,
    zigzag: ZigzagParameters(
      lambda0: 1.2, lambdaBump: 0.2, illiquidGuard: 0.003, backstep: 3, minLeg: 4, wick: 0.25),
    combiner: CombinerWeights(rising3: [0.2, 0.3, 0.5], rising2: [0.3, 0.7]),
    slowFieldAsDecay: false, firstBarsLimit: nil)
}
