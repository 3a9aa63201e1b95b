/// A token's five intent metrics (regime-ae.md §2.5, §5.2), nominally in
/// [0, 1]; missing components are 0. Not validated or clamped (§5.1).
public struct IntentMetrics: Codable, Sendable, Equatable {
  /// High-conviction buy intent.
  public var hiBuy: Double
  /// Medium buy intent.
  public var medBuy: Double
  /// Profit-taking intent.
  public var profit: Double
  /// Sell-signal intent.
  public var sell: Double
  /// Mockery intent.
  public var mock: Double

  /// Metrics from their components; each defaults to 0.
  public init(
    hiBuy: Double = 0, medBuy: Double = 0, profit: Double = 0, sell: Double = 0, mock: Double = 0
  ) {
    self.hiBuy = hiBuy
    self.medBuy = medBuy
    self.profit = profit
    self.sell = sell
    self.mock = mock
  }

  /// No intents.
  public static let none = IntentMetrics()

  /// JSON keys of §2.5 and EVENTS §8.3.
  enum CodingKeys: String, CodingKey {
    case profit, sell, mock
    case hiBuy = "hi_buy"
    case medBuy = "med_buy"
  }
}
