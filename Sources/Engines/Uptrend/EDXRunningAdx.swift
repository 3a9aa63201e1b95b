/// A window's ADX series (`TAPrimitives.adxSeries`, TA-16) carried bar by
/// bar: the SMA seed over changes `1…P`, then Wilder steps. Only the last
/// values are kept; the back-filled seed fills the first `P + 1` of them.
struct EDXRunningAdx: Codable, Equatable, Sendable {
  /// Smoothed true range (a sum until the seed).
  private var a = 0.0
  /// Smoothed +DM.
  private var plus = 0.0
  /// Smoothed −DM.
  private var minus = 0.0
  /// Latest ADX.
  private var adx = 0.0
  /// The last values of the series (complete once `P + 1` bars are in).
  private(set) var tail = EDXTail()

  /// Folds in change `j ≥ 1` of the window (bar `j` against bar `j − 1`);
  /// series values at indices `≥ cutoff` go into the tail.
  mutating func add(
    _ j: Int, high: Double, low: Double, previous: (high: Double, low: Double, close: Double),
    period p: Int, cutoff: Int, limit: Int
  ) {
    let tr = TAPrimitives.trueRange(high: high, low: low, previousClose: previous.close)
    let dm = TAPrimitives.directionalMovement(
      high: high, low: low, previousHigh: previous.high, previousLow: previous.low)
    if j <= p {
      a += tr
      plus += dm.plus
      minus += dm.minus
      if j == p { seed(period: p, cutoff: cutoff, limit: limit) }
    } else {
      a = TAPrimitives.wilder(a, tr, period: p)
      plus = TAPrimitives.wilder(plus, dm.plus, period: p)
      minus = TAPrimitives.wilder(minus, dm.minus, period: p)
      adx = TAPrimitives.wilder(
        adx, TAPrimitives.dx(tr: a, plusDM: plus, minusDM: minus), period: p)
      if j >= cutoff { tail.push(adx, limit: limit) }
    }
  }

  /// The seed `ADX_P` from the summed first `P` changes, back-filled over
  /// indices `0…P`.
  private mutating func seed(period p: Int, cutoff: Int, limit: Int) {
    a /= Double(p)
    plus /= Double(p)
    minus /= Double(p)
    adx = TAPrimitives.dx(tr: a, plusDM: plus, minusDM: minus)
    for index in 0...p where index >= cutoff { tail.push(adx, limit: limit) }
  }
}
