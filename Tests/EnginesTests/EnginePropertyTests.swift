import Engines
import Foundation
import Testing

/// Properties of the whole series engine: no look-ahead, flags only where
/// §6.8 allows them, scores in range, resumable mid-series, and total on
/// degenerate series (no crash, nothing non-finite).
@Suite struct EnginePropertyTests {
  static let hour: Int64 = 3_600_000
  static let v1 = try! FormulaSet.builtIn("v1")

  static func run(_ bars: [Bar], formula: FormulaSet = v1, ms: Int64 = hour) -> [SeriesStep] {
    var e = SeriesEngine(formula: formula, barMilliseconds: ms, isDriver: false)
    return bars.map { e.step($0) }
  }

  /// Encoding with the default strategy throws on NaN or infinity anywhere.
  static func allFinite(_ steps: [SeriesStep]) -> Bool {
    let encoder = JSONEncoder()
    return steps.allSatisfy { s in
      s.ta.isFinite && (s.uptrend.map { (try? encoder.encode($0)) != nil } ?? true)
    }
  }

  @Test func outputsNeverDependOnLaterBars() {
    let bars = Array(RealBars.hourly.prefix(4000))
    let full = Self.run(bars)
    let prefix = Self.run(Array(bars.prefix(2500)))
    #expect(Array(full.prefix(2500)) == prefix)
  }

  @Test func flagsOnlyWhereThePopulationMatrixAllows() {
    for o in CanonicalHourly.steps.compactMap(\.uptrend) {
      let f = o.flags
      let t = o.transition.map { "\($0.from)→\($0.to)" } ?? "stay"
      let s3 = o.state == .s3
      #expect(!f.buySignal || o.state == .s1, "buy_signal on \(o.state) \(t)")
      #expect(!f.buyFlag || (o.state == .s2 && o.prevState == .s2) || s3, "buy_flag \(t)")
      #expect(!f.trimFlag || (o.state == .s2 && o.prevState == .s2) || s3, "trim \(t)")
      #expect(!f.firstDipBuyFlag || (s3 && o.prevState == .s3), "first dip \(t)")
      #expect(!f.reclaimedEma333 || (s3 && o.prevState == .s3), "reclaimed \(t)")
      #expect(!f.watchOnly || o.state == .s4)
      #expect(f.exitPosition == (o.state == .s0 && [.s1, .s2, .s3].contains(o.prevState)))
      #expect(!f.emergencyExit || s3 || (o.state == .s0 && [.s1, .s2].contains(o.prevState)))
      #expect((o.buyKind != nil) == (f.buySignal || f.buyFlag))
      #expect((o.scores.dx != nil) == s3 && (o.scores.edx != nil) == s3)
      #expect((o.scores.ox != nil) == (s3 || (o.state == .s2 && o.prevState == .s2)))
    }
  }

  @Test func scoresStayInTheirRanges() {
    for o in CanonicalHourly.steps.compactMap(\.uptrend) {
      let s = o.scores
      for v in [s.ts, s.ox, s.dx].compactMap({ $0 }) { #expect(v >= 0 && v <= 1) }
      if let b = s.srBoost { #expect(b >= 0 && b <= 0.25) }
      if let e = s.edx { #expect(e >= 0 && e <= 0.85 || e == 0.5) }
      if let ts = s.ts, let twb = s.tsWithBoost, let b = s.srBoost { #expect(twb == ts + b) }
    }
  }

  @Test func aSnapshotMidSeriesResumesBitIdentically() throws {
    let bars = RealBars.hourly
    var first = SeriesEngine(formula: Self.v1, barMilliseconds: Self.hour, isDriver: false)
    var b: [SeriesStep] = []
    let cut = 9_000  // inside a long S3 episode of BTC 1h
    for bar in bars[..<cut] { b.append(first.step(bar)) }
    #expect(first.engine.memory.state == .s3 && first.engine.memory.s3Bars.count > 100)
    var resumed = try JSONDecoder().decode(SeriesEngine.self, from: JSONEncoder().encode(first))
    #expect(resumed == first)
    for bar in bars[cut...] { b.append(resumed.step(bar)) }
    #expect(b == CanonicalHourly.steps)
  }

  static func flat(_ n: Int, price: Double = 100, volume: Double = 0) -> [Bar] {
    (0..<n).map {
      Bar(
        openTime: Int64($0) * hour, open: price, high: price, low: price, close: price,
        volume: volume)
    }
  }

  @Test func constantPricesAndZeroVolume() {
    let steps = Self.run(Self.flat(1500))
    #expect(Self.allFinite(steps))
    #expect(steps.compactMap(\.uptrend).allSatisfy { $0.state == .s4 })
  }

  @Test func aSingleHugeSpike() {
    var bars = Array(RealBars.hourly.prefix(3000))
    let p = bars[1500].close * 1000
    bars[1500] = Bar(
      openTime: bars[1500].openTime, open: p, high: p, low: bars[1500].low, close: p,
      volume: 1e12)
    let steps = Self.run(bars)
    #expect(Self.allFinite(steps))
    #expect(Self.allFinite(Self.run(bars, formula: try! .builtIn("v1-ref"))))
  }

  @Test func gapsAndShortSeries() {
    let daily = Self.run(RealBars.daily, ms: 86_400_000)
    #expect(Self.allFinite(daily))
    #expect(daily.count == RealBars.daily.count)  // a bar per candle: no invented bars
    let short = Self.run(Array(RealBars.hourly.prefix(200)))
    #expect(Self.allFinite(short) && short.allSatisfy { $0.uptrend == nil })
    #expect(Self.run([]).isEmpty)
    #expect(Self.allFinite(Self.run(Array(RealBars.hourly.prefix(1)))))
  }
}
