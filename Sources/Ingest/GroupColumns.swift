/// The column indices of one instrument's values in a row, as plain integers
/// (`-1` for an absent volume column) so the row loop copies no references.
struct GroupColumns {
  var open: Int
  var high: Int
  var low: Int
  var close: Int
  var volume: Int
  var quoteVolume: Int

  init(_ group: ColumnGroup) {
    open = group.open
    high = group.high
    low = group.low
    close = group.close
    volume = group.volume ?? -1
    quoteVolume = group.quoteVolume ?? -1
  }
}
