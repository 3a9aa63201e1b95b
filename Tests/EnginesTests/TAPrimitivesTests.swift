import Engines
import Testing

/// The TA micro-examples of engines-ta-uptrend.md §9.1, exactly.
@Suite struct TAPrimitivesTests {
  static let atrBars: [(h: Double, l: Double, c: Double)] = [
    (10.5, 9.5, 10), (11.2, 10.1, 11), (12.5, 11.0, 12), (12.2, 10.6, 11), (11.8, 10.9, 11.5),
  ]

  @Test func emaSeedsWithTheFirstClose() {
    #expect(TAPrimitives.ema([10, 11, 12, 11], span: 3) == [10, 10.5, 11.25, 11.125])
    #expect(TAPrimitives.ema([], span: 3).isEmpty)
  }

  @Test func atrWindowFormBackFillsTheSeed() {
    let b = Self.atrBars
    let atr = TAPrimitives.atrSeries(
      high: b.map(\.h), low: b.map(\.l), close: b.map(\.c), period: 3)
    #expect(atr.count == 5)
    #expect(atr[0...3].allSatisfy { matchesPrinted($0, 1.4333, decimals: 4) })
    #expect(matchesPrinted(atr[4], 1.2556, decimals: 4))
    #expect(TAPrimitives.atrSeries(high: [1], low: [1], close: [1]).isEmpty)
  }

  /// D-18: under `v1`, D-14's warm-up gives [none, 1.2, 1.35, 1.4333…, 1.2556…].
  @Test func atrStreamingWarmUp() {
    var c = TAConstants.v1
    c.atrPeriod = 3
    var ta = StreamingTA(constants: c)
    let values = Self.atrBars.map {
      ta.update(Bar(openTime: 0, open: $0.c, high: $0.h, low: $0.l, close: $0.c)).atr
    }
    #expect(values[0] == 0)  // none at t = 0 (published as 0)
    #expect(matchesPrinted(values[1], 1.2, decimals: 10))
    #expect(matchesPrinted(values[2], 1.35, decimals: 10))
    #expect(matchesPrinted(values[3], 1.4333, decimals: 4))
    #expect(matchesPrinted(values[4], 1.2556, decimals: 4))
  }

  @Test func rsiIsTheSimpleAverage() {
    #expect(matchesPrinted(TAPrimitives.rsi([10, 11, 12, 11, 11.5], period: 3), 60, decimals: 9))
    #expect(TAPrimitives.rsi([10, 11, 12], period: 3) == 50)  // n ≤ P
    #expect(TAPrimitives.rsi([5, 5, 5, 5, 5], period: 3) == 50)  // G = L = 0 (D-14)
  }

  @Test func olsAndNormalisedSlopes() {
    #expect(TAPrimitives.linSlope([1, 2, 4], window: 10) == 1.5)
    #expect(TAPrimitives.linSlope([5, 5], window: 10) == 0)
    let e = (0..<12).map { 100 + 0.5 * Double($0) }
    #expect(matchesPrinted(TAPrimitives.normSlope(e, window: 10), 0.0047393, decimals: 7))
  }

  @Test func exactMeanIsCorrectlyRounded() {
    #expect(ExactSum.sum([1e100, 1, -1e100]) == 1)
    #expect(ExactSum.sum([0.1, 0.2, 0.3]) == 0.6)
    #expect(ExactSum.sum([0.1, 0.1, 0.1]) == 0.30000000000000004)
    #expect(TAPrimitives.exactMean([1, 2, 4]) == 7.0 / 3)
  }

  @Test func winsorIndicesFollowDET24() {
    #expect(TAPrimitives.winsorIndices(count: 1000) == (19, 980))
    #expect(TAPrimitives.winsorIndices(count: 10) == (0, 9))
    #expect(TAPrimitives.winsorIndices(count: 50) == (0, 49))
    #expect(TAPrimitives.winsorIndices(count: 333) == (5, 326))
  }

  @Test func sigmoidSaturatesToExactZero() {
    #expect(TAPrimitives.sigmoid(-1000) == 0)
    #expect(TAPrimitives.sigmoid(0) == 0.5)
  }
}
