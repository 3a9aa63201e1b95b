import Foundation
import Testing

@testable import Engines

@Suite("EDX (SC-30 … SC-37)")
struct EDXTests {
  let k = EDXConstants.v1

  /// A seeded random walk of `count` bars with wicks and volume.
  static func walk(count: Int, seed: UInt64, volume: Bool = true) -> [Bar] {
    var rng = SeededLCG(state: seed)
    var price = 100.0
    return (0..<count).map { i in
      let open = price
      price *= 1 + Double.random(in: -0.02...0.021, using: &rng)
      let high = Swift.max(open, price) * (1 + Double.random(in: 0...0.01, using: &rng))
      let low = Swift.min(open, price) * (1 - Double.random(in: 0...0.01, using: &rng))
      let v = volume ? Double.random(in: 0...50, using: &rng) : 0
      return Bar(
        openTime: Int64(i) * 3_600_000, open: open, high: high, low: low, close: price, volume: v)
    }
  }

  /// `count` bars at one price, no volume.
  static func flat(count: Int) -> [Bar] {
    (0..<count).map { Bar(openTime: Int64($0), open: 5, high: 5, low: 5, close: 5) }
  }

  @Test(
    "Windows of §13.9 (integer ⌊2T/3⌋, ⌊T/3⌋, each ≥ 10)",
    arguments: [
      (10, 10, nil, nil), (14, 14, nil, nil), (15, 15, 10, nil), (29, 29, 19, nil),
      (30, 30, 20, 10), (143, 143, 95, 47), (144, 144, 96, 48), (432, 432, 288, 144),
    ] as [(Int, Int, Int?, Int?)])
  func windows(t: Int, w1: Int, w2: Int?, w3: Int?) {
    let w = EDX.windows(barsSinceS3: t, constants: k)
    #expect(w.w1 == w1 && w.w2 == w2 && w.w3 == w3)
    let r = EDX.compute(bars: Self.walk(count: t + 1, seed: UInt64(t)), barsSinceS3: t)
    #expect(r.diagnostics.status == .computed)
    #expect(r.diagnostics.w1 == w1 && r.diagnostics.w2 == w2 && r.diagnostics.w3 == w3)
    #expect(r.diagnostics.slow.count == 3)
    #expect((r.diagnostics.slow[1] != nil) == (w2 != nil))
    #expect((r.diagnostics.compression[2] != nil) == (w3 != nil))
  }

  @Test("T = 9 and the S2→S3 bar: insufficient S3 bars, 0.5")
  func insufficientBars() {
    for t in [0, 9] {
      let r = EDX.compute(bars: Self.walk(count: t + 1, seed: 1), barsSinceS3: t)
      #expect(r.value == 0.5)
      #expect(r.diagnostics == .insufficient(.insufficientS3Bars, barsSinceS3: t))
    }
  }

  @Test("Fewer than 10 bars in B: insufficient data, 0.5 (also under refEdxFirst500)")
  func insufficientData() {
    let r = EDX.compute(bars: Self.walk(count: 9, seed: 2), barsSinceS3: 20)
    #expect(r.value == 0.5 && r.diagnostics.status == .insufficientData)
    var limited = k
    limited.firstBarsLimit = 9
    let s = EDX.compute(bars: Self.walk(count: 40, seed: 2), barsSinceS3: 39, constants: limited)
    #expect(s.value == 0.5 && s.diagnostics.status == .insufficientData)
  }

  @Test("Compression needs 144 bars: neutral at w1 = 143, computed at 144 and at w3 = 144")
  func compressionMinimum() {
    let bars = Self.walk(count: 433, seed: 7)
    let at143 = EDX.compute(bars: bars[..<144], barsSinceS3: 143).diagnostics
    let at144 = EDX.compute(bars: bars[..<145], barsSinceS3: 144).diagnostics
    let at432 = EDX.compute(bars: bars[...], barsSinceS3: 432).diagnostics
    #expect(at143.compression[0] == 0.5)
    #expect(at144.compression[0] != 0.5)
    #expect(at144.compression[2] == 0.5)
    #expect(at432.compression[2] != 0.5)
  }

  @Test("Combiner cases of §9.6")
  func combiner() {
    let c = k.combiner
    #expect(abs(EDX.decay(0.40, 0.45, 0.55, weights: c) - 0.49) < 1e-15)
    #expect(abs(EDX.decay(0.40, 0.45, nil, weights: c) - 0.435) < 1e-15)
    #expect(EDX.decay(0.50, 0.45, 0.60, weights: c) == (0.50 + 0.45) / 2)
    #expect(EDX.decay(0.40, nil, nil, weights: c) == 0.40)
    #expect(EDX.decay(0.40, 0.45, 0.42, weights: c) == 0.3 * 0.40 + 0.7 * 0.45)
  }

