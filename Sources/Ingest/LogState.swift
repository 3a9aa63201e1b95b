import EventLog

/// What the log already holds for the streams an import touches: every bar
/// by time (for duplicates and conflicts), each stream's last bar (for
/// regressions) and the watermark (for late-bar warnings).
struct LogState {
  /// Per stream: event time → encoded payload.
  var bars: [String: [Int64: [UInt8]]] = [:]
  var last: [String: Int64] = [:]
  var watermark = Int64.min

  enum Verdict: Equatable {
    case accept(late: Bool)
    case duplicate
    case reject(field: String?, reason: String)
  }

  /// Reads the candles of `streams` from the log in `directory`.
  static func read(directory: String, streams: Set<String>) throws(ImportError) -> LogState {
    var s = LogState()
    do {
      let cursor = try LogReader(directory: directory).cursor()
      var scratch: [UInt8] = []
      while let batch = try cursor.next() {
        if batch.header.watermark != .min { s.watermark = max(s.watermark, batch.header.watermark) }
        guard let candles = try batch.candles(scratch: &scratch) else { continue }
        let wanted = candles.streams.map { streams.contains($0) }
        guard wanted.contains(true) else { continue }
        let records = try batch.records()
        for (i, r) in records.enumerated() where wanted[Int(candles.streamIndex[i])] {
          s.bars[r.event.stream, default: [:]][r.event.eventTime] = r.event.payload
          s.last[r.event.stream] = max(s.last[r.event.stream] ?? .min, r.event.eventTime)
        }
      }
    } catch {
      throw ImportError.log(error, appendedBefore: 0)
    }
    return s
  }

  /// Decides on one bar in merged order and records it when accepted.
  mutating func admit(_ e: Event) -> Verdict {
    if let existing = bars[e.stream]?[e.eventTime] {
      if existing == e.payload { return .duplicate }
      return conflict(e, existing: existing)
    }
    if let l = last[e.stream], e.eventTime < l {
      return .reject(
        field: "date",
        reason:
          "bar closing \(UTCTime.iso8601(e.eventTime)) is older than \(e.stream)'s last bar (closing \(UTCTime.iso8601(l))); streams never go back in time"
      )
    }
    let late = e.eventTime < watermark
    bars[e.stream, default: [:]][e.eventTime] = e.payload
    last[e.stream] = e.eventTime
    watermark = max(watermark, e.eventTime)
    return .accept(late: late)
  }

  private func conflict(_ e: Event, existing: [UInt8]) -> Verdict {
    let when = UTCTime.iso8601(e.eventTime)
    guard let new = try? CandlePayload.decode(e.payload),
      let old = try? CandlePayload.decode(existing)
    else {
      return .reject(
        field: nil, reason: "a different bar closing \(when) is already in \(e.stream)")
    }
    let fields: [(String, Double?, Double?)] = [
      ("open", new.open, old.open), ("high", new.high, old.high), ("low", new.low, old.low),
      ("close", new.close, old.close), ("volume", new.volume, old.volume),
      ("quote_volume", new.quoteVolume, old.quoteVolume),
    ]
    for (name, a, b) in fields where a != b {
      let here = a.map { "\($0)" } ?? "none"
      let there = b.map { "\($0)" } ?? "none"
      return .reject(
        field: name,
        reason:
          "a different bar closing \(when) is already in \(e.stream) (\(name) \(there) there, \(here) here)"
      )
    }
    return .reject(
      field: "venue",
      reason: "a different bar closing \(when) is already in \(e.stream) (venue differs)")
  }
}
