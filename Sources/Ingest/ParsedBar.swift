/// One validated OHLCV bar read from a candle file.
///
/// Prices satisfy `0 < low <= open, close <= high`, volumes are finite and
/// non-negative, and `openTime` is aligned to the series' timeframe.
public struct ParsedBar: Sendable, Equatable {
  /// The bar's open time in milliseconds since the Unix epoch, UTC.
  public var openTime: Int64
  /// The first traded price of the bar.
  public var open: Double
  /// The highest traded price of the bar.
  public var high: Double
  /// The lowest traded price of the bar.
  public var low: Double
  /// The last traded price of the bar.
  public var close: Double
  /// The traded volume in the base asset (BTC for BTC/USD); `0` when the file
  /// has no volume column.
  public var volume: Double
  /// The traded volume in the quote currency (USD for BTC/USD), when the file
  /// provides it (the CryptoDataDownload `volume` column).
  public var quoteVolume: Double?
  /// The 1-based line of the source file the bar was read from.
  public var line: Int

  /// Creates a bar from its fields.
  public init(
    openTime: Int64, open: Double, high: Double, low: Double, close: Double,
    volume: Double, quoteVolume: Double? = nil, line: Int
  ) {
    self.openTime = openTime
    self.open = open
    self.high = high
    self.low = low
    self.close = close
    self.volume = volume
    self.quoteVolume = quoteVolume
    self.line = line
  }

  /// The instant the bar closes: `openTime + timeframe.milliseconds`, which is
  /// also the open time of the next bar (an exclusive end).
  public func closeTime(_ timeframe: Timeframe) -> Int64 {
    openTime + timeframe.milliseconds
  }

  /// Whether two bars carry the same market data (time, prices and volumes),
  /// ignoring the source line.
  func hasSameValues(as other: ParsedBar) -> Bool {
    openTime == other.openTime && open == other.open && high == other.high
      && low == other.low && close == other.close && volume == other.volume
      && quoteVolume == other.quoteVolume
  }
}
