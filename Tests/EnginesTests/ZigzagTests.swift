import Testing

@testable import Engines

@Suite("ATR-adaptive zigzag (SC-35)")
struct ZigzagTests {
  let z = EDXConstants.v1.zigzag

  func pivots(
    _ c: [Double], atr: Double, highs: [Double]? = nil, lows: [Double]? = nil,
    parameters: EDXConstants.ZigzagParameters? = nil
  ) -> [Zigzag.Pivot] {
    Zigzag.pivots(
      closes: c[...], atr: [Double](repeating: atr, count: c.count)[...], highs: highs?[...],
      lows: lows?[...], parameters: parameters ?? z)
  }

  func expected(_ list: [(Int, Zigzag.Pivot.Kind)]) -> [Zigzag.Pivot] {
    list.map { Zigzag.Pivot(index: $0.0, kind: $0.1) }
  }

  static let handSeries = [
    1, 1.1, 1.25, 1.4, 1.3, 1.2, 1.05, 1.0, 1.1, 1.2, 1.35, 1.5, 1.6, 1.45, 1.3, 1.2, 1.25,
  ]

  /// §13 item 9: λ·a = 0.06. Up from bar 1 (pivot (0, L)); the index-3 high
  /// fails the minimum leg (3 − 0 < 4) at bars 6 and 7; the index-12 high is
  /// confirmed at bar 15 (backstep 3); bar 16's wick test (H − lo = 0.05 ≥
  /// 0.0475) is too early, and the tail low at 15 fails the backstep.
  @Test("§13 item 9: the hand series gives (0, L), (12, H)")
  func specSeries() {
    let c = Self.handSeries
    #expect(pivots(c, atr: 0.05, highs: c, lows: c) == expected([(0, .low), (12, .high)]))
    #expect(pivots(c, atr: 0.05) == expected([(0, .low), (12, .high)]))
  }

  @Test("Zero ATR: no reversal, no pivot (D-14); mismatched input: none")
  func zeroATR() {
    let c = Self.handSeries
    #expect(pivots(c, atr: 0, highs: c, lows: c).isEmpty)
    #expect(Zigzag.pivots(closes: c[...], atr: [0.05][...], parameters: z).isEmpty)
    #expect(Zigzag.pivots(closes: [][...], atr: [][...], parameters: z).isEmpty)
  }

  /// ATR 0.1, λ·a = 0.12, no wicks. Up at bar 2 (1.2 − 1.0), pivot (0, L).
  /// High 1.5 at 5: bars 6 (drop 0.15) and 7 (0.14) hit the threshold before
  /// the backstep (1, 2 < 3); bar 8 (drop 0.05) misses it; bar 9 (drop 0.2,
  /// 9 − 5 = 4, leg 5) confirms (5, H); lo restarts at 1.3 (bar 9). Low 1.1 at
  /// 11: bar 13 (+0.2) is 2 bars after, bar 14 (+0.18) confirms (11, L).
  /// The tail high at 16 is 0 bars old.
  @Test("Backstep: a reversal waits 3 bars after the extreme")
  func backstep() {
    let c = [
      1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.35, 1.36, 1.45, 1.3, 1.2, 1.1, 1.15, 1.3, 1.28, 1.3, 1.32,
    ]
    #expect(pivots(c, atr: 0.1) == expected([(0, .low), (5, .high), (11, .low)]))
  }

  /// ATR 0.1, λ·a = 0.12. Up at bar 1, pivot (0, L). High 1.4 at 2 is
  /// confirmed by drops at bars 5, 6 but its leg is 2 < 4: rejected. High
  /// 1.5 at 7: bar 10 confirms (7, H) (leg 7). Low 1.2 at 11; the tail
  /// (14 − 11 = 3 ≥ 3, leg 11 − 7 = 4 ≥ 4, both at their bounds) adds (11, L).
  @Test("Minimum leg and tail pivot at their equality bounds")
  func minLegAndTail() {
    let c = [1.0, 1.3, 1.4, 1.2, 1.2, 1.2, 1.1, 1.5, 1.3, 1.3, 1.3, 1.2, 1.2, 1.2, 1.2]
    #expect(pivots(c, atr: 0.1) == expected([(0, .low), (7, .high), (11, .low)]))
  }

  /// ATR 0.1: close test 0.12, wick test 0.12 − 0.025 = 0.095. High 1.5 at
  /// 5; closes then stay at 1.45/1.42 (drops 0.05/0.08). With lows 1.40 on
  /// bars 6–8, bar 8's wick (0.1) confirms (5, H); the down leg's low 1.42
  /// at 9 becomes the tail pivot (12 − 9 = 3, leg 4). With lows 1.41 (0.09)
  /// no reversal: the tail adds (5, H) only.
  @Test("Wick relaxer: a low 0.25 ATR short of the threshold reverses")
  func wickRelaxer() {
    let c = [1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.45, 1.45, 1.45, 1.42, 1.42, 1.42, 1.42]
    var highs = c
    var lows = c
    for i in 6...8 {
      highs[i] = 1.46
      lows[i] = 1.40
    }
    let wick = pivots(c, atr: 0.1, highs: highs, lows: lows)
    #expect(wick == expected([(0, .low), (5, .high), (9, .low)]))
    for i in 6...8 { lows[i] = 1.41 }
    let none = pivots(c, atr: 0.1, highs: highs, lows: lows)
    #expect(none == expected([(0, .low), (5, .high)]))
  }

  /// ATR 0.2 on closes ≈ 101: mean ATR/close ≈ 0.002 < 0.003, so λ = 1.4
  /// and λ·a = 0.28. The drops from the 102 high (0.26, 0.27) miss it: only
  /// the tail (4, H). With the guard at 0.001, λ·a = 0.24: bar 7 confirms
  /// (4, H), and the tail adds the low at 8 (11 − 8 = 3, leg 4).
  @Test("Illiquid guard: λ + 0.2 when mean ATR/close < 0.003")
  func guardBump() {
    let c = [
      100.0, 100.5, 101.0, 101.5, 102.0, 101.74, 101.74, 101.74, 101.73, 101.73, 101.73, 101.73,
    ]
    #expect(pivots(c, atr: 0.2) == expected([(0, .low), (4, .high)]))
    var liquid = z
    liquid.illiquidGuard = 0.001
    #expect(
      pivots(c, atr: 0.2, parameters: liquid) == expected([(0, .low), (4, .high), (8, .low)]))
  }

  @Test("A down start makes index 0 a high; pivots of a slice are 0-based")
  func downStartAndSlice() {
    // Down at bar 1 → (0, H); low 0.9 at 4 confirmed at bar 7 (leg 4); the
    // high 2.6 at 8 is the tail pivot (11 − 8 = 3, leg 4).
    let c = [9.0, 2.0, 1.5, 1.0, 0.9, 1.5, 2.0, 2.5, 2.6, 2.6, 2.6, 2.6]
    let base = [50.0, 50.0] + c
    let p = Zigzag.pivots(
      closes: base[2...], atr: [Double](repeating: 0.1, count: base.count)[2...],
      parameters: z)
    #expect(p == expected([(0, .high), (4, .low), (8, .high)]))
  }
}
