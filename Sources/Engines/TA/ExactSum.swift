/// Correctly rounded summation of doubles (Shewchuk's algorithm, as Python's
/// `math.fsum`), for the means the reference takes exactly (TA-20, DET-21).
public enum ExactSum {
  /// Non-overlapping partials of finite doubles never exceed about 40 (the
  /// exponent range over the mantissa width); this bounds the scratch space.
  static let maxPartials = 64

  /// The sum of `values`, correctly rounded to the nearest double.
  public static func sum<C: Collection>(_ values: C) -> Double where C.Element == Double {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: maxPartials) { partials in
      var n = 0
      for value in values {
        var x = value
        var kept = 0
        for j in 0..<n {
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
        precondition(kept < maxPartials, "exact sum: more partials than finite doubles allow")
        partials[kept] = x
        n = kept + 1
      }
      return roundPartials(UnsafeBufferPointer(rebasing: partials[0..<n]))
    }
  }

  /// Adds the non-overlapping partials from the top, with the half-way
  /// correction `math.fsum` applies.
  private static func roundPartials(_ partials: UnsafeBufferPointer<Double>) -> Double {
    var n = partials.count
    guard n > 0 else { return 0 }
    n -= 1
    var hi = partials[n]
    var lo = 0.0
    while n > 0 {
      let x = hi
      n -= 1
      let y = partials[n]
      hi = x + y
      let yr = hi - x
      lo = y - yr
      if lo != 0 { break }
    }
    if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
      let y = lo * 2
      let x = hi + y
      let yr = x - hi
      if y == yr { hi = x }
    }
    return hi
  }
}
