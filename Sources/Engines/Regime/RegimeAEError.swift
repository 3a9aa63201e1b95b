/// Why the calculator refused its inputs: the snapshot must hold at most
/// one snapshot per channel, or the result would depend on input order.
public enum RegimeAEError: Error, Sendable, Equatable {
  /// Two inputs name the same (driver, timeframe).
  case duplicateChannel(RegimeChannelKey)
}
