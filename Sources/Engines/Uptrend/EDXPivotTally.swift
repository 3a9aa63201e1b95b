/// SC-32's running count over a window's zigzag pivots, in pivot order:
/// how many pivots compare with the previous one of their kind and how many
/// of those closed higher. Folding pivots one by one equals the batch loop.
struct EDXPivotTally: Codable, Equatable, Sendable {
  /// Pivots folded.
  private(set) var pivots = 0
  /// Pivots with a previous pivot of their kind.
  private var total = 0
  /// Of those, the ones whose close is higher.
  private var higher = 0
  /// Close of the last high pivot.
  private var lastHigh: Double?
  /// Close of the last low pivot.
  private var lastLow: Double?

  /// Folds in one pivot whose bar closed at `c`.
  mutating func fold(_ kind: Zigzag.Pivot.Kind, close c: Double) {
    pivots += 1
    let previous = kind == .high ? lastHigh : lastLow
    if let previous {
      total += 1
      if c > previous { higher += 1 }
    }
    if kind == .high { lastHigh = c } else { lastLow = c }
  }

  /// SC-32's score: share of lower pivots, neutral with too few pivots or
  /// no comparison.
  func score(minPivots: Int, neutral: Double) -> Double {
    if pivots < minPivots { return neutral }
    if total == 0 { return neutral }
    return 1 - Double(higher) / Double(total)
  }
}
