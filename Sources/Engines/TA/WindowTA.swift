/// The reference's TA (TA-03, the `v1-ref` parity form): every indicator
/// recomputed from scratch over the last `window` bars at every bar, so EMAs
/// are re-seeded at the window's first close. O(window) per bar.
public struct WindowTA: Sendable, Equatable, Codable {
  /// The constants it runs under.
  public let constants: TAConstants
  /// Bars folded in so far.
  public private(set) var count = 0
  private var bars: [Bar] = []

  /// A fresh state at the series' first bar.
  public init(constants: TAConstants = .v1Reference) { self.constants = constants }

  /// Folds in the next bar and returns the TA of the window ending at it.
  public mutating func update(_ bar: Bar) -> TASnapshot {
    bars.append(bar)
    if bars.count > constants.window { bars.removeFirst(bars.count - constants.window) }
    let s = Self.snapshot(of: bars, barIndex: count, constants: constants)
    count += 1
    return s
  }

  /// TA-30 over one window of bars, oldest first.
  public static func snapshot(of window: [Bar], barIndex: Int, constants c: TAConstants)
    -> TASnapshot
  {
    var s = TASnapshot(barIndex: barIndex)
    let closes = window.map(\.close)
    fillEmas(closes, into: &s, constants: c)
    fillVolatility(window, closes, into: &s, constants: c)
    fillMomentum(closes, into: &s, constants: c)
    s.voZ = TAPrimitives.voZ(window.map(\.usdVolume), span: c.volumeEwmaSpan)
    s.atrNorm = s.atr / max(s.ema50, c.denominatorGuard)
    return s
  }

  private static func fillEmas(
    _ closes: [Double], into s: inout TASnapshot, constants c: TAConstants
  ) {
    let e = c.emaSpans.map { TAPrimitives.ema(closes, span: $0) }
    s.ema20 = e[0].last!
    s.ema30 = e[1].last!
    s.ema50 = e[2].last!
    s.ema60 = e[3].last!
    s.ema144 = e[4].last!
    s.ema250 = e[5].last!
    s.ema333 = e[6].last!
    let w = c.slopeWindow
    s.slope20 = TAPrimitives.normSlope(e[0], window: w)
    s.slope60 = TAPrimitives.normSlope(e[3], window: w)
    s.slope144 = TAPrimitives.normSlope(e[4], window: w)
    s.slope250 = TAPrimitives.normSlope(e[5], window: w)
    s.slope333 = TAPrimitives.normSlope(e[6], window: w)
    let lag = c.slopeDeltaLag
    s.dSlope60 = TAPrimitives.slopeDelta(e[3], window: w, lag: lag)
    s.dSlope144 = TAPrimitives.slopeDelta(e[4], window: w, lag: lag)
    s.dSlope250 = TAPrimitives.slopeDelta(e[5], window: w, lag: lag)
    s.dSlope333 = TAPrimitives.slopeDelta(e[6], window: w, lag: lag)
    let n = closes.count
    let sep = c.separationLag
    if n > sep {
      let g = c.denominatorGuard
      func fast(_ i: Int) -> Double { (e[0][i] - e[3][i]) / max(e[3][i], g) }
      func mid(_ i: Int) -> Double { (e[3][i] - e[4][i]) / max(e[4][i], g) }
      s.dsepFast5 = fast(n - 1) - fast(n - 1 - sep)
      s.dsepMid5 = mid(n - 1) - mid(n - 1 - sep)
    }
  }

  private static func fillVolatility(
    _ window: [Bar], _ closes: [Double], into s: inout TASnapshot, constants c: TAConstants
  ) {
    let highs = window.map(\.high)
    let lows = window.map(\.low)
    let atr = TAPrimitives.atrSeries(high: highs, low: lows, close: closes, period: c.atrPeriod)
    if let last = atr.last {
      s.atr = last
      s.atrMean20 =
        atr.count >= c.atrMeanWindow
        ? TAPrimitives.exactMean(atr[(atr.count - c.atrMeanWindow)...]) : last
      s.atrPeak10 = atr[(atr.count - min(c.atrPeakWindow, atr.count))...].max()!
    }
    let adx = TAPrimitives.adxSeries(high: highs, low: lows, close: closes, period: c.adxPeriod)
    if let last = adx.last {
      s.adx = last
      s.adxSlope10 = TAPrimitives.linSlope(adx, window: c.adxSlopeWindow)
    }
  }

  /// RSI series `RSI_k` for the last `rsiSlopeWindow` bars k ≥ 15 (all the
  /// slope regresses; TA-30's 60-value series adds nothing it reads).
  private static func fillMomentum(
    _ closes: [Double], into s: inout TASnapshot, constants c: TAConstants
  ) {
    let n = closes.count
    let first = max(c.rsiSeriesFirstIndex, n - c.rsiSlopeWindow)
    guard first <= n - 1 else { return }
    let series = (first...(n - 1)).map {
      TAPrimitives.rsi(closes, end: $0 + 1, period: c.rsiPeriod)
    }
    s.rsi = series.last!
    s.rsiSlope10 = TAPrimitives.linSlope(series, window: c.rsiSlopeWindow)
  }
}
