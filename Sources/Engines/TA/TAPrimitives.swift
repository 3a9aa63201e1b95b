import Foundation

/// The array primitives of engines-ta-uptrend.md §3.1, pure functions of
/// arrays oldest first. The window form of TA (`v1-ref`, TA-03), the S/R
/// provider and EDX compute with them; streaming TA (`v1`, D-7) keeps their
/// operation order bar by bar so both agree where they should.
public enum TAPrimitives {
  /// EMA with the first value as seed (TA-10): `e_i = α·x_i + (1 − α)·e_{i−1}`.
  public static func ema(_ x: [Double], span: Int) -> [Double] {
    guard let first = x.first else { return [] }
    let alpha = 2.0 / (Double(span) + 1.0)
    var out = [Double]()
    out.reserveCapacity(x.count)
    var e = first
    out.append(e)
    for i in 1..<x.count {
      e = alpha * x[i] + (1.0 - alpha) * e
      out.append(e)
    }
    return out
  }

  /// OLS slope of the last `min(win, n)` values against 0…m−1 (TA-11);
  /// 0 with fewer than 3 values. Sums left to right.
  public static func linSlope<C: RandomAccessCollection>(_ y: C, window win: Int) -> Double
  where C.Element == Double, C.Index == Int {
    let m = Swift.min(win, y.count)
    if m < 3 { return 0 }
    let start = y.endIndex - m
    // Σk, x̄ and Σ(k − x̄)² of the abscissae 0…m−1 are small integers and
    // halves, exact in binary64: the closed forms equal the left-to-right sums.
    let mx = Double(m * (m - 1) / 2) / Double(m)
    var sy = 0.0
    for k in 0..<m { sy += y[start + k] }
    let my = sy / Double(m)
    var num = 0.0
    for k in 0..<m { num += (Double(k) - mx) * (y[start + k] - my) }
    let den = Double((m - 1) * m * (m + 1)) / 12.0
    return num / den
  }

  /// Wilder smoothing step (TA-12): `((P − 1)·prev + new) / P`.
  @inline(__always)
  public static func wilder(_ prev: Double, _ new: Double, period p: Int) -> Double {
    ((Double(p) - 1.0) * prev + new) / Double(p)
  }

  /// Normalised EMA slope (TA-13): OLS slope of the last `win` values over the
  /// latest value; 0 with too few values or a non-positive latest value.
  public static func normSlope<C: RandomAccessCollection>(_ e: C, window win: Int = 10) -> Double
  where C.Element == Double, C.Index == Int {
    let n = e.count
    if n < win || n < 3 { return 0 }
    let last = e[e.endIndex - 1]
    if last <= 0 { return 0 }
    return linSlope(e, window: win) / Swift.max(last, 1e-9)
  }

  /// Slope delta (TA-14): normalised slope now minus the one `lag` values back.
  public static func slopeDelta(_ e: [Double], window win: Int = 10, lag: Int = 10) -> Double {
    let n = e.count
    if n < win + lag { return 0 }
    let last = e[n - 1]
    if last <= 0 { return 0 }
    let recent = linSlope(e, window: win) / Swift.max(last, 1e-9)
    let earlier = e[0..<(n - lag)]
    let lastEarlier = earlier[earlier.endIndex - 1]
    let past = linSlope(earlier, window: win) / Swift.max(lastEarlier, 1e-9)
    return recent - past
  }

  /// True range of bar `i` against the previous close (TA-15).
  @inline(__always)
  public static func trueRange(high: Double, low: Double, previousClose: Double) -> Double {
    Swift.max(high - low, Swift.max(abs(high - previousClose), abs(previousClose - low)))
  }

