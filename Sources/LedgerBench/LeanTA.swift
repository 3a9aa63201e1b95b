import Engines

/// The indicators TA-Lib is compared on (EMA 20 … 333, ATR 14, ADX 14,
/// RSI 14), computed bar by bar with `StreamingTA`'s formulas and operation
/// order (the `TAPrimitives` it calls, D-14's ATR/ADX warm-up, the simple-average
/// RSI summed oldest first) and nothing else: no slopes, separations, ATR
/// mean/peak, volume z-score or snapshot. The benchmark checks that its
/// columns equal `StreamingTA`'s values bit for bit before timing it.
///
/// It writes one output column per indicator into freshly allocated,
/// uninitialised memory, as TA-Lib's vectorised calls return fresh arrays.
struct LeanTA {
  /// Ten output columns of `count` values each: EMA 20, 30, 50, 60, 144, 250,
  /// 333, then ATR, ADX and RSI.
  final class Columns {
    /// Values per column.
    let count: Int
    private let storage: UnsafeMutablePointer<Double>

    init(count: Int) {
      self.count = count
      storage = .allocate(capacity: max(1, count * 10))
    }

    deinit { storage.deallocate() }

    /// Column `k` (0 … 9).
    func column(_ k: Int) -> UnsafeMutablePointer<Double> { storage + k * count }

    /// Value `i` of column `k`.
    subscript(k: Int, i: Int) -> Double { storage[k * count + i] }
  }

  /// Runs the indicators over the columns (same length, oldest first).
  static func run(high: [Double], low: [Double], close: [Double], constants c: TAConstants)
    -> Columns
  {
    precondition(
      c.emaSpans.count == 7 && c.rsiPeriod == 14, "the lean TA is written for v1's shape")
    let out = Columns(count: close.count)
    high.withUnsafeBufferPointer { h in
      low.withUnsafeBufferPointer { l in
        close.withUnsafeBufferPointer { p in kernel(h, l, p, out, c) }
      }
    }
    return out
  }

