/// The columns of `B` (the episode's bars from the S3 start) and `ATR_B`
/// (SC-30), grown one bar at a time. `B`'s start is fixed for the episode,
/// so once `B` has `P + 1` bars its ATR seed is final and every later ATR is
/// one Wilder step (`TAPrimitives.atrSeries`).
struct EDXColumns: Codable, Equatable, Sendable {
  /// Closes.
  private(set) var closes: [Double]
  /// Highs.
  private(set) var highs: [Double]
  /// Lows.
  private(set) var lows: [Double]
  /// USD volumes (D-14).
  private(set) var volumes: [Double]
  /// `ATR_B`, one value per bar.
  private(set) var atr: [Double]

  /// The columns of `bars` (at least `P + 1` of them), ATR by the batch series.
  init(bars: ArraySlice<Bar>, constants k: EDXConstants) {
    precondition(bars.count > k.period, "ATR_B seed not final")
    closes = bars.map(\.close)
    highs = bars.map(\.high)
    lows = bars.map(\.low)
    volumes = bars.map(\.usdVolume)
    atr = TAPrimitives.atrSeries(high: highs, low: lows, close: closes, period: k.period)
  }

  /// Number of bars, `T + 1`.
  var count: Int { closes.count }

  /// Appends the next bar; its ATR is the Wilder step from the last one.
  mutating func append(_ bar: Bar, constants k: EDXConstants) {
    let tr = TAPrimitives.trueRange(high: bar.high, low: bar.low, previousClose: closes[count - 1])
    atr.append(TAPrimitives.wilder(atr[count - 1], tr, period: k.period))
    closes.append(bar.close)
    highs.append(bar.high)
    lows.append(bar.low)
    volumes.append(bar.usdVolume)
  }

  /// The window of `length` bars starting at index `start`.
  func window(start: Int, length: Int) -> EDXWindowColumns {
    let r = start..<(start + length)
    return EDXWindowColumns(
      closes: closes[r], highs: highs[r], lows: lows[r], volumes: volumes[r], atr: atr[r])
  }
}
