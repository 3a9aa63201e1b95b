import Foundation
import Testing

@testable import Engines

/// The incremental EDX (`EDXIncremental`) against the batch reference
/// `EDX.compute` at every S3 bar: real BTC episodes through the engine,
/// long synthetic episodes, degenerate series, and snapshots mid-episode.
@Suite("EDX incremental = batch")
struct EDXIncrementalTests {
  /// The batch EDX of bar `t` of `episode` (`B` = its bars `0…t`).
  static func batch(_ episode: ArraySlice<Bar>, _ t: Int, _ k: EDXConstants) -> EDX.Result {
    EDX.compute(
      bars: episode[episode.startIndex...(episode.startIndex + t)], barsSinceS3: t, constants: k)
  }

  /// Feeds `episode` bar by bar to `EDXIncremental.evaluate` and counts the
  /// bars whose result differs from the batch one (value or diagnostics).
  static func mismatches(_ episode: [Bar], constants k: EDXConstants, every: Int = 1) -> Int {
    var state: EDXIncremental?
    var bad = 0
    for t in 0..<episode.count {
      let got = EDXIncremental.evaluate(
        &state, bars: Array(episode[...t]), barsSinceS3: t, constants: k)
      if t % every == 0 || t == episode.count - 1, got != batch(episode[...], t, k) { bad += 1 }
    }
    return bad
  }

  /// A walk whose volatility moves through regimes, so the zigzag's `λ`
  /// guard (mean ATR / close vs 0.003) flips within an episode.
  static func regimeWalk(count: Int, seed: UInt64) -> [Bar] {
    var rng = SeededLCG(state: seed)
    var price = 100.0
    return (0..<count).map { i in
      let vol = (i / 150) % 2 == 0 ? 0.0008 : 0.02
      let open = price
      price *= 1 + Double.random(in: -vol...(vol * 1.05), using: &rng)
      let high = Swift.max(open, price) * (1 + Double.random(in: 0...vol / 2, using: &rng))
      let low = Swift.min(open, price) * (1 - Double.random(in: 0...vol / 2, using: &rng))
      let v = i % 7 == 0 ? 0 : Double.random(in: 0...50, using: &rng)
      return Bar(
        openTime: Int64(i) * 3_600_000, open: open, high: high, low: low, close: price, volume: v)
    }
  }

  @Test("Every S3 bar of the hourly BTC file: engine EDX == batch EDX")
  func realHourlyEpisodes() {
    let bars = RealBars.hourly
    let k = try! FormulaSet.builtIn("v1").constants.edx
    var start: Int?
    var checked = 0
    var bad = 0
    for (i, step) in CanonicalHourly.steps.enumerated() {
      guard let o = step.uptrend, o.state == .s3, let t = o.barsSinceS3 else {
        start = nil
        continue
      }
      if t == 0 { start = i }
      guard let s = start else { continue }
      let want = Self.batch(bars[s...], t, k)
      checked += 1
      if o.scores.edx != want.value || o.diagnostics.edx != want.diagnostics { bad += 1 }
    }
    #expect(checked > 1_000)
    #expect(bad == 0)
  }

  @Test("Long seeded walks (T up to 3000), flat and zero-volume series")
  func syntheticEpisodes() {
    #expect(Self.mismatches(EDXTests.walk(count: 3_001, seed: 11), constants: .v1) == 0)
    #expect(Self.mismatches(Self.regimeWalk(count: 1_500, seed: 12), constants: .v1) == 0)
    #expect(
      Self.mismatches(EDXTests.walk(count: 700, seed: 13, volume: false), constants: .v1) == 0)
    #expect(Self.mismatches(EDXTests.flat(count: 400), constants: .v1) == 0)
  }

  @Test("The switches: slowFieldAsDecay incremental, firstBarsLimit batch")
  func switches() {
    var decay = EDXConstants.v1
    decay.slowFieldAsDecay = true
    #expect(Self.mismatches(Self.regimeWalk(count: 600, seed: 14), constants: decay) == 0)
    var limited = EDXConstants.v1
    limited.firstBarsLimit = 500
    #expect(
      Self.mismatches(EDXTests.walk(count: 700, seed: 15), constants: limited, every: 50) == 0)
    var state: EDXIncremental?
    let bars = EDXTests.walk(count: 40, seed: 16)
    _ = EDXIncremental.evaluate(&state, bars: bars, barsSinceS3: 39, constants: limited)
    #expect(state == nil)
  }

  @Test("A JSON round trip of the state mid-episode continues identically")
  func stateRoundTrip() throws {
    let episode = Self.regimeWalk(count: 900, seed: 17)
    var state: EDXIncremental?
    for t in 0..<500 {
      _ = EDXIncremental.evaluate(
        &state, bars: Array(episode[...t]), barsSinceS3: t, constants: .v1)
    }
    var resumed = try JSONDecoder().decode(
      EDXIncremental?.self, from: JSONEncoder().encode(state))
    #expect(resumed == state)
    for t in 500..<episode.count {
      let bars = Array(episode[...t])
      let a = EDXIncremental.evaluate(&state, bars: bars, barsSinceS3: t, constants: .v1)
      let b = EDXIncremental.evaluate(&resumed, bars: bars, barsSinceS3: t, constants: .v1)
      #expect(a == b)
      if t % 97 == 0 { #expect(a == Self.batch(episode[...], t, .v1)) }
    }
    #expect(resumed == state)
  }

  @Test("A SeriesEngine snapshot mid-episode continues identically")
  func engineRoundTrip() throws {
    let bars = RealBars.hourly
    var engine = SeriesEngine(
      formula: try FormulaSet.builtIn("v1"), barMilliseconds: 3_600_000, isDriver: false)
    let cut = 9_000
    for bar in bars[..<cut] { _ = engine.step(bar) }
    #expect(engine.engine.memory.edx != nil)
    var resumed = try JSONDecoder().decode(SeriesEngine.self, from: JSONEncoder().encode(engine))
    #expect(resumed == engine)
    let steps = bars[cut...].prefix(2_000).map { resumed.step($0) }
    #expect(steps == Array(CanonicalHourly.steps[cut..<(cut + 2_000)]))
  }
}
