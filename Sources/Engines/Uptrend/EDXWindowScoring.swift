import Foundation

/// The four component scores of an `EDXWindowState`, the formulas of
/// `EDXWindow` (SC-31 … SC-34) applied to the carried last values.
extension EDXWindowState {
  /// The four component scores (as `EDXWindow.scores()`).
  func scores(_ columns: EDXColumns, constants k: EDXConstants) -> EDX.WindowScores {
    let slow = slowField(k)
    return EDX.WindowScores(
      slow: k.slowFieldAsDecay ? 1 - slow : slow, structure: structure(columns, k),
      participation: participation(k), compression: compression(k))
  }

  /// SC-31: mean of the EMA-slope, RSI-slope and ADX-slope scores.
  func slowField(_ k: EDXConstants) -> Double {
    if count < k.minBars { return k.neutralScore }
    let ns = TAPrimitives.normSlope(emaSlow.tail.values, window: k.slopeWindow)
    let ns2 = TAPrimitives.normSlope(emaSlower.tail.values, window: k.slopeWindow)
    let emaScore = TAPrimitives.sigmoid(k.emaSlopeScale * (ns + ns2) / 2)
    return (emaScore + rsiScore(k) + adxScore(k)) / 3
  }

  /// `σ(linSlope(R, 10) / 5)` over D-14's RSI series.
  func rsiScore(_ k: EDXConstants) -> Double {
    if count - k.rsiFirstIndex < k.minSeriesLength { return k.neutralScore }
    let slope = TAPrimitives.linSlope(rsiTail.values, window: k.slopeWindow)
    return TAPrimitives.sigmoid(slope / k.rsiSlopeDivisor)
  }

  /// `σ(linSlope(ADX, 10) / 2)`; the series is empty below `P + 2` bars.
  func adxScore(_ k: EDXConstants) -> Double {
    let length = count < k.period + 2 ? 0 : count
    if length < k.minSeriesLength { return k.neutralScore }
    let slope = TAPrimitives.linSlope(adx.tail.values, window: k.slopeWindow)
    return TAPrimitives.sigmoid(slope / k.adxSlopeDivisor)
  }

  /// SC-32 through the walk the `λ` guard picks (DET-21's exact mean).
  func structure(_ columns: EDXColumns, _ k: EDXConstants) -> Double {
    if count < k.minBars { return k.neutralScore }
    let illiquid = ratios.mean < k.zigzag.illiquidGuard
    return walks[illiquid ? 1 : 0].structure(view(columns), constants: k)
  }

  /// SC-33: `σ(−1000 · slope of the AVWAP / its last value)`.
  func participation(_ k: EDXConstants) -> Double {
    if count < k.minBars { return k.neutralScore }
    let v = avwap.tail.values
    let s =
      TAPrimitives.linSlope(v, window: k.slopeWindow)
      / Swift.max(v[v.count - 1], k.denominatorGuard)
    return TAPrimitives.sigmoid(-k.avwapScale * s)
  }

  /// SC-34: `σ(−100 · mean slope of the 144/250-over-333 separations)`.
  func compression(_ k: EDXConstants) -> Double {
    if count < k.compressionMinBars { return k.neutralScore }
    let sw = k.slopeWindow
    return EDXWindow.compression(
      fast: emaFast.tail.values.suffix(sw), slow: emaSlow.tail.values.suffix(sw),
      slower: emaSlower.tail.values.suffix(sw), k)
  }
}