  /// ATR series with the reference's back-filled SMA seed (TA-15): empty for
  /// fewer than 2 bars, otherwise one value per bar.
  public static func atrSeries(high: [Double], low: [Double], close: [Double], period p: Int = 14)
    -> [Double]
  {
    let n = close.count
    if n < 2 { return [] }
    var tr = [Double](repeating: 0, count: n)
    for i in 1..<n { tr[i] = trueRange(high: high[i], low: low[i], previousClose: close[i - 1]) }
    let q = Swift.min(p, n - 1)
    var seed = 0.0
    for i in 1...q { seed += tr[i] }
    seed /= Double(Swift.max(1, q))
    var out = [Double](repeating: seed, count: n)
    if n - 1 > p {
      var a = seed
      for i in (p + 1)..<n {
        a = wilder(a, tr[i], period: p)
        out[i] = a
      }
    }
    return out
  }

  /// The directional index of smoothed TR, +DM and −DM (TA-16).
  @inline(__always)
  public static func dx(tr a: Double, plusDM p: Double, minusDM m: Double) -> Double {
    let plusDI = 100.0 * p / Swift.max(a, 1e-9)
    let minusDI = 100.0 * m / Swift.max(a, 1e-9)
    return 100.0 * abs(plusDI - minusDI) / Swift.max(plusDI + minusDI, 1e-9)
  }

  /// The +DM and −DM of a bar against the previous one (TA-16).
  @inline(__always)
  public static func directionalMovement(
    high: Double, low: Double, previousHigh: Double, previousLow: Double
  ) -> (plus: Double, minus: Double) {
    let up = high - previousHigh
    let down = previousLow - low
    return (up > down && up > 0 ? up : 0, down > up && down > 0 ? down : 0)
  }

  /// ADX series seeded with the first DX (TA-16): empty below `P + 2` bars;
  /// bars before `P` back-filled with `ADX_P`.
  public static func adxSeries(high: [Double], low: [Double], close: [Double], period p: Int = 14)
    -> [Double]
  {
    let n = close.count
    if n < p + 2 { return [] }
    var a = 0.0
    var plus = 0.0
    var minus = 0.0
    var trs = [Double](repeating: 0, count: n)
    var pdm = [Double](repeating: 0, count: n)
    var mdm = [Double](repeating: 0, count: n)
    for i in 1..<n {
      trs[i] = trueRange(high: high[i], low: low[i], previousClose: close[i - 1])
      let dm = directionalMovement(
        high: high[i], low: low[i], previousHigh: high[i - 1], previousLow: low[i - 1])
      pdm[i] = dm.plus
      mdm[i] = dm.minus
    }
    for i in 1...p {
      a += trs[i]
      plus += pdm[i]
      minus += mdm[i]
    }
    a /= Double(p)
    plus /= Double(p)
    minus /= Double(p)
    var adx = dx(tr: a, plusDM: plus, minusDM: minus)
    var out = [Double](repeating: adx, count: n)
    for i in (p + 1)..<n {
      a = wilder(a, trs[i], period: p)
      plus = wilder(plus, pdm[i], period: p)
      minus = wilder(minus, mdm[i], period: p)
      adx = wilder(adx, dx(tr: a, plusDM: plus, minusDM: minus), period: p)
      out[i] = adx
    }
    return out
  }

  /// Simple-average (Cutler) RSI of the last `P` changes of `x[..<end]`
  /// (TA-17); 50 with `end ≤ P`.
  public static func rsi(_ x: [Double], end: Int? = nil, period p: Int = 14) -> Double {
    let n = end ?? x.count
    if n <= p { return 50 }
    var gains = 0.0
    var losses = 0.0
    for k in (n - p)..<n {
      let d = x[k] - x[k - 1]
      gains += Swift.max(0, d)
      losses += Swift.max(0, -d)
    }
    return rsiValue(gainSum: gains, lossSum: losses, period: p)
  }

  /// RSI from the summed gains and losses of `P` changes (TA-17; D-14: 50 when both are 0).
  @inline(__always)
  public static func rsiValue(gainSum: Double, lossSum: Double, period p: Int) -> Double {
    let g = gainSum / Double(p)
    var l = lossSum / Double(p)
    if g == 0 && l == 0 { return 50 }
    if l == 0 { l = 1e-9 }
    return 100.0 - 100.0 / (1.0 + g / l)
  }

