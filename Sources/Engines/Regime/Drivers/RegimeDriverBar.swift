/// One finalised bar of a regime driver series (regime-ae.md §2.1, EVENTS
/// §8.3 `RegimeBar`): the payload of a `RegimeBar` event, the series it
/// belongs to and the log records it was made from.
public struct RegimeDriverBar: Sendable, Equatable, Codable {
  /// The driver.
  public var driver: RegimeDriver
  /// Its timeframe.
  public var timeframe: RegimeTimeframe
  /// Prices and volume; `openTime` is the period start.
  public var bar: Bar
  /// How the bar was made.
  public var source: RegimeBarSource
  /// Composites: contributors with a bar in the period.
  public var componentCount: Int?
  /// Buckets: members considered before the top-N cut.
  public var memberCount: Int?
  /// Component streams used, in summation order.
  public var contributors: [String]
  /// Chain-linked composites: no contributor in common with the previous
  /// bar, so the level carried over (D-12).
  public var chainBroken: Bool
  /// Log offsets of the records the bar was made from, ascending, unique.
  public var causes: [UInt64]

  /// A bar from its fields.
  public init(
    driver: RegimeDriver, timeframe: RegimeTimeframe, bar: Bar, source: RegimeBarSource,
    componentCount: Int? = nil, memberCount: Int? = nil, contributors: [String] = [],
    chainBroken: Bool = false, causes: [UInt64] = []
  ) {
    self.driver = driver
    self.timeframe = timeframe
    self.bar = bar
    self.source = source
    self.componentCount = componentCount
    self.memberCount = memberCount
    self.contributors = contributors
    self.chainBroken = chainBroken
    self.causes = Array(Set(causes)).sorted()
  }

  /// The event time: period start + tf (EVENTS §4.1).
  public var closeTime: Int64 { bar.openTime + timeframe.lengthMs }

  /// The driver series' stream, `regime/<driver>/<tf>`.
  public var stream: String { Self.stream(driver, timeframe) }

  /// `regime/<driver>/<tf>`.
  public static func stream(_ driver: RegimeDriver, _ tf: RegimeTimeframe) -> String {
    "regime/\(driver.rawValue)/\(tf.rawValue)"
  }

  /// The bar the driver's TA reads: a composite's volume is already USD, so
  /// it is also the quote volume (D-14 reads quote volume first).
  public var taBar: Bar {
    var b = bar
    if source == .composite { b.quoteVolume = b.volume }
    return b
  }
}
