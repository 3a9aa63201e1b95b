/// When and in which order a pending regime period is finalised (regime-ae.md
/// §3.1, EVENTS §4.3): at its boundary `close + grace(tf)`; ties by timeframe
/// (1m, 1h, 1d), then candle composites before dominance bars and roll-ups.
public struct RegimeDueKey: Sendable, Hashable, Codable, Comparable {
  /// What the period's inputs are.
  public enum Kind: Int, Sendable, Codable {
    /// Candles of BTC, the ALT components and tokens (BTC, ALT, buckets).
    case candles
    /// Dominance readings of one minute (BTC.d, USDT.d 1m).
    case dominance
    /// Emitted dominance 1m bars (BTC.d, USDT.d 1h / 1d).
    case rollup
  }

  /// close + grace(tf), ms.
  public var boundary: Int64
  /// The period's timeframe.
  public var timeframe: RegimeTimeframe
  /// The inputs' kind.
  public var kind: Kind
  /// The period start, ms.
  public var periodStart: Int64

  /// The key of period `periodStart` of `timeframe` with `grace` ms.
  public init(periodStart: Int64, timeframe: RegimeTimeframe, kind: Kind, graceMs: Int64) {
    self.periodStart = periodStart
    self.timeframe = timeframe
    self.kind = kind
    boundary = periodStart + timeframe.lengthMs + graceMs
  }

  /// Boundary, then 1m < 1h < 1d, then kind.
  public static func < (a: Self, b: Self) -> Bool {
    if a.boundary != b.boundary { return a.boundary < b.boundary }
    if a.timeframe.lengthMs != b.timeframe.lengthMs {
      return a.timeframe.lengthMs < b.timeframe.lengthMs
    }
    if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
    return a.periodStart < b.periodStart
  }
}
