/// A regime driver series (regime-ae.md §1.1, EVENTS §10 `Driver`): the text
/// is the wire and JSON form. Eight drivers exist; a token reads five of them.
public enum RegimeDriver: String, Codable, Sendable, CaseIterable, Comparable {
  /// Bitcoin price.
  case btc = "BTC"
  /// Composite of SOL, ETH, BNB, HYPE.
  case alt = "ALT"
  /// Bucket composite, cap < $10M.
  case nano
  /// Bucket composite, $10M ≤ cap < $50M.
  case small
  /// Bucket composite, $50M ≤ cap < $200M.
  case mid
  /// Bucket composite, cap ≥ $200M.
  case big
  /// BTC share of total crypto market cap, percent.
  case btcd = "BTC.d"
  /// USDT share of total crypto market cap, percent.
  case usdtd = "USDT.d"

  /// The class whose weight the driver takes (§1.1).
  public var driverClass: RegimeDriverClass {
    switch self {
    case .btc: .btc
    case .alt: .alt
    case .nano, .small, .mid, .big: .bucket
    case .btcd: .btcd
    case .usdtd: .usdtd
    }
  }

  /// Position in declaration order (BTC, ALT, nano … big, BTC.d, USDT.d), a
  /// fixed order for sorting inputs.
  public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// Orders drivers by declaration order.
  public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}
