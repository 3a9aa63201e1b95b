/// What one bar of a series produced: its TA, the S/R refresh when one
/// happened and produced levels, and the engine's record once warmed up.
public struct SeriesStep: Sendable, Equatable {
  /// TA of the bar (every valid bar).
  public var ta: TASnapshot
  /// The refresh made on this bar, if it produced levels.
  public var srRefresh: SRRefresh?
  /// The engine's record (nil during warm-up).
  public var uptrend: UptrendBarOutput?
}
