import Engines
import Testing

/// Driver series from candles, caps and readings (regime-ae.md §3, D-12,
/// D-18): T25, T26, the chain-linked index, finalisation and late inputs.
@Suite struct RegimeCompositorTests {
  static let hour: Int64 = 3_600_000
  static let day: Int64 = 86_400_000

  /// v1's regime constants with other composite settings.
  static func constants(
    alt: [String] = ["SOL", "ETH", "BNB", "HYPE"], min: Int = 3,
    method: RegimeConstants.CompositeMethod = .chainLinkedIndex
  ) -> RegimeConstants {
    var c = RegimeConstants.v1
    c.drivers.altComponents = alt
    c.drivers.altMinComponents = min
    c.drivers.composite = method
    return c
  }

  /// A flat bar (open = close) with a high and low.
  static func bar(_ t: Int64, h: Double, l: Double, c: Double, v: Double = 1) -> Bar {
    Bar(openTime: t, open: c, high: h, low: l, close: c, volume: v)
  }

  /// Feeds `(stream, bar)` candles of one period and finalises it.
  static func period(
    _ comp: inout RegimeCompositor, _ candles: [(String, Bar)], tf: Int64 = hour,
    offset: inout UInt64
  ) -> [RegimeDriverBar] {
    for (stream, bar) in candles {
      _ = drain(&comp, upTo: bar.openTime + tf)
      comp.candle(stream: stream, bar: bar, offset: offset)
      offset += 1
    }
    return drain(&comp, upTo: (candles.first?.1.openTime ?? 0) + 2 * tf)
  }

  /// Every bar due at `watermark`, acknowledged with made-up offsets
  /// (unique per close time and driver, all ≥ 1,000,000).
  static func drain(_ comp: inout RegimeCompositor, upTo watermark: Int64) -> [RegimeDriverBar] {
    var out: [RegimeDriverBar] = []
    while let b = comp.nextDue(upTo: watermark) {
      comp.emitted(b, offset: 1_000_000 + UInt64(b.closeTime / 1000) * 10 + UInt64(b.driver.order))
      out.append(b)
    }
    return out
  }

  static let t26: [(String, Bar)] = [
    ("SOL@binance/1h", bar(0, h: 152, l: 148, c: 150)),
    ("ETH@binance/1h", bar(0, h: 3020, l: 2980, c: 3000)),
    ("BNB@binance/1h", bar(0, h: 605, l: 595, c: 600)),
    ("HYPE@hyperliquid/1h", bar(0, h: 30.5, l: 29.5, c: 30)),
  ]

  @Test func t25TwoOfFourComponentsGiveNoAltBar() {
    for method in [RegimeConstants.CompositeMethod.rawMean, .chainLinkedIndex] {
      var comp = RegimeCompositor(constants: Self.constants(method: method))
      var offset: UInt64 = 0
      let bars = Self.period(&comp, Array(Self.t26.prefix(2)), offset: &offset)
      #expect(bars.filter { $0.driver == .alt }.isEmpty)
    }
  }

