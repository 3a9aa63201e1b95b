/// The outcome of one successful S/R refresh (SR-02): the level set the
/// engine reads until the next refresh, and the swing counts for diagnostics.
public struct SRRefresh: Sendable, Equatable, Codable {
  /// Up to `keep` levels, price descending; equal prices keep their rank order.
  public var levels: [SRLevel]
  /// Swing highs found in the window (step 2).
  public var swingHighs: Int
  /// Swing lows found in the window (step 2).
  public var swingLows: Int

  /// A refresh from its fields.
  public init(levels: [SRLevel], swingHighs: Int, swingLows: Int) {
    self.levels = levels
    self.swingHighs = swingHighs
    self.swingLows = swingLows
  }
}

/// The canonical S/R geometry provider (engines-ta-uptrend.md §4.2, SR-02):
/// swing clusters, ATH/ATL and Fibonacci levels from closes alone, in a
/// defined order so replays are bit-identical (DET-23).
public enum SRProvider {
  /// One refresh over the window's closes, oldest first (the caller passes
  /// the last ≤ `window` valid closes ending at the refresh bar; only the
  /// last `window` are read). `nil` means "no update": keep the previous set.
  public static func refresh<C: RandomAccessCollection>(closes: C, constants k: SRConstants)
    -> SRRefresh?
  where C.Element == Double {
    let c = Array(closes.suffix(k.window))
    guard c.count >= k.minBars, let last = c.last else { return nil }
    let swings = swingCloses(c, constants: k)
    guard swings.highs.count >= k.minSwings || swings.lows.count >= k.minSwings else {
      return nil
    }
    let clusters = topClusters(of: swings.highs + swings.lows, constants: k)
    let (ath, atl) = extremes(c)
    return assemble(
      clusters: clusters, ath: ath, atl: atl, lastClose: last,
      swingCounts: (swings.highs.count, swings.lows.count), constants: k)
  }

  /// Steps 5–7 from step 4's kept clusters: ATH/ATL, Fibonacci levels, the
  /// final ranking and price order. Shared with `SRIncrementalProvider`, which
  /// reaches the same clusters and extremes without rescanning the window.
  static func assemble(
    clusters: [SRLevel], ath: Double, atl: Double, lastClose last: Double,
    swingCounts: (highs: Int, lows: Int), constants k: SRConstants
  ) -> SRRefresh {
    var base = clusters
    base.append(SRLevel(price: ath, strength: k.extremeStrength, kind: .ath))
    base.append(SRLevel(price: atl, strength: k.extremeStrength, kind: .atl))
    let fibs = fibonacciLevels(ath: ath, atl: atl, lastClose: last, base: base, constants: k)
    let kept = ranked(base + fibs).prefix(k.keep)
    return SRRefresh(
      levels: priceDescending(Array(kept)), swingHighs: swingCounts.highs,
      swingLows: swingCounts.lows)
  }

  /// Step 2: the closes of swing highs and swing lows, in index order.
  static func swingCloses(_ c: [Double], constants k: SRConstants) -> (
    highs: [Double], lows: [Double]
  ) {
    var highs = [Double]()
    var lows = [Double]()
    let h = k.patternHalfWidth
    for i in stride(from: h, to: c.count - h, by: 1) {
      let (isHigh, isLow) = swingKind(c, at: i, constants: k)
      if isHigh { highs.append(c[i]) }
      if isLow { lows.append(c[i]) }
    }
    return (highs, lows)
  }

  /// Whether `c[i]` is a swing high / low: strictly beyond its `2h`
  /// neighbours and prominent by at least `swingProminencePercent`.
  static func swingKind(_ c: [Double], at i: Int, constants k: SRConstants) -> (
    high: Bool, low: Bool
  ) {
    let p = c[i]
    var above = true
    var below = true
    var lo = p
    var hi = p
    for j in (i - k.patternHalfWidth)...(i + k.patternHalfWidth) where j != i {
      above = above && p > c[j]
      below = below && p < c[j]
      lo = Swift.min(lo, c[j])
      hi = Swift.max(hi, c[j])
    }
    let high = above && (p - lo) / p * 100 >= k.swingProminencePercent
    let low = below && (hi - p) / p * 100 >= k.swingProminencePercent
    return (high, low)
  }

