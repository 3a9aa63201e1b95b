/// The dominance drivers' bars (regime-ae.md §3.5): raw readings become 1m
/// bars per driver, and 1m bars roll up to 1h and 1d. Pure functions of the
/// readings; no bar is ever invented for a period without readings.
public enum DominanceSeries {
  /// One raw reading (EVENTS §8.1 `DominanceReading`) at its observation time.
  public struct Reading: Sendable, Equatable {
    /// Observation time, ms UTC.
    public var time: Int64
    /// BTC share of total market cap, percent (> 0, else not recorded).
    public var btcPct: Double
    /// USDT share, percent, when the source gave it.
    public var usdtPct: Double?
    /// Tether market cap, USD, for the USDT.d fallback.
    public var tetherMarketCapUsd: Double?
    /// Total market cap, USD, for the USDT.d fallback.
    public var totalMarketCapUsd: Double?

    /// A reading from its fields.
    public init(
      time: Int64, btcPct: Double, usdtPct: Double? = nil, tetherMarketCapUsd: Double? = nil,
      totalMarketCapUsd: Double? = nil
    ) {
      self.time = time
      self.btcPct = btcPct
      self.usdtPct = usdtPct
      self.tetherMarketCapUsd = tetherMarketCapUsd
      self.totalMarketCapUsd = totalMarketCapUsd
    }

    /// The USDT.d sample: the percentage when positive, else
    /// `100 × tether / total`; nil (dropped, normative §3.5) when still ≤ 0.
    public var usdtDominance: Double? {
      if let p = usdtPct, p > 0 { return p }
      guard let tether = tetherMarketCapUsd, let total = totalMarketCapUsd, total > 0 else {
        return nil
      }
      let v = 100 * tether / total
      return v > 0 && v.isFinite ? v : nil
    }
  }

  /// One minute's samples as a bar: first, max, min, last; volume 0.
  static func bar(_ values: [Double], openTime: Int64) -> Bar {
    Bar(
      openTime: openTime, open: values[0], high: values.max()!, low: values.min()!,
      close: values[values.count - 1], volume: 0)
  }

  /// 1m bars of one driver from time-ordered `(time, value)` samples: the bar
  /// of minute M covers `[M, M + 1 min)`; minutes without samples have none.
  public static func minuteBars(_ samples: [(time: Int64, value: Double)]) -> [Bar] {
    groupedBars(samples.map { ($0.time, $0.value, $0.value, $0.value, $0.value) }, period: 60_000)
  }

  /// BTC.d and USDT.d 1m bars from readings in observation order (a reading
  /// without a positive BTC share is not recorded, §3.5).
  public static func minuteBars(_ readings: [Reading]) -> (btc: [Bar], usdt: [Bar]) {
    let valid = readings.filter { $0.btcPct > 0 && $0.btcPct.isFinite }
    let btc = minuteBars(valid.map { ($0.time, $0.btcPct) })
    let usdt = minuteBars(valid.compactMap { r in r.usdtDominance.map { (r.time, $0) } })
    return (btc, usdt)
  }

  /// Rolls 1m bars up to periods of `periodMs` (1h, 1d): open of the first,
  /// max high, min low, close of the last, volume summed; labelled with the
  /// period start; periods without 1m bars have none.
  public static func rollUp(_ minuteBars: [Bar], periodMs: Int64) -> [Bar] {
    let rows = minuteBars.map { ($0.openTime, $0.open, $0.high, $0.low, $0.close) }
    var bars = groupedBars(rows, period: periodMs)
    var k = 0
    for i in bars.indices {
      var volume = 0.0
      while k < minuteBars.count
        && floorPeriod(minuteBars[k].openTime, periodMs) == bars[i].openTime
      {
        volume += minuteBars[k].volume
        k += 1
      }
      bars[i].volume = volume
    }
    return bars
  }

  /// Groups time-ordered rows by period start and folds each group into a bar.
  private static func groupedBars(
    _ rows: [(time: Int64, open: Double, high: Double, low: Double, close: Double)], period: Int64
  ) -> [Bar] {
    var out: [Bar] = []
    for r in rows {
      let start = floorPeriod(r.time, period)
      if var last = out.last, last.openTime == start {
        last.high = max(last.high, r.high)
        last.low = min(last.low, r.low)
        last.close = r.close
        out[out.count - 1] = last
      } else {
        out.append(Bar(openTime: start, open: r.open, high: r.high, low: r.low, close: r.close))
      }
    }
    return out
  }

  /// The start of the period holding `time` (floored, also before 1970).
  static func floorPeriod(_ time: Int64, _ period: Int64) -> Int64 {
    let r = time % period
    return r < 0 ? time - r - period : time - r
  }
}
