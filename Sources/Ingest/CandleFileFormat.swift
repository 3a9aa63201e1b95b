/// The layout of a candle CSV file, detected from its header.
public enum CandleFileFormat: String, Sendable, CaseIterable {
  /// A CryptoDataDownload export: an optional banner line, then
  /// `date,symbol,open,high,low,close,volume_<base>,volume`, newest first.
  case cryptoDataDownload
  /// Several assets side by side: `<date>,SYM:open,SYM:high,SYM:low,SYM:close,SYM:volume,…`.
  case wide
  /// One unnamed instrument: a time column, then `open,high,low,close[,volume]`.
  case plain
}
