/// The result of parsing one candle CSV file: its validated series and the rows
/// that were rejected.
public struct CandleFile: Sendable, Equatable {
  /// The file's name, used in every message.
  public var fileName: String
  /// The layout detected from the header.
  public var format: CandleFileFormat
  /// One series per symbol that has at least one valid bar, sorted by symbol.
  public var series: [ParsedSeries]
  /// The rejected rows in line order.
  public var rejections: [RowRejection]
  /// The number of data rows (non-blank lines after the header).
  public var rowCount: Int

  /// Creates a parse result from its parts.
  public init(
    fileName: String, format: CandleFileFormat, series: [ParsedSeries],
    rejections: [RowRejection], rowCount: Int
  ) {
    self.fileName = fileName
    self.format = format
    self.series = series
    self.rejections = rejections
    self.rowCount = rowCount
  }

  /// The series for `symbol` (`nil` selects the plain format's unnamed series).
  public func series(for symbol: String?) -> ParsedSeries? {
    series.first { $0.symbol == symbol }
  }

  /// One warning line per gap, e.g.
  /// `coinbase_btcusd_1d.csv: BTC 1d: 12 missing bars 2019-03-20T00:00:00Z … 2019-03-31T00:00:00Z`.
  public var warnings: [String] {
    series.flatMap { series in
      let name =
        series.symbol.map { "\($0) \(series.timeframe.rawValue)" } ?? series.timeframe.rawValue
      return series.gaps.map { "\(fileName): \(name): \($0)" }
    }
  }
}
