/// A token's regime market-cap bucket (D-4, regime-ae.md §3.4.1, EVENTS §10
/// `RegimeBucket`): it picks the token's bucket driver (§4.6). `unknown`
/// (no market cap, or a negative one) means no bucket driver at all.
public enum RegimeBucket: String, Codable, Sendable, CaseIterable {
  /// No known market cap: the three bucket channels contribute nothing.
  case unknown
  /// Cap < $10M.
  case nano
  /// $10M ≤ cap < $50M.
  case small
  /// $50M ≤ cap < $200M.
  case mid
  /// Cap ≥ $200M.
  case big

  /// The bucket of a market cap under the formula set's half-open bounds;
  /// nil or negative caps are `unknown` (D-4).
  public init(marketCapUsd cap: Double?, bounds: RegimeConstants.RegimeBuckets) {
    guard let cap, cap >= 0 else {
      self = .unknown
      return
    }
    if cap >= bounds.bigFrom {
      self = .big
    } else if cap >= bounds.midFrom {
      self = .mid
    } else if cap >= bounds.smallFrom {
      self = .small
    } else {
      self = .nano
    }
  }

  /// The bucket driver a token of this bucket reads; nil for `unknown`.
  public var driver: RegimeDriver? {
    switch self {
    case .unknown: nil
    case .nano: .nano
    case .small: .small
    case .mid: .mid
    case .big: .big
    }
  }
}
