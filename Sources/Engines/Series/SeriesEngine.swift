/// Everything computed for one series, bar by bar (SM-02): streaming or
/// window TA, the S/R provider on its event-time cadence, and the Uptrend
/// Engine once `minHistoryBars` bars exist. The whole state is one value
/// (the `process` state cache stores it); no clock, no I/O.
public struct SeriesEngine: Sendable, Equatable, Codable {
  /// Bar length of the series' timeframe, ms.
  public let barMilliseconds: Int64
  /// Whether the series is a regime driver (its warm-up differs, §2.4).
  public let isDriver: Bool
  /// Bars the engine waits for before its first evaluation.
  public let minHistoryBars: Int
  /// Valid bars seen so far.
  public private(set) var barCount = 0
  private var ta: SeriesTA
  /// The S/R window state (swings, ATH/ATL), fed every bar, queried when due.
  private var sr: SRIncrementalProvider
  private var schedule: SRRefreshSchedule
  /// The S/R level set in force.
  public private(set) var levels: [SRLevel] = []
  /// The Uptrend Engine (its memory included).
  public private(set) var engine: UptrendEngine

  /// A fresh series under a formula set.
  public init(formula: FormulaSet, barMilliseconds: Int64, isDriver: Bool) {
    self.barMilliseconds = barMilliseconds
    self.isDriver = isDriver
    let c = formula.constants
    minHistoryBars = c.uptrend.minHistoryBars(isDriver: isDriver, barMilliseconds: barMilliseconds)
    ta = SeriesTA(constants: c.ta)
    sr = SRIncrementalProvider(constants: c.sr)
    schedule = SRRefreshSchedule(constants: c.sr)
    engine = UptrendEngine(constants: c.uptrend, edxConstants: c.edx)
  }

  /// Levels recorded as source events (`injected` policy), in force from now.
  public mutating func inject(levels: [SRLevel]) { self.levels = levels }

  /// Folds in the next valid bar (TA-02: the caller drops invalid ones).
  public mutating func step(_ bar: Bar) -> SeriesStep {
    let t = barCount
    let closeTime = bar.openTime + barMilliseconds
    let snapshot = ta.update(bar)
    sr.append(bar.close)
    var refresh: SRRefresh?
    if schedule.shouldRefresh(closeTime: closeTime, timeframeMs: barMilliseconds),
      let r = sr.refresh()
    {
      refresh = r
      levels = r.levels
    }
    var record: UptrendBarOutput?
    if t + 1 >= minHistoryBars {
      record = engine.step(
        barIndex: t, bar: bar, closeTime: closeTime, ta: snapshot, levels: levels)
    }
    barCount += 1
    return SeriesStep(ta: snapshot, srRefresh: refresh, uptrend: record)
  }
}
