/// The anchored VWAP of a window (TA-19, `TAPrimitives.avwap`) carried bar
/// by bar from the window's first bar, with its last values.
struct EDXRunningAvwap: Codable, Equatable, Sendable {
  /// Σ price · volume.
  private var pv = 0.0
  /// Σ volume.
  private var vs = 0.0
  /// The latest AVWAP value; nil before the first bar.
  private(set) var last: Double?
  /// The last values, for the slope.
  private(set) var tail = EDXTail()

  /// Folds in one bar; `keep` pushes the value into the tail.
  mutating func add(price: Double, volume: Double, keep: Bool, limit: Int) {
    let v = Swift.max(0, volume)
    if v > 0 {
      pv += price * v
      vs += v
      last = pv / vs
    } else {
      last = last ?? price
    }
    if keep, let last { tail.push(last, limit: limit) }
  }
}
