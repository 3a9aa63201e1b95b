/// The last `limit` values of a growing series, oldest first: all the slopes
/// of EDX read (TA-11's `linSlope` over the last `slopeWindow` values), kept
/// so an incremental window need not hold its whole series.
struct EDXTail: Codable, Equatable, Sendable {
  /// The kept values, oldest first; at most `limit`.
  private(set) var values: [Double] = []

  /// Appends `x`, dropping the oldest value beyond `limit`.
  mutating func push(_ x: Double, limit: Int) {
    values.append(x)
    if values.count > limit { values.removeFirst(values.count - limit) }
  }

  /// The newest value.
  var last: Double? { values.last }
}
