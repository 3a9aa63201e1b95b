import EventLog
import Foundation
import GRDB

/// The same events stored in SQLite (one row per event: offset, stream,
/// type, time, encoded payload; WAL; one prepared statement; 1,000 rows per
/// transaction) and read back, for the side-by-side comparison.
enum SQLiteBench {
  struct Result {
    var synchronous: String
    var events: Int
    var appendSeconds: Double
    var readSeconds: Double
    var bytes: Int64
    var checksum: Double
  }

  static func run(_ batches: ArraySlice<[Event]>, path: String, synchronous: String) throws
    -> Result
  {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
    var config = Configuration()
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA journal_mode = WAL")
      try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
    }
    let queue = try DatabaseQueue(path: path, configuration: config)
    try queue.write { db in
      try db.execute(
        sql: """
          CREATE TABLE events (offset INTEGER PRIMARY KEY, stream TEXT NOT NULL, type INTEGER NOT NULL,
          time INTEGER NOT NULL, payload BLOB NOT NULL)
          """)
    }
    let clock = ContinuousClock()
    var start = clock.now
    var offset: Int64 = 0
    try queue.writeWithoutTransaction { db in
      let insert = try db.makeStatement(sql: "INSERT INTO events VALUES (?, ?, ?, ?, ?)")
      for batch in batches {
        try db.inTransaction {
          for e in batch {
            insert.setUncheckedArguments([
              offset, e.stream, Int(e.type.rawValue), e.eventTime, Data(e.payload),
            ])
            try insert.execute()
            offset += 1
          }
          return .commit
        }
      }
    }
    let appendSeconds = (clock.now - start).secondsValue
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
    let bytes = ["", "-wal"].reduce(Int64(0)) { total, suffix in
      let size =
        (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int64) ?? 0
      return total + size
    }
    start = clock.now
    var n = 0
    var sum = 0.0
    try queue.read { db in
      let rows = try Row.fetchCursor(
        db, sql: "SELECT offset, stream, type, time, payload FROM events ORDER BY offset")
      while let row = try rows.next() {
        let payload: Data = row[4]
        let candle = try CandlePayload.decode([UInt8](payload))
        let stream: String = row[1]
        sum += candle.close + Double(stream.utf8.count)
        n += 1
      }
    }
    return Result(
      synchronous: synchronous, events: n, appendSeconds: appendSeconds,
      readSeconds: (clock.now - start).secondsValue,
      bytes: bytes, checksum: sum)
  }
}
