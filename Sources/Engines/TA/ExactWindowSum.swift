/// The correctly rounded sum of a sliding window of doubles, kept exactly:
/// Shewchuk partials to which each value entering is added and each value
/// leaving is added negated (both exact), so the rounded result equals
/// `ExactSum.sum` of the window's values (a correctly rounded sum is unique)
/// at O(partials) per step instead of O(window).
public struct ExactWindowSum: Sendable, Equatable, Codable {
  private var partials: [Double] = []

  /// An empty sum.
  public init() {}

  /// Adds `x` exactly.
  public mutating func add(_ x: Double) {
    var x = x
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
  }

  /// Removes a value added earlier, exactly.
  public mutating func remove(_ x: Double) { add(-x) }

  /// The sum, correctly rounded.
  public var value: Double { ExactSum.sum(partials) }
}
