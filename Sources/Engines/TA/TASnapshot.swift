/// The TA of one bar (engines-ta-uptrend.md TA-30; EVENTS §8.2 `TaUpdated`):
/// what the Uptrend Engine and the S/R gates read, computed from bars ≤ t.
public struct TASnapshot: Sendable, Equatable, Codable {
  /// Index of the bar over the series' valid bars, 0-based.
  public var barIndex: Int
  /// EMA 20 at the bar.
  public var ema20 = 0.0
  /// EMA 30.
  public var ema30 = 0.0
  /// EMA 50 (published, not consumed by the engine).
  public var ema50 = 0.0
  /// EMA 60.
  public var ema60 = 0.0
  /// EMA 144.
  public var ema144 = 0.0
  /// EMA 250.
  public var ema250 = 0.0
  /// EMA 333.
  public var ema333 = 0.0
  /// Normalised slope of EMA 20 (fraction per bar).
  public var slope20 = 0.0
  /// Normalised slope of EMA 60.
  public var slope60 = 0.0
  /// Normalised slope of EMA 144.
  public var slope144 = 0.0
  /// Normalised slope of EMA 250.
  public var slope250 = 0.0
  /// Normalised slope of EMA 333.
  public var slope333 = 0.0
  /// Slope delta of EMA 144 (DX curl).
  public var dSlope144 = 0.0
  /// Slope delta of EMA 60 (published only).
  public var dSlope60 = 0.0
  /// Slope delta of EMA 250 (published only).
  public var dSlope250 = 0.0
  /// Slope delta of EMA 333 (published only).
  public var dSlope333 = 0.0
  /// Change over 5 bars of the EMA20–EMA60 separation.
  public var dsepFast5 = 0.0
  /// Change over 5 bars of the EMA60–EMA144 separation.
  public var dsepMid5 = 0.0
  /// ATR (Wilder, 14); 0 before the second bar.
  public var atr = 0.0
  /// Exact mean of the last 20 ATR values (the ATR itself with fewer).
  public var atrMean20 = 0.0
  /// ADX (14); 0 before it exists.
  public var adx = 0.0
  /// OLS slope of the last 10 ADX values.
  public var adxSlope10 = 0.0
  /// RSI (simple averages, 14); 50 before the RSI series starts.
  public var rsi = 50.0
  /// OLS slope of the last 10 RSI values.
  public var rsiSlope10 = 0.0
  /// Winsorised log-volume EWMA z-score.
  public var voZ = 0.0
  /// ATR over EMA 50 (published only).
  public var atrNorm = 0.0
  /// Highest of the last 10 ATR values (published only).
  public var atrPeak10 = 0.0
  /// A burst of high volume z-scores in the last 30 bars (published only).
  public var voZCluster = false

  /// An all-default snapshot for bar `barIndex`.
  public init(barIndex: Int) { self.barIndex = barIndex }

  /// The six EMAs the state machine reads.
  public var ladder: EmaLadder {
    EmaLadder(
      ema20: ema20, ema30: ema30, ema60: ema60, ema144: ema144, ema250: ema250, ema333: ema333)
  }

  /// True when every value is finite (the engines never emit otherwise).
  public var isFinite: Bool {
    [
      ema20, ema30, ema50, ema60, ema144, ema250, ema333, slope20, slope60, slope144, slope250,
      slope333, dSlope144, dSlope60, dSlope250, dSlope333, dsepFast5, dsepMid5, atr, atrMean20, adx,
      adxSlope10, rsi, rsiSlope10, voZ, atrNorm, atrPeak10,
    ].allSatisfy(\.isFinite)
  }
}
