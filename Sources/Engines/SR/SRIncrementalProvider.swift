/// The S/R provider of SR-02 kept incrementally: fed every close, it holds
/// the window's decided swings (sorted), its ATH/ATL and the last few closes,
/// so a refresh only clusters the ~200 swing closes and builds the Fibonacci
/// levels instead of rescanning the whole window. `refresh()` equals
/// `SRProvider.refresh(closes: last ≤ window closes, constants:)` exactly
/// (the reference definition); the value is part of `SeriesEngine`'s
/// snapshot state.
public struct SRIncrementalProvider: Codable, Sendable, Equatable {
  /// The provider's constants.
  public let constants: SRConstants
  /// Closes fed so far; the next close gets this absolute index.
  public private(set) var closeCount = 0
  /// The last `2·patternHalfWidth + 1` closes (fewer at first), oldest first.
  private var recent: [Double] = []
  /// Decided swings whose neighbourhood lies in the window.
  private var swings = SRSwingWindow()
  /// The window's highest and lowest close.
  private var extremes = SRWindowExtremes()
  /// Reusable clustering buffers (not persisted).
  private var scratch = SRClusterScratch()

  /// A provider that has seen no close.
  public init(constants: SRConstants) { self.constants = constants }

  /// Closes in the current window (`min(closeCount, window)`).
  public var windowCount: Int { Swift.min(closeCount, constants.window) }

  /// Folds in the next close (every bar, refresh due or not).
  public mutating func append(_ close: Double) {
    let bar = SRIndexedClose(index: closeCount, close: close)
    closeCount += 1
    recent.append(close)
    if recent.count > 2 * constants.patternHalfWidth + 1 { recent.removeFirst() }
    extremes.append(bar)
    decideSwing()
    let windowStart = closeCount - windowCount
    extremes.evict(before: windowStart)
    swings.evict(before: windowStart + constants.patternHalfWidth)
  }

  /// Decides the candidate whose last neighbour just arrived (the middle of
  /// `recent`), with the reference's own swing test.
  private mutating func decideSwing() {
    let h = constants.patternHalfWidth
    guard recent.count == 2 * h + 1 else { return }
    let kind = SRProvider.swingKind(recent, at: h, constants: constants)
    let bar = SRIndexedClose(index: closeCount - 1 - h, close: recent[h])
    swings.append(SRSwing(bar: bar, isHigh: kind.high, isLow: kind.low))
  }

  /// The refresh over the current window: `nil` ("no update") under the
  /// same rules as `SRProvider.refresh` (too few bars; too few swings).
  public mutating func refresh() -> SRRefresh? {
    let k = constants
    guard windowCount >= k.minBars, let last = recent.last, let ath = extremes.ath,
      let atl = extremes.atl
    else { return nil }
    guard swings.highCount >= k.minSwings || swings.lowCount >= k.minSwings else { return nil }
    let clusters = scratch.topClusters(ofSorted: swings.sortedCloses, constants: k)
    return SRProvider.assemble(
      clusters: clusters, ath: ath, atl: atl, lastClose: last,
      swingCounts: (swings.highCount, swings.lowCount), constants: k)
  }
}