  /// The loop, every piece of state a local.
  private static func kernel(
    _ h: UnsafeBufferPointer<Double>, _ l: UnsafeBufferPointer<Double>,
    _ p: UnsafeBufferPointer<Double>, _ out: Columns, _ c: TAConstants
  ) {
    let n = p.count
    let alpha = c.emaSpans.map { 2.0 / (Double($0) + 1.0) }
    let (a0, a1, a2, a3, a4, a5, a6) = (
      alpha[0], alpha[1], alpha[2], alpha[3], alpha[4], alpha[5], alpha[6]
    )
    let (o0, o1, o2, o3, o4, o5, o6) = (
      out.column(0), out.column(1), out.column(2), out.column(3), out.column(4), out.column(5),
      out.column(6)
    )
    let (oAtr, oAdx, oRsi) = (out.column(7), out.column(8), out.column(9))
    let atrP = c.atrPeriod
    let adxP = c.adxPeriod
    let rsiP = c.rsiPeriod
    let rsiFirst = c.rsiSeriesFirstIndex
    var (e0, e1, e2, e3, e4, e5, e6) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    var trSum = 0.0
    var atr = 0.0
    var seed = (tr: 0.0, plus: 0.0, minus: 0.0)
    var sm = (tr: 0.0, plus: 0.0, minus: 0.0)
    var adx = 0.0
    // The last 14 close changes, each stored twice (at k and k + 14) so the
    // window, oldest first from `head` (a RingBuffer's order), is contiguous.
    let ring = UnsafeMutablePointer<Double>.allocate(capacity: 2 * rsiP)
    defer { ring.deallocate() }
    var held = 0
    var head = 0
    for i in 0..<n {
      let x = p[i]
      if i == 0 {
        (e0, e1, e2, e3, e4, e5, e6) = (x, x, x, x, x, x, x)
      } else {
        e0 = a0 * x + (1.0 - a0) * e0
        e1 = a1 * x + (1.0 - a1) * e1
        e2 = a2 * x + (1.0 - a2) * e2
        e3 = a3 * x + (1.0 - a3) * e3
        e4 = a4 * x + (1.0 - a4) * e4
        e5 = a5 * x + (1.0 - a5) * e5
        e6 = a6 * x + (1.0 - a6) * e6
      }
      (o0[i], o1[i], o2[i], o3[i], o4[i], o5[i], o6[i]) = (e0, e1, e2, e3, e4, e5, e6)
      var adxOut = 0.0
      var rsiOut = 50.0
      if i > 0 {
        let tr = TAPrimitives.trueRange(high: h[i], low: l[i], previousClose: p[i - 1])
        if i <= atrP {
          trSum += tr
          atr = trSum / Double(i)
        } else {
          atr = TAPrimitives.wilder(atr, tr, period: atrP)
        }
        let dm = TAPrimitives.directionalMovement(
          high: h[i], low: l[i], previousHigh: h[i - 1], previousLow: l[i - 1])
        if i <= adxP {
          seed.tr += tr
          seed.plus += dm.plus
          seed.minus += dm.minus
          if i == adxP {
            let d = Double(adxP)
            sm = (seed.tr / d, seed.plus / d, seed.minus / d)
            adx = TAPrimitives.dx(tr: sm.tr, plusDM: sm.plus, minusDM: sm.minus)
          }
        } else {
          sm.tr = TAPrimitives.wilder(sm.tr, tr, period: adxP)
          sm.plus = TAPrimitives.wilder(sm.plus, dm.plus, period: adxP)
          sm.minus = TAPrimitives.wilder(sm.minus, dm.minus, period: adxP)
          let dx = TAPrimitives.dx(tr: sm.tr, plusDM: sm.plus, minusDM: sm.minus)
          adx = TAPrimitives.wilder(adx, dx, period: adxP)
          adxOut = adx
        }
        let change = x - p[i - 1]
        if held < rsiP {
          ring[held] = change
          ring[held + rsiP] = change
          held += 1
        } else {
          ring[head] = change
          ring[head + rsiP] = change
          head = head == rsiP - 1 ? 0 : head + 1
        }
        if i >= rsiFirst && held == rsiP {
          // max(0, d) and max(0, −d) without a data-dependent branch: one of
          // them is 0 and the other is exactly d or −d, so the sums are the same bits.
          var gains = 0.0
          var losses = 0.0
          let w = ring + head
          for k in 0..<rsiP {
            let d = w[k]
            let g = d > 0 ? d : 0.0
            gains += g
            losses += g - d
          }
          rsiOut = TAPrimitives.rsiValue(gainSum: gains, lossSum: losses, period: rsiP)
        }
      }
      oAtr[i] = atr
      oAdx[i] = adxOut
      oRsi[i] = rsiOut
    }
  }

  /// Bars (of the first `count`) where a column differs from `StreamingTA`'s
  /// snapshot (bitwise), per indicator name; empty when all agree.
  static func mismatches(_ bars: [Bar], count: Int, constants c: TAConstants) -> [String: Int] {
    let m = min(count, bars.count)
    let prefix = Array(bars.prefix(m))
    let lean = run(
      high: prefix.map(\.high), low: prefix.map(\.low), close: prefix.map(\.close), constants: c)
    var ta = StreamingTA(constants: c)
    var bad: [String: Int] = [:]
    let names = [
      "ema20", "ema30", "ema50", "ema60", "ema144", "ema250", "ema333", "atr", "adx", "rsi",
    ]
    for i in 0..<m {
      let s = ta.update(prefix[i])
      let full = [
        s.ema20, s.ema30, s.ema50, s.ema60, s.ema144, s.ema250, s.ema333, s.atr, s.adx, s.rsi,
      ]
      for k in 0..<10 where full[k].bitPattern != lean[k, i].bitPattern {
        bad[names[k], default: 0] += 1
      }
    }
    return bad
  }
}
