/// A run of missing bars in a series: consecutive bars further apart than the
/// timeframe.
///
/// Gaps are warnings, never filled: the importer does not invent bars.
public struct Gap: Sendable, Equatable, CustomStringConvertible {
  /// The open time (ms since the epoch, UTC) of the first missing bar.
  public var firstMissingOpen: Int64
  /// The open time (ms since the epoch, UTC) of the last missing bar.
  public var lastMissingOpen: Int64
  /// How many bars are missing (`1` when a single bar is missing).
  public var missingBars: Int

  /// Creates a gap from its span.
  public init(firstMissingOpen: Int64, lastMissingOpen: Int64, missingBars: Int) {
    self.firstMissingOpen = firstMissingOpen
    self.lastMissingOpen = lastMissingOpen
    self.missingBars = missingBars
  }

  /// The span in ISO 8601, e.g. `12 missing bars 2019-03-20T00:00:00Z … 2019-03-31T00:00:00Z`.
  public var description: String {
    let first = UTCTime.iso8601(firstMissingOpen)
    if missingBars == 1 { return "1 missing bar \(first)" }
    return "\(missingBars) missing bars \(first) … \(UTCTime.iso8601(lastMissingOpen))"
  }
}
