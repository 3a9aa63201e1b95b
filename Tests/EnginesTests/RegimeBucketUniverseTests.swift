import Engines
import Testing

/// Bucket composites from a universe of tokens and market-cap events
/// (regime-ae.md §3.4, D-4, D-12): membership follows the caps, the
/// chain-linked level does not jump when it changes.
@Suite struct RegimeBucketUniverseTests {
  static let hour: Int64 = 3_600_000

  /// Token id, unit price (flat), market cap per hour (one entry per hour).
  static let universe: [(id: String, price: Double, caps: [Double])] = [
    ("a", 0.0004, [2e6, 2e6, 2e6, 2e6, 2e6, 2e6]),  // nano throughout
    ("b", 3.2, [8e6, 8e6, 12e6, 12e6, 12e6, 12e6]),  // nano → small at hour 2
    ("c", 45, [20e6, 20e6, 20e6, 60e6, 60e6, 60e6]),  // small → mid at hour 3
    ("d", 900, [120e6, 120e6, 120e6, 120e6, 250e6, 250e6]),  // mid → big at hour 4
    ("e", 12_000, [900e6, 900e6, 900e6, 900e6, 900e6, 900e6]),  // big throughout
  ]

  /// Runs six hours: each hour, at half past, the caps (after the previous
  /// hour's period was finalised), then the hour's candles; returns every bar.
  static func run(_ method: RegimeConstants.CompositeMethod) -> [RegimeDriverBar] {
    var c = RegimeConstants.v1
    c.drivers.composite = method
    var comp = RegimeCompositor(constants: c)
    var out: [RegimeDriverBar] = []
    var offset: UInt64 = 0
    for h in 0..<7 {
      let t = Int64(h) * hour
      while let b = comp.nextDue(upTo: t + hour / 2) {
        comp.emitted(b, offset: 1_000_000 + UInt64(out.count))
        out.append(b)
      }
      guard h < 6 else { break }
      for token in universe {
        comp.marketCap(token: token.id, capUsd: token.caps[h], offset: offset)
        offset += 1
      }
      for token in universe {
        let p = token.price
        let bar = Bar(openTime: t, open: p, high: p * 1.01, low: p * 0.99, close: p, volume: 10)
        comp.candle(stream: "token/\(token.id)/1h", bar: bar, offset: offset)
        offset += 1
      }
    }
    return out
  }

  static let bars = run(.chainLinkedIndex)

  static func series(_ d: RegimeDriver, _ bars: [RegimeDriverBar] = bars) -> [RegimeDriverBar] {
    bars.filter { $0.driver == d }
  }

  @Test func membershipFollowsTheLatestCaps() {
    #expect(Self.series(.nano).map(\.contributors.count) == [2, 2, 1, 1, 1, 1])
    #expect(Self.series(.small).map(\.contributors) == [
      ["token/c/1h"], ["token/c/1h"], ["token/c/1h", "token/b/1h"], ["token/b/1h"], ["token/b/1h"], ["token/b/1h"],
    ])
    #expect(Self.series(.mid).map(\.memberCount) == [1, 1, 1, 2, 1, 1])
    #expect(Self.series(.big).map(\.contributors.first) == Array(repeating: "token/e/1h", count: 6))
    #expect(Self.series(.big).last?.contributors == ["token/e/1h", "token/d/1h"])
  }

  @Test func theIndexLevelDoesNotJumpWhenMembershipChanges() {
    for d in [RegimeDriver.nano, .small, .mid, .big] {
      let s = Self.series(d)
      #expect(!s.isEmpty)
      #expect(s.allSatisfy { $0.bar.close == 100 && !$0.chainBroken }, "\(d)")
    }
    let raw = Self.run(.rawMean)
    let small = Self.series(.small, raw).map(\.bar.close)
    #expect(small[1] == 45 && small[2] == (45 + 3.2) / 2)  // the raw mean jumps
  }

  @Test func bucketBarsCiteTheirCandlesAndCaps() throws {
    let mid = try #require(Self.series(.mid).first { $0.contributors.count == 2 })
    #expect(mid.causes.count == 4)  // two candles, two caps
    #expect(mid.componentCount == 2 && mid.source == .composite)
  }
}
