/// A running exact sum and count, so the mean of a growing window is the
/// correctly rounded one `TAPrimitives.exactMean` gives over the whole
/// window (DET-21): both round the same exact real.
struct EDXExactAccumulator: Codable, Equatable, Sendable {
  /// The exact sum of the values added.
  private var sum = ExactWindowSum()
  /// Number of values added.
  private(set) var count = 0

  /// Adds `value` exactly.
  mutating func add(_ value: Double) {
    sum.add(value)
    count += 1
  }

  /// The exact sum correctly rounded, over the count; 0 when empty.
  var mean: Double { count == 0 ? 0 : sum.value / Double(count) }
}
