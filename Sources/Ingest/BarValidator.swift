/// The price and volume rules every bar must satisfy.
enum BarValidator {
  /// The first rule the values break, as the offending field and the reason,
  /// or `nil` when the bar is valid. Values are already known to be finite.
  static func violation(
    open: Double, high: Double, low: Double, close: Double, volume: Double, quoteVolume: Double?,
    names: FieldNames
  ) -> (field: String, reason: String)? {
    if !(open > 0) { return (names.open, "must be > 0, got \(open)") }
    if !(high > 0) { return (names.high, "must be > 0, got \(high)") }
    if !(low > 0) { return (names.low, "must be > 0, got \(low)") }
    if !(close > 0) { return (names.close, "must be > 0, got \(close)") }
    if volume < 0 { return (names.volume, "must be >= 0, got \(volume)") }
    if let quoteVolume, quoteVolume < 0 {
      return (names.quoteVolume, "must be >= 0, got \(quoteVolume)")
    }
    if high < low { return (names.high, "high \(high) < low \(low)") }
    if open < low || open > high {
      return (names.open, "open \(open) outside [low \(low), high \(high)]")
    }
    if close < low || close > high {
      return (names.close, "close \(close) outside [low \(low), high \(high)]")
    }
    return nil
  }
}