  /// Winsorising bounds of a sorted sample of `n ≥ 10` values (TA-18, DET-24).
  @inline(__always)
  public static func winsorIndices(count n: Int) -> (lo: Int, hi: Int) {
    (Swift.max(0, Int(0.02 * Double(n)) - 1), Swift.min(n - 1, Int(0.98 * Double(n))))
  }

  /// Log-volume EWMA z-score over a window of volumes (TA-18), winsorised
  /// over the whole window when it has at least 10 values.
  public static func voZ(_ volumes: [Double], span: Int = 64) -> Double {
    let n = volumes.count
    if n == 0 { return 0 }
    var u = volumes.map { logVolume($0) }
    if n >= 10 {
      let s = u.sorted()
      let (li, hi) = winsorIndices(count: n)
      let lo = s[li]
      let high = s[hi]
      for i in 0..<n { u[i] = Swift.min(Swift.max(u[i], lo), high) }
    }
    var ewma = VolumeEWMA(first: u[0], span: span)
    for i in 1..<n { ewma.add(u[i]) }
    return ewma.z(of: u[n - 1])
  }

  /// `ln(1 + max(0, v))` (TA-18 step 1).
  @inline(__always)
  public static func logVolume(_ v: Double) -> Double { log(1.0 + Swift.max(0, v)) }

  /// Anchored VWAP from the first element (TA-19).
  public static func avwap(prices: [Double], volumes: [Double]) -> [Double] {
    var out = [Double]()
    out.reserveCapacity(prices.count)
    var pv = 0.0
    var vs = 0.0
    for i in 0..<prices.count {
      let v = Swift.max(0, volumes[i])
      if v > 0 {
        pv += prices[i] * v
        vs += v
        out.append(pv / vs)
      } else {
        out.append(out.last ?? prices[i])
      }
    }
    return out
  }

  /// Mean with a correctly rounded sum (TA-20).
  public static func exactMean<C: Collection>(_ x: C) -> Double where C.Element == Double {
    if x.isEmpty { return 0 }
    return ExactSum.sum(x) / Double(x.count)
  }

  /// `σ(x) = 1 / (1 + exp(−x))`; exactly 0 when `exp` overflows (DET-25).
  @inline(__always)
  public static func sigmoid(_ x: Double) -> Double { 1.0 / (1.0 + exp(-x)) }

  /// `min(max(x, 0), 1)`.
  @inline(__always)
  public static func clamp01(_ x: Double) -> Double { Swift.min(Swift.max(x, 0), 1) }
}

/// The EWMA mean and variance of TA-18 step 3, shared by the window and the
/// streaming volume z-score.
public struct VolumeEWMA: Sendable, Equatable, Codable {
  /// Smoothing factor `2 / (N + 1)`.
  public let alpha: Double
  /// Running mean.
  public private(set) var mean: Double
  /// Running variance.
  public private(set) var variance: Double

  /// Starts at `μ = u_0`, `var = 0`.
  public init(first u: Double, span: Int) {
    alpha = 2.0 / (Double(span) + 1.0)
    mean = u
    variance = 0
  }

  /// Folds in one value: `μ' = μ; μ = α·u + (1 − α)·μ; var = (1 − α)(var + α(u − μ')(u − μ))`.
  public mutating func add(_ u: Double) {
    let previous = mean
    mean = alpha * u + (1.0 - alpha) * mean
    variance = (1.0 - alpha) * (variance + alpha * (u - previous) * (u - mean))
  }

  /// `clamp((u − μ) / sqrt(max(var, 1e-12)), −4, 6)`.
  public func z(of u: Double) -> Double {
    let sd = (Swift.max(variance, 1e-12)).squareRoot()
    return Swift.min(Swift.max((u - mean) / sd, -4), 6)
  }
}
