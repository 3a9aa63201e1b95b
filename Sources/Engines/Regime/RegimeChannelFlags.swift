/// The four engine flags of a driver channel the calculator reads
/// (regime-ae.md §1.4, §2.2); missing flags are false.
public struct RegimeChannelFlags: Codable, Sendable, Equatable {
  /// The S1 buy signal.
  public var buySignal: Bool
  /// The buy flag (S2 retest, S3 DX buy).
  public var buyFlag: Bool
  /// The trim flag.
  public var trimFlag: Bool
  /// The S3 first-dip buy flag.
  public var firstDipBuyFlag: Bool

  /// Flags from their values; each defaults to false.
  public init(
    buySignal: Bool = false, buyFlag: Bool = false, trimFlag: Bool = false,
    firstDipBuyFlag: Bool = false
  ) {
    self.buySignal = buySignal
    self.buyFlag = buyFlag
    self.trimFlag = trimFlag
    self.firstDipBuyFlag = firstDipBuyFlag
  }

  /// No flag set.
  public static let none = RegimeChannelFlags()

  /// "buy" of the flag table: `buy_signal OR buy_flag`, whatever the state (§4.1).
  public var buy: Bool { buySignal || buyFlag }

  /// JSON keys of the engine payload (§2.2).
  enum CodingKeys: String, CodingKey {
    case buySignal = "buy_signal"
    case buyFlag = "buy_flag"
    case trimFlag = "trim_flag"
    case firstDipBuyFlag = "first_dip_buy_flag"
  }
}