  @Test("All-neutral components: 0.425 = 0.85 · 0.5 (D-10)")
  func allNeutral() {
    let neutral = EDX.WindowScores(slow: 0.5, structure: 0.5, participation: 0.5, compression: 0.5)
    let r = EDX.combined(
      [neutral, neutral, nil], windows: (30, 20, nil), barsSinceS3: 30, constants: k)
    #expect(abs(r.value - 0.425) < 1e-15)
    #expect(r.diagnostics.slow == [0.5, 0.5, nil])
  }

  /// Constant prices and no volume: every component is neutral up to the
  /// EMAs' rounding drift on a constant input (slopes of order 1e-17).
  @Test("Constant prices, zero volume: ≈ 0.425", arguments: [10, 30, 500])
  func flatSeries(t: Int) {
    let r = EDX.compute(bars: Self.flat(count: t + 1), barsSinceS3: t)
    #expect(r.diagnostics.status == .computed)
    #expect(abs(r.value - 0.425) < 1e-12)
    #expect(r.diagnostics.structureCombined == 0.5)
    #expect(r.diagnostics.participationCombined == 0.5)
    #expect(r.diagnostics.compressionCombined == 0.5)
    #expect(abs((r.diagnostics.slowCombined ?? 0) - 0.5) < 1e-12)
  }

  @Test("Finite and in [0, 0.85] on seeded walks and degenerate series")
  func bounded() {
    var series: [[Bar]] = (0..<12).map { Self.walk(count: 60 + 260 * $0, seed: UInt64($0)) }
    series.append(Self.walk(count: 700, seed: 99, volume: false))
    series.append(Self.flat(count: 300))
    var spike = Self.walk(count: 400, seed: 5)
    spike[200].close *= 1000
    spike[200].high = spike[200].close
    spike[200].volume = 1e12
    series.append(spike)
    for bars in series {
      for t in [10, 15, 30, bars.count / 2, bars.count - 1] {
        let r = EDX.compute(bars: bars[...(t)], barsSinceS3: t)
        #expect(r.value.isFinite && r.value >= 0 && r.value <= 0.85)
        #expect(r.diagnostics.status == .computed)
      }
    }
  }

  @Test("slowFieldAsDecay (D-11) uses 1 − slow per window")
  func slowAsDecay() {
    let bars = Self.walk(count: 200, seed: 3)
    var decay = k
    decay.slowFieldAsDecay = true
    let plain = EDX.compute(bars: bars, barsSinceS3: 199).diagnostics
    let flipped = EDX.compute(bars: bars, barsSinceS3: 199, constants: decay).diagnostics
    for w in 0..<3 { #expect(flipped.slow[w] == plain.slow[w].map { 1 - $0 }) }
    #expect(flipped.structure == plain.structure)
  }

  @Test("refEdxFirst500: bars after the first 500 from the S3 start are not read")
  func firstBarsLimit() {
    var limited = k
    limited.firstBarsLimit = 500
    let bars = Self.walk(count: 800, seed: 4)
    var changed = bars
    for i in 500..<800 { changed[i].close *= 2 }
    let a = EDX.compute(bars: bars, barsSinceS3: 799, constants: limited)
    let b = EDX.compute(bars: changed, barsSinceS3: 799, constants: limited)
    #expect(a == b)
    #expect(a.diagnostics.status == .computed)
    #expect(a != EDX.compute(bars: bars, barsSinceS3: 799))
  }

  @Test("A slice of a longer series equals the same bars as an array")
  func sliceEqualsArray() {
    let bars = Self.walk(count: 300, seed: 8)
    let slice = EDX.compute(bars: bars[100...], barsSinceS3: 199)
    #expect(slice == EDX.compute(bars: Array(bars[100...]), barsSinceS3: 199))
  }

  @Test("Diagnostics round-trip through JSON")
  func codable() throws {
    let d = EDX.compute(bars: Self.walk(count: 100, seed: 9), barsSinceS3: 99).diagnostics
    let data = try JSONEncoder().encode(d)
    #expect(try JSONDecoder().decode(EdxDiagnostics.self, from: data) == d)
    let c = try JSONEncoder().encode(EDXConstants.v1)
    #expect(try JSONDecoder().decode(EDXConstants.self, from: c) == .v1)
  }
}
