/// The columns that make up one instrument's bar in a row: the whole row for
/// the plain and CryptoDataDownload formats, one `SYM:` group in the wide one.
struct ColumnGroup: Sendable {
  /// The symbol named by the wide header, `nil` otherwise.
  var symbol: String?
  var open: Int
  var high: Int
  var low: Int
  var close: Int
  /// The base-asset volume column, if any (volume is 0 without one).
  var volume: Int?
  /// The quote-currency volume column, if any.
  var quoteVolume: Int?
  var names: FieldNames
}
