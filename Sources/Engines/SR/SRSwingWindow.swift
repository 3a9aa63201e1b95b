/// The swings of a sliding window (step 2), kept as the window slides: each
/// swing enters once decided and leaves when its neighbourhood no longer
/// fits in the window. Also keeps every swing close (highs and lows, as the
/// multiset step 4 clusters) sorted ascending, so a refresh needs no sort.
struct SRSwingWindow: Codable, Sendable, Equatable {
  /// Live swings, bar index ascending.
  private var swings = SRSlidingDeque<SRSwing>()
  /// Live swing highs.
  private(set) var highCount = 0
  /// Live swing lows.
  private(set) var lowCount = 0
  /// Closes of live swing highs and lows, ascending (a bar both a high and a
  /// low would appear twice, as in `highs + lows`).
  private(set) var sortedCloses: [Double] = []

  /// Adds a decided swing (bar index above every live one); non-swings are
  /// ignored.
  mutating func append(_ swing: SRSwing) {
    guard swing.isHigh || swing.isLow else { return }
    swings.append(swing)
    if swing.isHigh {
      insertClose(swing.bar.close)
      highCount += 1
    }
    if swing.isLow {
      insertClose(swing.bar.close)
      lowCount += 1
    }
  }

  /// Drops every swing of a bar before `firstCandidate`, the first bar of
  /// the window that still has its full neighbourhood.
  mutating func evict(before firstCandidate: Int) {
    while let front = swings.first, front.bar.index < firstCandidate {
      swings.removeFirst()
      if front.isHigh {
        removeClose(front.bar.close)
        highCount -= 1
      }
      if front.isLow {
        removeClose(front.bar.close)
        lowCount -= 1
      }
    }
  }

  /// Inserts `close` keeping the order.
  private mutating func insertClose(_ close: Double) {
    sortedCloses.insert(close, at: firstPosition { $0 > close })
  }

  /// Removes one copy of `close`.
  private mutating func removeClose(_ close: Double) {
    let i = firstPosition { $0 >= close }
    precondition(i < sortedCloses.count && sortedCloses[i] == close, "swing close not held")
    sortedCloses.remove(at: i)
  }

  /// The first position of `sortedCloses` whose close satisfies `isPast`
  /// (a predicate monotone in the order), by binary search.
  private func firstPosition(where isPast: (Double) -> Bool) -> Int {
    var lo = 0
    var hi = sortedCloses.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if isPast(sortedCloses[mid]) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
