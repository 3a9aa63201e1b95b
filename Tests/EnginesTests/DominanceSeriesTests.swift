import Engines
import Testing

/// regime-ae.md §3.5 and test vector T27: dominance readings to 1m bars, and
/// the 1m → 1h roll-up labelled with the period start.
@Suite struct DominanceSeriesTests {
  static let hour10: Int64 = 1_571_306_400_000  // 2019-10-17T10:00Z

  @Test func t27RollsSixtyMinuteBarsIntoTheTenOClockBar() {
    let minutes = (0..<60).map { m -> Bar in
      let base = 60.0 + Double(m % 7) * 0.1 - Double(m) * 0.01
      return Bar(
        openTime: Self.hour10 + Int64(m) * 60_000, open: base, high: base + 0.05, low: base - 0.05,
        close: base + 0.01)
    }
    let hours = DominanceSeries.rollUp(minutes, periodMs: 3_600_000)
    #expect(hours.count == 1)
    let h = hours[0]
    #expect(h.openTime == Self.hour10)
    #expect(h.open == minutes[0].open && h.close == minutes[59].close)
    #expect(h.high == minutes.map(\.high).max() && h.low == minutes.map(\.low).min())
    #expect(h.volume == 0)
  }

  @Test func minutesWithoutReadingsHaveNoBar() {
    let readings = [
      DominanceSeries.Reading(time: Self.hour10 + 5_000, btcPct: 66.1, usdtPct: 4.1),
      DominanceSeries.Reading(time: Self.hour10 + 30_000, btcPct: 66.4, usdtPct: 4.0),
      DominanceSeries.Reading(time: Self.hour10 + 59_999, btcPct: 66.2, usdtPct: 4.2),
      DominanceSeries.Reading(time: Self.hour10 + 180_000, btcPct: 66.0),
      DominanceSeries.Reading(time: Self.hour10 + 200_000, btcPct: 0, usdtPct: 4.3),
    ]
    let (btc, usdt) = DominanceSeries.minuteBars(readings)
    #expect(btc.map(\.openTime) == [Self.hour10, Self.hour10 + 180_000])
    #expect(btc[0] == Bar(openTime: Self.hour10, open: 66.1, high: 66.4, low: 66.1, close: 66.2))
    // The minute-3 reading has no USDT share and no caps: its sample is dropped.
    #expect(usdt.count == 1 && usdt[0].open == 4.1 && usdt[0].high == 4.2 && usdt[0].low == 4.0)
    let hours = DominanceSeries.rollUp(btc, periodMs: 3_600_000)
    #expect(hours.count == 1 && hours[0].close == 66.0)
    #expect(DominanceSeries.rollUp([], periodMs: 3_600_000).isEmpty)
  }

  @Test func usdtFallsBackToCapsAndDropsNonPositive() {
    let fallback = DominanceSeries.Reading(
      time: 0, btcPct: 60, usdtPct: 0, tetherMarketCapUsd: 4e9, totalMarketCapUsd: 2e11)
    #expect(fallback.usdtDominance == 2)
    let zero = DominanceSeries.Reading(
      time: 0, btcPct: 60, tetherMarketCapUsd: 0, totalMarketCapUsd: 2e11)
    #expect(zero.usdtDominance == nil)
    #expect(DominanceSeries.Reading(time: 0, btcPct: 60).usdtDominance == nil)
  }
}
