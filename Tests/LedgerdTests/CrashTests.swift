import EventLog
import Foundation
import Testing

/// A child process appends under the fsync policy and is killed with SIGKILL
/// at random moments; every acknowledged offset must survive exactly once.
///
/// The work per kill is bounded: each kill checks only the records appended
/// since the previous one, and the log starts afresh every `killsPerLog`
/// kills (after a full verify), so the cost grows linearly with the kills
/// however fast the disk acknowledges.
@Suite struct CrashTests {
  static let killsPerLog = 50

  @Test func sigkillNeverLosesAcknowledgedAppends() throws {
    let iterations =
      Int(ProcessInfo.processInfo.environment["LEDGER_CRASH_ITERATIONS"] ?? "")
      ?? (heavy ? 1000 : 50)
    var totals = CrashTotals()
    var done = 0
    while done < iterations {
      let kills = min(Self.killsPerLog, iterations - done)
      try crashOneLog(kills: kills, seed: UInt64(77 + done), totals: &totals)
      done += kills
    }
    print(
      "crash: \(iterations) SIGKILLs over \(totals.logs) logs, \(totals.ackedBatches) batches acknowledged, "
        + "\(totals.recovered) events recovered, \(totals.truncations) torn tails truncated, "
        + "\(totals.killedBeforeAnyAck) kills before the first ack; every acknowledged offset present once, verify ok"
    )
  }

  /// Kills `kills` appenders on one fresh log, checking after each kill.
  private func crashOneLog(kills: Int, seed: UInt64, totals: inout CrashTotals) throws {
    let dir = TempDir("crash")
    defer { dir.cleanup() }
    var rng = SeededRandom(state: seed)
    var acked: UInt64 = 0
    var checked: UInt64 = 0
    for _ in 0..<kills {
      let ack = try killOneAppender(
        log: dir.log, afterMicroseconds: UInt32.random(in: 15_000...90_000, using: &rng))
      totals.ackedBatches += ack.batches
      if let end = ack.highest { acked = max(acked, end) } else { totals.killedBeforeAnyAck += 1 }
      // Recovery as the next writer does it, then check the new records.
      let w = try LogWriter(directory: dir.log)
      if w.recovery.truncation != nil { totals.truncations += 1 }
      try w.close()
      checked = try checkRecords(log: dir.log, from: checked, acked: acked)
    }
    let report = try LogVerifier.verify(directory: dir.log)
    #expect(report.ok, "\(report.problems)")
    totals.recovered += Int(checked)
    totals.logs += 1
  }

  /// Starts `ledgerd debug-append`, kills it after the delay, returns its acks.
  private func killOneAppender(log: String, afterMicroseconds delay: UInt32) throws -> (
    highest: UInt64?, batches: Int
  ) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Ledgerd.binary)
    p.arguments = [
      "debug-append", "--log", log, "--batches", "100000", "--batch-size", "50",
      "--durability", "fsync", "--segment-bytes", "16384",
    ]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    usleep(delay)
    kill(p.processIdentifier, SIGKILL)
    let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    var highest: UInt64?
    var batches = 0
    for line in lines.split(separator: "\n") {
      let parts = line.split(separator: " ")
      guard parts.count == 3, parts[0] == "ack", let end = UInt64(parts[2]) else { continue }
      highest = end
      batches += 1
    }
    return (highest, batches)
  }

  /// Checks the records from `offset` on: dense, as written, covering `acked`.
  /// Returns the offset after the last record.
  private func checkRecords(log: String, from offset: UInt64, acked: UInt64) throws -> UInt64 {
    let records = try LogReader(directory: log).records(from: offset)
    let end = offset + UInt64(records.count)
    #expect(records.map(\.offset) == Array(offset..<end), "offsets not dense from \(offset)")
    #expect(end >= acked, "lost acknowledged offsets: have \(end), acked \(acked)")
    for r in records { #expect(r.event == DebugAppendCommandMirror.event(at: r.offset)) }
    return end
  }
}

/// Counts summed over the logs of the crash test.
struct CrashTotals {
  var logs = 0
  var ackedBatches = 0
  var recovered = 0
  var truncations = 0
  var killedBeforeAnyAck = 0
}

/// The event `ledgerd debug-append` writes at each offset (its documented formula).
enum DebugAppendCommandMirror {
  static func event(at offset: UInt64) -> Event {
    let price = Double(offset % 100_000) + 1
    let p = CandlePayload(
      open: price, high: price, low: price, close: price, volume: Double(offset))
    return Event(
      eventTime: Int64(offset + 1) * 60_000, type: .candle, stream: "crash/1m", payload: p.encoded()
    )
  }
}
