import EventLog
import Foundation
import Testing

/// A child process appends under the fsync policy and is killed with SIGKILL
/// at random moments; every acknowledged offset must survive exactly once.
@Suite struct CrashTests {
  @Test func sigkillNeverLosesAcknowledgedAppends() throws {
    let dir = TempDir("crash")
    defer { dir.cleanup() }
    let iterations =
      Int(ProcessInfo.processInfo.environment["LEDGER_CRASH_ITERATIONS"] ?? "")
      ?? (heavy ? 1000 : 50)
    var rng = SeededRandom(state: 77)
    var acked: UInt64 = 0
    var ackedBatches = 0
    var truncations = 0
    var killedBeforeAnyAck = 0
    for _ in 0..<iterations {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: Ledgerd.binary)
      p.arguments = [
        "debug-append", "--log", dir.log, "--batches", "100000", "--batch-size", "50",
        "--durability", "fsync",
        "--segment-bytes", "16384",
      ]
      let out = Pipe()
      p.standardOutput = out
      p.standardError = FileHandle.nullDevice
      try p.run()
      usleep(UInt32.random(in: 15_000...90_000, using: &rng))
      kill(p.processIdentifier, SIGKILL)
      let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      var highest: UInt64?
      for line in lines.split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "ack", let end = UInt64(parts[2]) else { continue }
        highest = end
        ackedBatches += 1
      }
      if let h = highest { acked = max(acked, h) } else { killedBeforeAnyAck += 1 }
      // Recovery as the next writer does it, then check every acknowledged offset.
      let w = try LogWriter(directory: dir.log)
      if w.recovery.truncation != nil { truncations += 1 }
      try w.close()
      let records = try LogReader(directory: dir.log).records()
      #expect(records.map(\.offset) == Array(0..<UInt64(records.count)), "offsets not dense")
      #expect(
        UInt64(records.count) >= acked,
        "lost acknowledged offsets: have \(records.count), acked \(acked)")
      for r in records.suffix(from: max(0, records.count - 200)) {
        #expect(r.event == DebugAppendCommandMirror.event(at: r.offset))
      }
      let report = try LogVerifier.verify(directory: dir.log)
      #expect(report.ok, "\(report.problems)")
    }
    let all = try LogReader(directory: dir.log).records()
    for r in all { #expect(r.event == DebugAppendCommandMirror.event(at: r.offset)) }
    let segments = try LogStats.compute(directory: dir.log).segments
    print(
      "crash: \(iterations) SIGKILLs, \(ackedBatches) batches acknowledged (highest offset \(acked)), "
        + "\(all.count) events recovered in \(segments) segments, \(truncations) torn tails truncated, "
        + "\(killedBeforeAnyAck) kills before the first ack; every acknowledged offset present once, verify ok"
    )
  }
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
