/// An EMA of a window's closes seeded at the window's first close, carried
/// bar by bar with exactly `TAPrimitives.ema`'s operations (TA-10).
struct EDXRunningEma: Codable, Equatable, Sendable {
  /// The EMA span.
  let span: Int
  /// The latest EMA value (meaningless before the first close).
  private(set) var value = 0.0
  /// The last values, for the slopes.
  private(set) var tail = EDXTail()

  /// An EMA of span `span` with no values yet.
  init(span: Int) { self.span = span }

  /// Folds in close `x`; `first` seeds the EMA; `keep` pushes the value into the tail.
  mutating func add(_ x: Double, first: Bool, keep: Bool, limit: Int) {
    if first {
      value = x
    } else {
      let alpha = 2.0 / (Double(span) + 1.0)
      value = alpha * x + (1.0 - alpha) * value
    }
    if keep { tail.push(value, limit: limit) }
  }
}