  /// Step 4: first-centre clustering of the swing closes sorted ascending,
  /// ranked, the first `topClusters` kept.
  static func topClusters(of swings: [Double], constants k: SRConstants) -> [SRLevel] {
    var centres = [Double]()
    var counts = [Int]()
    for p in swings.sorted() {
      if let j = centres.firstIndex(where: { abs(p - $0) / $0 <= k.clusterTolerance }) {
        centres[j] = (centres[j] * Double(counts[j]) + p) / Double(counts[j] + 1)
        counts[j] += 1
      } else {
        centres.append(p)
        counts.append(1)
      }
    }
    let levels = zip(centres, counts).map {
      SRLevel(price: $0.0, strength: Double($0.1), kind: .cluster)
    }
    return Array(ranked(levels).prefix(k.topClusters))
  }

  /// Step 5: the highest and lowest close.
  static func extremes(_ c: [Double]) -> (ath: Double, atl: Double) {
    var ath = c[0]
    var atl = c[0]
    for p in c {
      if p > ath { ath = p }
      if p < atl { atl = p }
    }
    return (ath, atl)
  }

  /// Step 6: retracements, then extensions strictly above the last close,
  /// each with its bonus from the closest level of `base`.
  static func fibonacciLevels(
    ath: Double, atl: Double, lastClose: Double, base: [SRLevel], constants k: SRConstants
  ) -> [SRLevel] {
    let range = ath - atl
    var out = [SRLevel]()
    for r in k.fibRetracements {
      let price = ath - r * range
      out.append(fibLevel(price, kind: .fibRetracement, base: base, constants: k))
    }
    for e in k.fibExtensions {
      let price = atl + e * range
      if price > lastClose {
        out.append(fibLevel(price, kind: .fibExtension, base: base, constants: k))
      }
    }
    return out
  }

  /// A Fibonacci level at `price`: base strength plus the closest level's bonus.
  static func fibLevel(
    _ price: Double, kind: SRLevel.Kind, base: [SRLevel], constants k: SRConstants
  ) -> SRLevel {
    SRLevel(
      price: price, strength: k.fibBaseStrength + bonus(at: price, base: base, constants: k),
      kind: kind)
  }

  /// The bonus of step 6: full strength of the closest level (first wins on
  /// equal distance) under `fullBonusPercent`, half (floored) under
  /// `halfBonusPercent`, else 0.
  static func bonus(at fib: Double, base: [SRLevel], constants k: SRConstants) -> Double {
    guard var closest = base.first else { return 0 }
    for level in base.dropFirst() where abs(level.price - fib) < abs(closest.price - fib) {
      closest = level
    }
    let d = abs(closest.price - fib) / fib * 100
    if d < k.fullBonusPercent { return closest.strength }
    if d < k.halfBonusPercent { return (closest.strength / 2).rounded(.down) }
    return 0
  }

  /// Stable sort by strength descending, then `|price|` ascending.
  static func ranked(_ levels: [SRLevel]) -> [SRLevel] {
    stableSorted(levels) { a, b in
      a.strength != b.strength ? a.strength > b.strength : abs(a.price) < abs(b.price)
    }
  }

  /// Stable sort by price descending (equal prices keep their rank order).
  static func priceDescending(_ levels: [SRLevel]) -> [SRLevel] {
    stableSorted(levels) { $0.price > $1.price }
  }

  /// A sort that is stable by construction: ties fall back to the position.
  static func stableSorted(_ levels: [SRLevel], by before: (SRLevel, SRLevel) -> Bool)
    -> [SRLevel]
  {
    levels.enumerated().sorted { a, b in
      if before(a.element, b.element) { return true }
      if before(b.element, a.element) { return false }
      return a.offset < b.offset
    }.map(\.element)
  }
}
