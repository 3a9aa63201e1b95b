/// A regime period not yet finalised and the inputs it has collected, in
/// arrival (log) order.
public struct RegimePendingPeriod: Sendable, Equatable, Codable {
  /// When it is finalised.
  public var key: RegimeDueKey
  /// Candles (by stream), dominance samples (stream = the driver) or
  /// emitted 1m bars (stream = the driver).
  public var inputs: [CompositeComponent]
}
