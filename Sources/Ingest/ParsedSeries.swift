/// The validated bars of one instrument in a candle file.
public struct ParsedSeries: Sendable, Equatable {
  /// The base asset (`BTC`), or `nil` for the plain format, whose files carry
  /// no symbol (the caller names the stream).
  public var symbol: String?
  /// The bar duration, as given by the caller or inferred from the bar spacing.
  public var timeframe: Timeframe
  /// The bars in ascending, unique open-time order.
  public var bars: [ParsedBar]
  /// How many rows repeated an earlier row exactly (same time, same values) and
  /// were skipped.
  public var duplicates: Int
  /// The runs of missing bars, in time order.
  public var gaps: [Gap]

  /// Creates a series from its parts.
  public init(
    symbol: String?, timeframe: Timeframe, bars: [ParsedBar], duplicates: Int = 0,
    gaps: [Gap] = []
  ) {
    self.symbol = symbol
    self.timeframe = timeframe
    self.bars = bars
    self.duplicates = duplicates
    self.gaps = gaps
  }
}
