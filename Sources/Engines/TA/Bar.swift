/// One closed bar of a series as the engines see it (TA-01): the candle's
/// prices and volumes, indexed by its open time. Only valid bars (finite,
/// positive prices, TA-02) reach an engine.
public struct Bar: Sendable, Equatable, Codable {
  /// Open time, ms UTC (the event's close minus the timeframe).
  public var openTime: Int64
  /// Open price.
  public var open: Double
  /// High price.
  public var high: Double
  /// Low price.
  public var low: Double
  /// Close price, the bar's price `P`.
  public var close: Double
  /// Volume in base units (0 for dominance drivers).
  public var volume: Double
  /// Volume in quote units when the source gave it.
  public var quoteVolume: Double?

  /// A bar from its fields.
  public init(
    openTime: Int64, open: Double, high: Double, low: Double, close: Double, volume: Double = 0,
    quoteVolume: Double? = nil
  ) {
    self.openTime = openTime
    self.open = open
    self.high = high
    self.low = low
    self.close = close
    self.volume = volume
    self.quoteVolume = quoteVolume
  }

  /// The volume TA reads (D-14): the quote (USD) volume, else close × volume;
  /// negative read as 0 (TA-02).
  public var usdVolume: Double { Swift.max(0, quoteVolume ?? close * volume) }
}
