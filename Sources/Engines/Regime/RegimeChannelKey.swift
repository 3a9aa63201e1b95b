/// Identity of a regime channel: a driver on a regime timeframe
/// (regime-ae.md §1.1). Sorts in driver order, then timeframe order.
public struct RegimeChannelKey: Codable, Sendable, Hashable, Comparable {
  /// The driver.
  public var driver: RegimeDriver
  /// The regime timeframe.
  public var timeframe: RegimeTimeframe

  /// A key from its driver and timeframe.
  public init(driver: RegimeDriver, timeframe: RegimeTimeframe) {
    self.driver = driver
    self.timeframe = timeframe
  }

  /// Driver order first, then timeframe order (the fixed order of D-13's sums).
  public static func < (a: Self, b: Self) -> Bool {
    (a.driver.order, a.timeframe.order) < (b.driver.order, b.timeframe.order)
  }

  /// `<driver>/<tf>`, e.g. `BTC.d/1h`: the stream suffix and the form listed
  /// in `stale_channels`.
  public var name: String { "\(driver.rawValue)/\(timeframe.rawValue)" }
}
