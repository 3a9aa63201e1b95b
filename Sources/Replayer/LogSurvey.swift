import EventLog
import SwiftProtobuf

/// What `process` must know about a log before it appends anything: the
/// formula sets defined and stamped, and how far each series was processed.
struct LogSurvey {
  /// `FormulaSetDefined` contents by stamp.
  var defined: [UInt64: (name: String, content: String)] = [:]
  /// Stamps of the derived events.
  var stamps: Set<UInt64> = []
  /// Per series stream: offset of the last candle a `TaUpdated` cites.
  var processed: [String: UInt64] = [:]

  /// Reads the non-candle batches of `[from, end)` (derived and control
  /// events never travel in candle batches).
  static func read(_ reader: LogReader, from: UInt64, end: UInt64) throws -> LogSurvey {
    var s = LogSurvey()
    let cursor = try reader.cursor(from: from)
    while let batch = try cursor.next() {
      if batch.header.baseOffset >= end { break }
      if batch.header.codec == .candle { continue }
      for r in try cursor.records(of: batch) where r.offset >= from && r.offset < end {
        s.note(r)
      }
    }
    return s
  }

  private mutating func note(_ r: LogRecord) {
    let e = r.event
    if e.formula != 0 { stamps.insert(e.formula) }
    if e.type == .taUpdated, let candle = e.causes.first {
      processed[e.stream] = max(processed[e.stream] ?? 0, candle)
    } else if e.type == .formulaSetDefined,
      let m = try? Ledger_V1_FormulaSetDefined(serializedBytes: e.payload), m.sha256.count >= 8
    {
      defined[Event.formulaStamp(sha256: m.sha256)] = (
        m.name, String(decoding: m.content, as: UTF8.self)
      )
    }
  }
}
