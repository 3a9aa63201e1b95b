/// Every constant of streaming and window TA (engines-ta-uptrend.md §3.3,
/// Appendix A; D-7, D-14), part of the formula set (D-6): TA reads no
/// literal constant of its own.
public struct TAConstants: Codable, Sendable, Equatable {
  /// How TA is computed: streaming over the whole history (`v1`, D-7) or
  /// recomputed per bar over a trailing window (`v1-ref`, TA-03).
  public enum Form: String, Codable, Sendable {
    /// O(1) per bar, state carried over the series' whole history (D-7, D-14).
    case streaming
    /// Every indicator recomputed from scratch over the last `window` bars (TA-03).
    case window
  }

  /// Streaming (canonical) or the reference's trailing window.
  public var form: Form
  /// `W_TA`, the trailing window of the window form (TA-03): 1000 bars.
  public var window: Int
  /// EMA spans in ladder order: 20, 30, 50, 60, 144, 250, 333.
  public var emaSpans: [Int]
  /// OLS window of the normalised slopes: 10 bars.
  public var slopeWindow: Int
  /// Lag of the slope delta: 10 bars.
  public var slopeDeltaLag: Int
  /// Lag of the separation deltas: 5 bars (bar t vs t − 5).
  public var separationLag: Int
  /// ATR period (Wilder): 14.
  public var atrPeriod: Int
  /// Values in the ATR mean (exact summation): 20.
  public var atrMeanWindow: Int
  /// Values in the ATR peak (published, not consumed): 10.
  public var atrPeakWindow: Int
  /// ADX period (Wilder, seeded with the first DX): 14.
  public var adxPeriod: Int
  /// ADX values in the ADX slope: 10.
  public var adxSlopeWindow: Int
  /// RSI period (simple averages): 14.
  public var rsiPeriod: Int
  /// First bar index with an RSI in the RSI series: 15.
  public var rsiSeriesFirstIndex: Int
  /// RSI values in the RSI slope: 10.
  public var rsiSlopeWindow: Int
  /// EWMA span of the volume z-score: 64.
  public var volumeEwmaSpan: Int
  /// Values in the streaming winsorising multiset (D-14): 1000.
  public var winsorWindow: Int
  /// Fewest values before winsorising: 10.
  public var winsorMinCount: Int
  /// Lower winsorising quantile: 0.02.
  public var winsorLow: Double
  /// Upper winsorising quantile: 0.98.
  public var winsorHigh: Double
  /// Lower clamp of the volume z-score: −4.
  public var zMin: Double
  /// Upper clamp of the volume z-score: 6.
  public var zMax: Double
  /// Floor of the EWMA variance: 1e-12.
  public var varianceFloor: Double
  /// Guard of every denominator that is an EMA, ATR or DI sum: 1e-9.
  public var denominatorGuard: Double
  /// Volume-z cluster (published only): values looked back: 30.
  public var zClusterWindow: Int
  /// Volume-z cluster: a value counts at z ≥ 2.
  public var zClusterThreshold: Double
  /// Volume-z cluster: at least 3 counted values …
  public var zClusterCount: Int
  /// … or positive parts summing to at least 6.
  public var zClusterSum: Double

  /// The canonical constants, streaming (`v1`).
  public static let v1 = TAConstants(
    form: .streaming, window: 1000, emaSpans: [20, 30, 50, 60, 144, 250, 333], slopeWindow: 10,
    slopeDeltaLag: 10, separationLag: 5, atrPeriod: 14, atrMeanWindow: 20, atrPeakWindow: 10,
    adxPeriod: 14, adxSlopeWindow: 10, rsiPeriod: 14, rsiSeriesFirstIndex: 15, rsiSlopeWindow: 10,
    volumeEwmaSpan: 64, winsorWindow: 1000, winsorMinCount: 10, winsorLow: 0.02, winsorHigh: 0.98,
    zMin: -4, zMax: 6, varianceFloor: 1e-12, denominatorGuard: 1e-9, zClusterWindow: 30,
    zClusterThreshold: 2, zClusterCount: 3, zClusterSum: 6)

  /// `v1` with the reference's 1000-bar window (TA-03), for `v1-ref`.
  public static let v1Reference: TAConstants = {
    var c = v1
    c.form = .window
    return c
  }()
}
