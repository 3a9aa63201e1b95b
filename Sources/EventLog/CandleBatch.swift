/// Candles decoded straight from a batch into columns, without protobuf:
/// the fast path for engines and benchmarks. Row `i` has offset
/// `baseOffset + i`.
public struct CandleBatch: Sendable, Equatable {
  /// Offset of row 0.
  public var baseOffset: UInt64
  /// Distinct streams in order of first appearance.
  public var streams: [String]
  /// Per row: index into `streams`.
  public var streamIndex: [Int32] = []
  /// Per row: event time (the bar's close), ms UTC.
  public var eventTime: [Int64] = []
  /// Per row: payload schema version.
  public var schemaVersion: [UInt16] = []
  /// Per row: open.
  public var open: [Double] = []
  /// Per row: high.
  public var high: [Double] = []
  /// Per row: low.
  public var low: [Double] = []
  /// Per row: close.
  public var close: [Double] = []
  /// Per row: base volume.
  public var volume: [Double] = []
  /// Per row: quote volume, 0 where absent (see `hasQuoteVolume`).
  public var quoteVolume: [Double] = []
  /// Per row: which payload fields are written (bit k = field k + 1).
  public var presence: [UInt8] = []
  /// Distinct venues in order of first appearance.
  public var venues: [String] = []
  /// Per row: index into `venues`, −1 where absent.
  public var venueIndex: [Int32] = []

  /// Number of rows.
  public var count: Int { eventTime.count }

  /// Whether row `i` carries a quote volume.
  public func hasQuoteVolume(_ i: Int) -> Bool {
    presence[i] & CandlePayload.Field.quoteVolume != 0
  }

  /// The stream of row `i`.
  public func stream(at i: Int) -> String { streams[Int(streamIndex[i])] }

  /// The payload of row `i` as a value.
  public func candle(at i: Int) -> CandlePayload {
    CandlePayload(
      open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i],
      quoteVolume: hasQuoteVolume(i) ? quoteVolume[i] : nil,
      venue: venueIndex[i] >= 0 ? venues[Int(venueIndex[i])] : nil)
  }

  mutating func reserve(_ n: Int) {
    streamIndex.reserveCapacity(n)
    eventTime.reserveCapacity(n)
    schemaVersion.reserveCapacity(n)
    open.reserveCapacity(n)
    high.reserveCapacity(n)
    low.reserveCapacity(n)
    close.reserveCapacity(n)
    volume.reserveCapacity(n)
    quoteVolume.reserveCapacity(n)
    presence.reserveCapacity(n)
    venueIndex.reserveCapacity(n)
  }

  /// The rows as log records, byte-identical to what was appended.
  public func records() -> [LogRecord] {
    let venueBytes = venues.map { Array($0.utf8) }
    return (0..<count).map { i in
      var w = ByteWriter(capacity: 64)
      let v = venueIndex[i] >= 0 ? venueBytes[Int(venueIndex[i])] : []
      CandlePayload.encode(
        presence: presence[i],
        values: (open[i], high[i], low[i], close[i], volume[i], quoteVolume[i]),
        venue: v, into: &w)
      let event = Event(
        eventTime: eventTime[i], type: .candle, schemaVersion: schemaVersion[i],
        stream: stream(at: i),
        payload: w.bytes)
      return LogRecord(offset: baseOffset + UInt64(i), event: event)
    }
  }
}
