/// One support/resistance level (SR-01): a price and its raw strength
/// (counts and bonuses, SR-03), with the kind of rule that produced it.
public struct SRLevel: Sendable, Equatable, Codable {
  /// Where a level comes from (EVENTS §10 `SrKind`).
  public enum Kind: String, Sendable, Codable {
    /// A cluster of swing closes.
    case cluster
    /// The highest close of the window.
    case ath
    /// The lowest close of the window.
    case atl
    /// A Fibonacci retracement between ATL and ATH.
    case fibRetracement = "fib_retracement"
    /// A Fibonacci extension above the ATH.
    case fibExtension = "fib_extension"
  }

  /// Level price, > 0.
  public var price: Double
  /// Raw strength, ≥ 0 (1, 2, …, 10, 15, 25, 137 …).
  public var strength: Double
  /// The rule that produced it.
  public var kind: Kind

  /// A level from its fields.
  public init(price: Double, strength: Double, kind: Kind) {
    self.price = price
    self.strength = strength
    self.kind = kind
  }
}
