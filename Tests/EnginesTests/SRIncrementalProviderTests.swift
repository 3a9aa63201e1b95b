import Foundation
import Testing

@testable import Engines

/// `SRIncrementalProvider` against the reference `SRProvider.refresh` at
/// every bar: real files, random walks, flat series, exact ties, sparse
/// swings and a small window that evicts on every bar.
@Suite("Incremental S/R provider equals the reference (SR-02)")
struct SRIncrementalProviderTests {
  /// A small window (evictions on every bar once 60 closes exist).
  static let small: SRConstants = {
    var k = SRConstants.v1
    k.window = 60
    k.minBars = 50
    return k
  }()

  /// Bars (from 0) where incremental and reference refreshes differ, after
  /// feeding `closes` one by one; the reference sees the last ≤ window.
  static func mismatches(_ closes: [Double], constants k: SRConstants) -> [Int] {
    var provider = SRIncrementalProvider(constants: k)
    var bad = [Int]()
    for i in closes.indices {
      provider.append(closes[i])
      let window = closes[Swift.max(0, i + 1 - k.window)...i]
      if provider.refresh() != SRProvider.refresh(closes: window, constants: k) { bad.append(i) }
    }
    return bad
  }

  /// How many of the reference refreshes over `closes` produce levels (to
  /// show a case exercises both outcomes).
  static func updates(_ closes: [Double], constants k: SRConstants) -> Int {
    closes.indices.filter {
      SRProvider.refresh(closes: closes[Swift.max(0, $0 + 1 - k.window)...$0], constants: k) != nil
    }.count
  }

  /// A seeded random walk of `count` closes; `tick > 0` rounds to multiples
  /// of it so equal closes (ties) are frequent.
  static func walk(count: Int, seed: UInt64, tick: Double = 0) -> [Double] {
    var rng = SeededLCG(state: seed)
    var p = 100.0
    return (0..<count).map { _ in
      p *= 1 + Double.random(in: -0.02...0.02, using: &rng)
      p = Swift.max(p, 1)
      return tick > 0 ? Swift.max(tick, (p / tick).rounded() * tick) : p
    }
  }

  /// Integer closes in `90…120`: ties everywhere and centres exactly at the
  /// 6 % cluster boundary (e.g. 100 and 106).
  static func integerTies(count: Int, seed: UInt64) -> [Double] {
    var rng = SeededLCG(state: seed)
    return (0..<count).map { _ in Double(Int.random(in: 90...120, using: &rng)) }
  }

  /// Flat at 100 with an up-spike every `period` bars and no swing low, so
  /// the swing-high count hovers around `minSwings` in a small window.
  static func sparseSpikes(count: Int, period: Int) -> [Double] {
    (0..<count).map { $0 % period == 0 ? 103 : 100 }
  }

  @Test("Hourly BTC file: equal at every bar (window 1000)")
  func hourly() {
    #expect(Self.mismatches(RealBars.hourly.map(\.close), constants: .v1) == [])
  }

  @Test("Daily BTC file: equal at every bar, window 1000 and window 60")
  func daily() {
    let closes = RealBars.daily.map(\.close)
    #expect(Self.mismatches(closes, constants: .v1) == [])
    #expect(Self.mismatches(closes, constants: Self.small) == [])
  }

  @Test("Hourly BTC file, window 60 / min bars 50: equal at every bar")
  func hourlySmallWindow() {
    let closes = Array(RealBars.hourly.map(\.close).prefix(8000))
    #expect(Self.mismatches(closes, constants: Self.small) == [])
  }

  @Test("Seeded random walks, plain and tick-rounded (ties)", arguments: [1, 2, 3] as [UInt64])
  func randomWalks(seed: UInt64) {
    for k in [SRConstants.v1, Self.small] {
      #expect(Self.mismatches(Self.walk(count: 2500, seed: seed), constants: k) == [])
      let ticks = Self.walk(count: 2500, seed: seed, tick: 0.5)
      #expect(Self.mismatches(ticks, constants: k) == [])
    }
  }

  @Test("Integer closes (exact ties, centres on the tolerance boundary)")
  func integerCloses() {
    for seed: UInt64 in [7, 8] {
      let closes = Self.integerTies(count: 2000, seed: seed)
      #expect(Self.mismatches(closes, constants: .v1) == [])
      #expect(Self.mismatches(closes, constants: Self.small) == [])
    }
  }

  @Test("Flat series: always nil, like the reference")
  func flat() {
    let closes = [Double](repeating: 100, count: 300)
    #expect(Self.mismatches(closes, constants: .v1) == [])
    #expect(Self.updates(closes, constants: .v1) == 0)
  }

  @Test("Sparse swings: the 'fewer than 3 highs and 3 lows' rule flips both ways")
  func sparseSwings() {
    let closes = Self.sparseSpikes(count: 1500, period: 20)
    let updates = Self.updates(closes, constants: Self.small)
    #expect(updates > 0 && updates < closes.count - 49)
    #expect(Self.mismatches(closes, constants: Self.small) == [])
    #expect(Self.mismatches(closes, constants: .v1) == [])
  }

  @Test("A JSON snapshot mid-series round-trips and continues identically")
  func snapshot() throws {
    let closes = RealBars.daily.map(\.close)
    for k in [SRConstants.v1, Self.small] {
      var live = SRIncrementalProvider(constants: k)
      for c in closes.prefix(1200) { live.append(c) }
      _ = live.refresh()
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let data = try encoder.encode(live)
      var resumed = try JSONDecoder().decode(SRIncrementalProvider.self, from: data)
      #expect(resumed == live)
      #expect(try encoder.encode(resumed) == data)
      for c in closes.dropFirst(1200) {
        live.append(c)
        resumed.append(c)
        #expect(resumed.refresh() == live.refresh())
      }
      #expect(resumed == live)
    }
  }
}
