/// What one `ledgerd process` run did.
public struct ProcessReport: Sendable, Equatable {
  /// The formula set the derived events are stamped with.
  public var formulaName: String
  /// Its stamp.
  public var formulaStamp: UInt64
  /// The run appended the set's `FormulaSetDefined`.
  public var definedFormula = false
  /// The run resumed from the state cache.
  public var resumedFromCache = false
  /// Candles newly processed.
  public var candlesProcessed = 0
  /// Candles recomputed (already processed by an earlier run, no cache).
  public var candlesRecomputed = 0
  /// Series seen.
  public var seriesCount = 0
  /// Events appended by type wire name, sorted by name.
  public var appended: [(type: String, count: Int)] = []
  /// First offset appended, and one past the last.
  public var appendedRange: Range<UInt64> = 0..<0

  public static func == (a: ProcessReport, b: ProcessReport) -> Bool {
    a.formulaName == b.formulaName && a.formulaStamp == b.formulaStamp
      && a.definedFormula == b.definedFormula && a.resumedFromCache == b.resumedFromCache
      && a.candlesProcessed == b.candlesProcessed && a.candlesRecomputed == b.candlesRecomputed
      && a.seriesCount == b.seriesCount && a.appendedRange == b.appendedRange
      && a.appended.map(\.type) == b.appended.map(\.type)
      && a.appended.map(\.count) == b.appended.map(\.count)
  }
}
