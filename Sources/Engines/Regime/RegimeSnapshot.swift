/// The latest driver state of every (driver, timeframe) channel in log order
/// (regime-ae.md §4.7, D-12): what the calculator reads at a token's bar
/// close, each with the offset of its `UptrendState` (the A/E event's
/// causes) and its bar's close (the stale rule).
public struct RegimeSnapshot: Sendable, Equatable, Codable {
  /// One channel's latest evaluation.
  public struct Entry: Sendable, Equatable, Codable {
    /// The channel as the calculator reads it (status `present`).
    public var input: RegimeChannelInput
    /// Close of the evaluated driver bar, ms.
    public var barClose: Int64
    /// Offset of its `UptrendState` event.
    public var offset: UInt64
  }

  /// Entries by channel name (`BTC/1d`).
  public private(set) var entries: [String: Entry] = [:]

  /// An empty snapshot (every channel missing).
  public init() {}

  /// Records a driver's evaluated bar.
  public mutating func update(
    _ key: RegimeChannelKey, output o: UptrendBarOutput, offset: UInt64
  ) {
    let flags = RegimeChannelFlags(
      buySignal: o.flags.buySignal, buyFlag: o.flags.buyFlag, trimFlag: o.flags.trimFlag,
      firstDipBuyFlag: o.flags.firstDipBuyFlag)
    let input = RegimeChannelInput(
      key.driver, key.timeframe, o.state, prev: o.prevState, flags: flags,
      bootstrapped: o.bootstrapped)
    entries[key.name] = Entry(input: input, barClose: o.closeTime, offset: offset)
  }

  /// Records a channel read from elsewhere (a logged event).
  public mutating func set(_ entry: Entry) { entries[entry.input.key.name] = entry }

  /// The entry of a channel, if any.
  public func entry(_ key: RegimeChannelKey) -> Entry? { entries[key.name] }

  /// The channels a token of `bucket` reads at `time`, in key order, each
  /// marked stale once `time ≥ close + n × tf + grace(tf)` (D-12), with the
  /// offsets of the snapshots read, ascending.
  public func channels(
    at time: Int64, bucket: RegimeBucket, drivers d: RegimeConstants.Drivers
  ) -> (inputs: [RegimeChannelInput], offsets: [UInt64]) {
    var inputs: [RegimeChannelInput] = []
    var offsets: [UInt64] = []
    for cls in RegimeDriverClass.allCases {
      guard let driver = cls.driver(bucket: bucket) else { continue }
      for tf in RegimeTimeframe.allCases {
        guard let e = entries[RegimeChannelKey(driver: driver, timeframe: tf).name] else {
          continue
        }
        var input = e.input
        if Self.isStale(e, at: time, tf: tf, drivers: d) { input.status = .stale }
        inputs.append(input)
        offsets.append(e.offset)
      }
    }
    return (inputs, offsets.sorted())
  }

  /// D-12's stale rule.
  static func isStale(
    _ e: Entry, at time: Int64, tf: RegimeTimeframe, drivers d: RegimeConstants.Drivers
  ) -> Bool {
    let grace = Int64(tf.value(of: d.finalisationGraceMs))
    return time >= e.barClose + Int64(d.staleAfterTimeframes) * tf.lengthMs + grace
  }
}
