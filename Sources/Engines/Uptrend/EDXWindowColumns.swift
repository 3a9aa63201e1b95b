/// One window's view of `EDXColumns` (slices, no copies), indexed from the
/// window's first bar as `EDXWindow` indexes its arrays.
struct EDXWindowColumns {
  /// Closes.
  let closes: ArraySlice<Double>
  /// Highs.
  let highs: ArraySlice<Double>
  /// Lows.
  let lows: ArraySlice<Double>
  /// USD volumes.
  let volumes: ArraySlice<Double>
  /// `ATR_B` over the window.
  let atr: ArraySlice<Double>

  /// Close of window bar `i`.
  func close(_ i: Int) -> Double { closes[closes.startIndex + i] }
  /// High of window bar `i`.
  func high(_ i: Int) -> Double { highs[highs.startIndex + i] }
  /// Low of window bar `i`.
  func low(_ i: Int) -> Double { lows[lows.startIndex + i] }
  /// Volume of window bar `i`.
  func volume(_ i: Int) -> Double { volumes[volumes.startIndex + i] }
  /// ATR of window bar `i`.
  func atrAt(_ i: Int) -> Double { atr[atr.startIndex + i] }

  /// Cutler RSI (TA-17) of the window's closes up to and including bar `j`,
  /// as `TAPrimitives.rsi(closes, end: j + 1, period: p)`.
  func rsi(through j: Int, period p: Int) -> Double {
    if j + 1 <= p { return 50 }
    let lo = closes.startIndex + j - p
    return TAPrimitives.rsi(Array(closes[lo...(lo + p)]), period: p)
  }
}
