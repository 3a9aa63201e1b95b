import Testing

@testable import Engines

@Suite("S/R geometry provider (SR-01 … SR-03)")
struct SRProviderTests {
  let k = SRConstants.v1

  /// A saw-tooth: `cycles` triangles of period 10 between 100 and 110, each
  /// peak a swing high and each trough a swing low (prominence ≥ 0.5 %).
  static func saw(count: Int) -> [Double] {
    (0..<count).map { i in
      let phase = i % 10
      return 100 + Double(phase <= 5 ? phase : 10 - phase) * 2
    }
  }

  @Test("Golden (§9.7): last 1000 closes of the Coinbase hourly file at bar 20110")
  func golden() throws {
    let bars = try TestData.bars("coinbase_btcusd_1h.csv")
    #expect(bars.count == 20_111)
    let closes = bars[(20_110 - 999)...20_110].map(\.close)
    let r = try #require(SRProvider.refresh(closes: closes, constants: k))
    #expect(r.swingHighs == 106)
    #expect(r.swingLows == 96)
    let expected: [(Double, Double, SRLevel.Kind)] = [
      (14023.98, 15, .fibExtension), (12827.40702, 15, .fibExtension),
      (11743.60008, 15, .fibExtension), (10891.59, 25, .fibRetracement),
      (10193.597368421055, 76, .cluster), (10152.34596, 91, .fibRetracement),
      (9695.01702, 53, .fibRetracement), (9325.395, 16, .fibRetracement),
      (8955.77298, 17, .fibRetracement), (8429.53146, 137, .fibRetracement),
      (8211.437868852458, 122, .cluster), (7759.2, 25, .fibRetracement),
    ]
    #expect(r.levels.count == expected.count)
    for (level, e) in zip(r.levels, expected) {
      #expect(abs(level.price - e.0) <= 1e-9 * e.0, "\(level) vs \(e)")
      #expect(level.strength == e.1 && level.kind == e.2, "\(level) vs \(e)")
    }
  }

  @Test("Fewer than 50 closes: no update; 50: an update")
  func minimumBars() {
    #expect(SRProvider.refresh(closes: Self.saw(count: 49), constants: k) == nil)
    #expect(SRProvider.refresh(closes: Self.saw(count: 50), constants: k) != nil)
  }

  @Test("Fewer than 3 highs and 3 lows: no update; 3 highs alone suffice")
  func minimumSwings() {
    // Peaks at 5, 15 and troughs at 10, 20 (the trough at 0 is too close to
    // the edge; the flat tail has no strict extreme).
    var two = Self.saw(count: 26) + [Double](repeating: 100, count: 30)
    two[24] = 109
    two[25] = 109
    let r2 = SRProvider.swingCloses(two, constants: k)
    #expect(r2.highs.count == 2 && r2.lows.count == 2)
    #expect(SRProvider.refresh(closes: two, constants: k) == nil)
    // Peaks at 5, 15, 25; troughs at 10, 20.
    let three = Self.saw(count: 28) + [Double](repeating: 100, count: 30)
    let r3 = SRProvider.swingCloses(three, constants: k)
    #expect(r3.highs.count == 3 && r3.lows.count == 2)
    #expect(SRProvider.refresh(closes: three, constants: k)?.swingHighs == 3)
  }

  @Test("Swings: strictly beyond the 4 neighbours and prominent by ≥ 0.5 %")
  func swingRules() {
    // A plateau (equal neighbour) is no swing; a 0.4 % bump is too small; 0.6 % counts.
    let plateau = [1.0, 2, 3, 3, 2, 1, 1]
    #expect(SRProvider.swingCloses(plateau, constants: k).highs.isEmpty)
    let small = [100.0, 100.1, 100.4, 100.1, 100, 100, 100]
    #expect(SRProvider.swingCloses(small, constants: k).highs.isEmpty)
    let enough = [100.0, 100.1, 100.6, 100.1, 100, 100, 100]
    #expect(SRProvider.swingCloses(enough, constants: k).highs == [100.6])
  }

  @Test("Clusters: first centre in creation order, running mean, ranked and cut at 9")
  func clusters() {
    // 100 opens a centre; 105 joins (5 %), centre 102.5; 107 joins (4.4 %), centre 104;
    // 120 opens a second.
    let c = SRProvider.topClusters(of: [107, 120, 100, 105], constants: k)
    #expect(c.map(\.price) == [104, 120])
    #expect(c.map(\.strength) == [3, 1])
    // Ties in strength rank by |price| ascending; only the first 9 are kept.
    let many = (0..<12).map { 100 * pow2($0) }
    let top = SRProvider.topClusters(of: many.reversed(), constants: k)
    #expect(top.map(\.price) == Array(many.prefix(9)))
  }

  @Test(
    "Fibonacci bonus boundaries: d% < 3 full, 3 ≤ d% < 7 half (floored), else 0",
    arguments: [
      (102.99999, 21.0), (103, 10), (97, 10), (106.9999, 10), (107, 0), (93, 0), (100, 21),
    ])
  func bonus(closest: Double, bonus: Double) {
    // d% = |closest − 100| / 100 · 100: 2.99999, 3.0, 3.0, 6.9999, 7.000000000000001 …
    let base = [SRLevel(price: closest, strength: 21, kind: .cluster)]
    #expect(SRProvider.bonus(at: 100, base: base, constants: k) == bonus)
  }

  @Test("Fibonacci bonus: the closest level wins, the first on equal distance")
  func closestFirstWins() {
    let base = [
      SRLevel(price: 110, strength: 50, kind: .cluster),
      SRLevel(price: 101, strength: 4, kind: .cluster),
      SRLevel(price: 99, strength: 8, kind: .cluster),
    ]
    #expect(SRProvider.bonus(at: 100, base: base, constants: k) == 4)
    #expect(SRProvider.bonus(at: 100, base: [], constants: k) == 0)
  }

  @Test("17 candidate levels cut to 12, price descending; extensions above the last close")
  func extensions() throws {
    // Saw between 100 and 110: 2 clusters, ATH, ATL, 7 retracements, 6 extensions.
    let closes = Self.saw(count: 60)
    let r = try #require(SRProvider.refresh(closes: closes, constants: k))
    let ext = r.levels.filter { $0.kind == .fibExtension }.map(\.price)
    #expect(ext.allSatisfy { $0 > closes[59] })
    #expect(zip(r.levels, r.levels.dropFirst()).allSatisfy { $0.price >= $1.price })
    #expect(r.levels.count == k.keep)
  }

  @Test("Equal prices keep their rank order (stable)")
  func stableOrder() {
    let levels = [
      SRLevel(price: 5, strength: 10, kind: .ath),
      SRLevel(price: 5, strength: 25, kind: .fibRetracement),
      SRLevel(price: 7, strength: 10, kind: .cluster), SRLevel(price: 5, strength: 10, kind: .atl),
    ]
    let ranked = SRProvider.ranked(levels)
    #expect(ranked.map(\.kind) == [.fibRetracement, .ath, .atl, .cluster])
    #expect(
      SRProvider.priceDescending(ranked).map(\.kind) == [.cluster, .fibRetracement, .ath, .atl])
  }
}

/// `2^n` as a Double.
func pow2(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 2 } }
