/// The five driver classes a token's A/E reads, in accumulation order
/// (regime-ae.md §1.1, §4.4): BTC, ALT, the token's own bucket, BTC.d, USDT.d.
/// Each class has one driver weight in the formula set.
public enum RegimeDriverClass: String, Codable, Sendable, CaseIterable, Comparable {
  /// Bitcoin price.
  case btc = "BTC"
  /// The ALT composite.
  case alt = "ALT"
  /// The token's own market-cap bucket composite (nano, small, mid or big).
  case bucket = "BUCKET"
  /// BTC dominance (inverted by its negative weight, §4.5).
  case btcd = "BTC.d"
  /// USDT dominance (inverted by its negative weight, §4.5).
  case usdtd = "USDT.d"

  /// Position in the §4.4 accumulation order.
  public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// Orders classes as §4.4 sums them.
  public static func < (a: Self, b: Self) -> Bool { a.order < b.order }

  /// The class's driver weight `w_drv` from the formula set (§4.1).
  public func weight(in weights: RegimeConstants.DriverWeights) -> Double {
    switch self {
    case .btc: weights.btc
    case .alt: weights.alt
    case .bucket: weights.bucket
    case .btcd: weights.btcd
    case .usdtd: weights.usdtd
    }
  }

  /// The driver of this class a token of `bucket` reads; the bucket class
  /// has none for an `unknown` bucket (§4.6, D-4).
  public func driver(bucket: RegimeBucket) -> RegimeDriver? {
    switch self {
    case .btc: .btc
    case .alt: .alt
    case .bucket: bucket.driver
    case .btcd: .btcd
    case .usdtd: .usdtd
    }
  }
}
