/// A running exact sum (Shewchuk's non-overlapping partials, as `ExactSum`)
/// and count, so the mean of a growing window is the correctly rounded one
/// `TAPrimitives.exactMean` gives over the whole window (DET-21).
struct EDXExactAccumulator: Codable, Equatable, Sendable {
  /// Non-overlapping partials whose exact sum is the exact sum of the values.
  private var partials: [Double] = []
  /// Number of values added.
  private(set) var count = 0

  /// Adds `value` exactly.
  mutating func add(_ value: Double) {
    var x = value
    var kept = 0
    for j in 0..<partials.count {
      var y = partials[j]
      if abs(x) < abs(y) { swap(&x, &y) }
      let hi = x + y
      let lo = y - (hi - x)
      if lo != 0 {
        partials[kept] = lo
        kept += 1
      }
      x = hi
    }
    partials.removeSubrange(kept...)
    partials.append(x)
    count += 1
  }

  /// The exact sum correctly rounded, over the count; 0 when empty. Equal to
  /// `exactMean` of the values: both round the same exact real.
  var mean: Double {
    if count == 0 { return 0 }
    return ExactSum.sum(partials) / Double(count)
  }
}
