import EventLog
import Foundation
import Synchronization

/// Appends and reads of the event log, timed.
enum LogBench {
  struct AppendResult {
    var policy: String
    var events: Int
    var seconds: Double
    var storedBytes: Int64
    var recordBytes: Int64
  }

  /// Appends `batches` under `policy` with `threads` concurrent appenders.
  static func append(
    _ batches: ArraySlice<[Event]>, into dir: String, policy: DurabilityPolicy,
    codec: CodecChoice = .automatic,
    threads: Int = 1
  ) throws -> AppendResult {
    try? FileManager.default.removeItem(atPath: dir)
    var options = LogOptions()
    options.durability = policy
    options.codec = codec
    let writer = try LogWriter(directory: dir, options: options)
    let next = Atomic<Int>(batches.startIndex)
    let failed = Mutex<Error?>(nil)
    let clock = ContinuousClock()
    let start = clock.now
    let work: @Sendable () -> Void = {
      while true {
        let i = next.add(1, ordering: .relaxed).oldValue
        guard i < batches.endIndex else { return }
        do { try writer.append(batches[i]) } catch {
          failed.withLock { $0 = error }
          return
        }
      }
    }
    if threads == 1 {
      work()
    } else {
      // Real threads: concurrentPerform would run only one blocked appender per core.
      let group = DispatchGroup()
      for _ in 0..<threads {
        group.enter()
        Thread {
          work()
          group.leave()
        }.start()
      }
      group.wait()
    }
    try writer.close()
    let seconds = (clock.now - start).secondsValue
    if let e = failed.withLock({ $0 }) { throw e }
    let stats = try LogStats.compute(directory: dir)
    return AppendResult(
      policy: "\(policy)" + (threads > 1 ? " ×\(threads) appenders" : ""), events: stats.events,
      seconds: seconds,
      storedBytes: stats.segmentBytes, recordBytes: stats.recordBytes)
  }

  struct ReadResult {
    var events: Int
    var seconds: Double
    var checksum: Double
  }

  /// Reads every batch and decodes it straight to typed candle columns.
  static func readTyped(_ dir: String) throws -> ReadResult {
    let clock = ContinuousClock()
    let start = clock.now
    let cursor = try LogReader(directory: dir).cursor()
    var scratch: [UInt8] = []
    var n = 0
    var sum = 0.0
    while let b = try cursor.next() {
      guard let c = try b.candles(scratch: &scratch) else { continue }
      n += c.count
      sum += c.close[c.count - 1] + c.volume[0]
    }
    return ReadResult(events: n, seconds: (clock.now - start).secondsValue, checksum: sum)
  }

  /// Reads every batch and decodes it to EVENTS.md §2 records, then parses each candle payload.
  static func readRecords(_ dir: String) throws -> ReadResult {
    let clock = ContinuousClock()
    let start = clock.now
    let cursor = try LogReader(directory: dir).cursor()
    var n = 0
    var sum = 0.0
    while let b = try cursor.next() {
      for r in try b.records() {
        n += 1
        sum += try CandlePayload.decode(r.event.payload).close
      }
    }
    return ReadResult(events: n, seconds: (clock.now - start).secondsValue, checksum: sum)
  }
}

extension Duration {
  var secondsValue: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
