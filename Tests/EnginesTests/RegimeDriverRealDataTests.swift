import Engines
import Testing

/// Driver series on the bundled Bitstamp daily file (D-12, D-20): BTC and an
/// ALT composite of ETH and LTC (minimum 1), through the driver engines.
@Suite struct RegimeDriverRealDataTests {
  static let day: Int64 = 86_400_000

  /// The file's candles as `(stream, bar)` in event-time order, BTC, ETH, LTC per day.
  static let candles: [(String, Bar)] = {
    let series = ["BTC", "ETH", "LTC"].map { (sym: String) -> (String, [Bar]) in
      (sym, try! RealBars.load("bitstamp_btc_eth_ltc_1d.csv", symbol: sym))
    }
    return series.flatMap { sym, bars in bars.map { ("\(sym)@bitstamp/1d", $0) } }
      .enumerated().sorted { a, b in
        a.element.1.openTime != b.element.1.openTime
          ? a.element.1.openTime < b.element.1.openTime : a.offset < b.offset
      }.map(\.element)
  }()

  /// All driver bars of the file under a composite method, in emission order.
  static func driverBars(_ method: RegimeConstants.CompositeMethod) -> [RegimeDriverBar] {
    var c = RegimeConstants.v1
    c.drivers.altComponents = ["ETH", "LTC"]
    c.drivers.altMinComponents = 1
    c.drivers.composite = method
    var comp = RegimeCompositor(constants: c)
    var out: [RegimeDriverBar] = []
    for (offset, (stream, bar)) in candles.enumerated() {
      while let b = comp.nextDue(upTo: bar.openTime + day) {
        comp.emitted(b, offset: UInt64(1_000_000 + out.count))
        out.append(b)
      }
      comp.candle(stream: stream, bar: bar, offset: UInt64(offset))
    }
    return out
  }

  static let index = driverBars(.chainLinkedIndex)

  /// The day-over-day close return of the ALT bar opening `date`.
  static func altReturn(_ bars: [RegimeDriverBar], opening date: Int64) throws -> Double {
    let alt = bars.filter { $0.driver == .alt }
    let i = try #require(alt.firstIndex { $0.bar.openTime == date })
    return alt[i].bar.close / alt[i - 1].bar.close - 1
  }

  /// 2017-11-09T00:00Z, the day ETH joins LTC.
  static let ethJoins: Int64 = 1_510_185_600_000

  @Test func indexMovesByLTCsOwnReturnWhenETHJoins() throws {
    let r = try Self.altReturn(Self.index, opening: Self.ethJoins)
    #expect(abs(r - (64.48 / 62.39 - 1)) < 1e-12)
    #expect((r * 10_000).rounded() / 100 == 3.35)
    let raw = try Self.altReturn(Self.driverBars(.rawMean), opening: Self.ethJoins)
    #expect((raw * 100).rounded() == 209)
    let joinBar = try #require(Self.index.first { $0.driver == .alt && $0.bar.openTime == Self.ethJoins })
    #expect(joinBar.componentCount == 2 && !joinBar.chainBroken)
    #expect(joinBar.contributors == ["ETH@bitstamp/1d", "LTC@bitstamp/1d"])
  }

  @Test func theGapInventsNoBarsAndTheLastPeriodStaysOpen() {
    let dates = Set(Self.candles.map(\.1.openTime))
    let last = dates.max()!
    for driver in [RegimeDriver.btc, .alt] {
      let bars = Self.index.filter { $0.driver == driver }
      let expected = Set(
        Self.candles.filter { driver == .btc ? $0.0.hasPrefix("BTC") : !$0.0.hasPrefix("BTC") }
          .map(\.1.openTime)
      ).subtracting([last])
      #expect(Set(bars.map(\.bar.openTime)) == expected, "\(driver)")
      #expect(bars.count == expected.count)
    }
    // 2019-03-20 … 2019-03-31 have no candles, so no driver bar either.
    let gapStart: Int64 = 1_553_040_000_000
    #expect(!Self.index.contains { $0.bar.openTime >= gapStart && $0.bar.openTime < gapStart + 12 * Self.day })
  }

  @Test func dailyRegimeStatesExistFromWarmUpOn() throws {
    let set = try FormulaSet.builtIn("v1")
    for driver in [RegimeDriver.btc, .alt] {
      var engine = SeriesEngine(formula: set, barMilliseconds: Self.day, isDriver: true)
      let bars = Self.index.filter { $0.driver == driver }
      let outputs = bars.map { engine.step($0.taBar).uptrend }
      let warmUp = set.constants.regime.drivers.minHistoryBars.macro
      #expect(outputs.prefix(warmUp - 1).allSatisfy { $0 == nil })
      #expect(outputs.dropFirst(warmUp - 1).allSatisfy { $0 != nil })
      let states = Set(outputs.compactMap { $0?.state })
      #expect(states.count >= 3, "\(driver): \(states)")
    }
  }
}