  @Test func t26RawMeanOfFourComponents() throws {
    var comp = RegimeCompositor(constants: Self.constants(method: .rawMean))
    var offset: UInt64 = 0
    let alt = try #require(
      Self.period(&comp, Self.t26, offset: &offset).first { $0.driver == .alt })
    #expect(alt.bar.close == 945 && alt.bar.open == 945)
    #expect(alt.bar.high == 951.875 && alt.bar.low == 938.125)
    #expect(alt.componentCount == 4)
    #expect(alt.contributors == Self.t26.map(\.0))
    #expect(alt.causes == [0, 1, 2, 3])
    #expect(alt.source == .composite && alt.stream == "regime/ALT/1h" && alt.closeTime == Self.hour)
  }

  @Test func chainLinkedIndexStartsAtBaseAndIgnoresJoins() throws {
    var comp = RegimeCompositor(constants: Self.constants(method: .chainLinkedIndex))
    var offset: UInt64 = 0
    let three = Array(Self.t26.prefix(3))
    let first = try #require(Self.period(&comp, three, offset: &offset).first { $0.driver == .alt })
    #expect(first.bar.close == 100 && !first.chainBroken)
    #expect(first.bar.high >= 100 && first.bar.low <= 100)
    // Next hour: every component +10 %, and HYPE joins at 30 (raw mean would fall 24 %).
    let next = Self.t26.map { s, b in
      (s, Self.bar(Self.hour, h: b.high * 1.1, l: b.low * 1.1, c: b.close * 1.1))
    }
    let second = try #require(Self.period(&comp, next, offset: &offset).first { $0.driver == .alt })
    #expect(abs(second.bar.close - 110) < 1e-9)
    #expect(second.componentCount == 4 && !second.chainBroken)
  }

  @Test func noCommonComponentCarriesTheLevelAndBreaksTheChain() throws {
    var comp = RegimeCompositor(constants: Self.constants(alt: ["SOL", "ETH"], min: 1))
    var offset: UInt64 = 0
    _ = Self.period(&comp, [("SOL@binance/1h", Self.bar(0, h: 2, l: 1, c: 1.5))], offset: &offset)
    let bars = Self.period(
      &comp, [("ETH@binance/1h", Self.bar(Self.hour, h: 3100, l: 2900, c: 3000))], offset: &offset)
    let alt = try #require(bars.first { $0.driver == .alt })
    #expect(alt.chainBroken && alt.bar.close == 100)
    #expect(alt.bar.high > 100 && alt.bar.low < 100)
  }

  @Test func btcComesFromTheFirstPreferredVenue() throws {
    var comp = RegimeCompositor(constants: .v1)
    var offset: UInt64 = 0
    let bars = Self.period(
      &comp,
      [
        ("BTC@coinbase/1h", Self.bar(0, h: 11, l: 9, c: 10)),
        ("BTC@binance/1h", Self.bar(0, h: 21, l: 19, c: 20)),
        ("BTC@kraken/1h", Self.bar(0, h: 31, l: 29, c: 30)),
      ], offset: &offset)
    let btc = try #require(bars.first { $0.driver == .btc })
    #expect(btc.bar.close == 20 && btc.source == .exchange && btc.componentCount == nil)
    #expect(btc.contributors == ["BTC@binance/1h"] && btc.causes == [1])
  }

  @Test func periodsFinaliseAtCloseGraceAndLateInputsAreCounted() {
    var comp = RegimeCompositor(constants: .v1)
    comp.candle(stream: "BTC/1h", bar: Self.bar(0, h: 2, l: 1, c: 1.5), offset: 0)
    let grace: Int64 = 300_000
    #expect(comp.nextDue(upTo: Self.hour + grace - 1) == nil)
    #expect(comp.nextDue(upTo: Self.hour + grace)?.driver == .btc)
    comp.candle(stream: "BTC/1h", bar: Self.bar(0, h: 2, l: 1, c: 1.5), offset: 1)
    #expect(comp.lateInputs == 1 && comp.pending.isEmpty)
    comp.candle(stream: "DOGE/1h", bar: Self.bar(Self.hour, h: 2, l: 1, c: 1.5), offset: 2)
    comp.candle(stream: "BTC/4h", bar: Self.bar(Self.hour, h: 2, l: 1, c: 1.5), offset: 3)
    #expect(comp.pending.isEmpty)
  }

  @Test func dominanceMinutesRollUpIntoHoursCitingTheMinuteBars() throws {
    var comp = RegimeCompositor(constants: .v1)
    var bars: [RegimeDriverBar] = []
    for m in 0..<60 {
      let t = Int64(m) * 60_000 + 1_000
      bars += Self.drain(&comp, upTo: t)
      let r = DominanceSeries.Reading(
        time: t, btcPct: 50 + Double(m % 7), usdtPct: m == 5 ? 0 : 4,
        tetherMarketCapUsd: 1, totalMarketCapUsd: 10)
      comp.dominance(r, offset: UInt64(m))
    }
    bars += Self.drain(&comp, upTo: Self.hour + 300_000)
    let minutes = bars.filter { $0.timeframe == .oneMinute && $0.driver == .btcd }
    #expect(minutes.count == 60 && minutes.allSatisfy { $0.source == .dominance })
    let usdt = bars.filter { $0.timeframe == .oneMinute && $0.driver == .usdtd }
    #expect(usdt.count == 60 && usdt[5].bar.close == 10)  // fallback 100 × 1 / 10
    let hour = try #require(bars.first { $0.timeframe == .oneHour && $0.driver == .btcd })
    #expect(hour.source == .rollup && hour.bar.openTime == 0)
    #expect(hour.bar.open == 50 && hour.bar.high == 56 && hour.bar.low == 50)
    #expect(hour.bar.close == 50 + Double(59 % 7))
    #expect(hour.causes.count == 60 && hour.causes.allSatisfy { $0 >= 1_000_000 })
  }
}
