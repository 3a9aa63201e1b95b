/// The highest and lowest close of a sliding window (step 5's ATH/ATL),
/// kept with two monotonic queues: O(1) amortised per bar instead of a scan
/// of the whole window per refresh. Equal closes are the same value, so
/// which of them is kept does not matter.
struct SRWindowExtremes: Codable, Sendable, Equatable {
  /// Candidates for the maximum, closes strictly decreasing from the front.
  private var highs = SRSlidingDeque<SRIndexedClose>()
  /// Candidates for the minimum, closes strictly increasing from the front.
  private var lows = SRSlidingDeque<SRIndexedClose>()

  /// The window's highest close, nil before the first close.
  var ath: Double? { highs.first?.close }
  /// The window's lowest close, nil before the first close.
  var atl: Double? { lows.first?.close }

  /// Adds the close of bar `index`.
  mutating func append(_ value: SRIndexedClose) {
    while let back = highs.last, back.close <= value.close { highs.removeLast() }
    highs.append(value)
    while let back = lows.last, back.close >= value.close { lows.removeLast() }
    lows.append(value)
  }

  /// Drops every close of a bar before `windowStart`.
  mutating func evict(before windowStart: Int) {
    while let front = highs.first, front.index < windowStart { highs.removeFirst() }
    while let front = lows.first, front.index < windowStart { lows.removeFirst() }
  }
}
