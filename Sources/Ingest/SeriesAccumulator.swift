/// The bars of one series collected while reading rows, before sorting,
/// timeframe inference, alignment and duplicate checks.
struct SeriesAccumulator {
  /// The series' symbol (`nil` for the plain format).
  var symbol: String?
  /// The header names of its columns, for messages.
  var names: FieldNames
  /// The bars that passed the row checks, in file order.
  var bars: [ParsedBar] = []
}
