import Foundation
import Synchronization
import Testing

@testable import EventLog

@Suite struct LogWriterReaderTests {
  /// Appends `batches` batches of `size` synthetic candles; returns all events appended.
  @discardableResult
  static func fill(_ w: LogWriter, batches: Int, size: Int, seed: UInt64 = 1) throws -> [Event] {
    let all = Synthetic.candles(count: batches * size, seed: seed)
    for b in 0..<batches { try w.append(Array(all[(b * size)..<((b + 1) * size)])) }
    return all
  }

  @Test func appendReadAndReopenContinueDenseOffsets() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    var appended: [Event] = []
    do {
      let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
      #expect(w.recovery.created)
      appended += try Self.fill(w, batches: 5, size: 100)
      #expect(w.endOffset == 500)
      try w.close()
    }
    do {
      let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
      #expect(w.recovery.isClean)
      let more = Synthetic.candles(
        count: 50, start: 1_600_000_000_000 / 3_600_000 * 3_600_000, seed: 9)
      let r = try w.append(more)
      #expect(r == 500..<550)
      appended += more
      try w.close()
    }
    let records = try LogReader(directory: dir.log).records()
    #expect(records.map(\.offset) == Array(0..<550))
    #expect(records.map(\.event) == appended)
    #expect(try LogVerifier.verify(directory: dir.log).ok)
  }

  @Test func rollsSealsAndSeeksAcrossSegments() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let w = try LogWriter(
      directory: dir.log, options: LogWriter.testOptions(segmentMaxBytes: 8 << 10))
    let events = try Self.fill(w, batches: 60, size: 50)
    try w.close()
    let segments = try LogDirectory.segments(dir.log)
    #expect(segments.count > 5)
    for s in segments.dropLast() {
      let attrs = try FileManager.default.attributesOfItem(atPath: s.path)
      #expect((attrs[.posixPermissions] as? Int) == 0o444)
      let f = try PosixFile.open(s.path, writable: false)
      #expect(try SegmentScanner.footer(f, size: f.size()) != nil)
    }
    let reader = try LogReader(directory: dir.log)
    for target in [0, 1, 49, 50, 51, 777, 1499, 1500, 2999] as [UInt64] {
      let got = try reader.records(from: target)
      #expect(got.first?.offset == target)
      #expect(got.count == 3000 - Int(target))
      #expect(got.first?.event == events[Int(target)])
    }
    #expect(try reader.records(from: 3000).isEmpty)
    // By time: the first batch whose watermark reaches T holds the first event at or after T.
    for i in [0, 10, 999, 1000, 2500, 2999] {
      let t = events[i].eventTime
      let c = try reader.cursor(sinceTime: t)
      var first: LogRecord?
      while first == nil, let b = try c.next() {
        first = try b.records().first { $0.event.eventTime >= t }
      }
      #expect(first?.offset == UInt64(i))
    }
    let late = try reader.cursor(sinceTime: events.last!.eventTime + 1)
    #expect(try late.next() == nil)
  }

  @Test func indexesAreRebuiltAfterDeletion() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let w = try LogWriter(
      directory: dir.log, options: LogWriter.testOptions(segmentMaxBytes: 8 << 10))
    try Self.fill(w, batches: 30, size: 50)
    try w.close()
    let segDir = dir.log + "/segments"
    let indexFiles = try FileManager.default.contentsOfDirectory(atPath: segDir).filter {
      $0.hasSuffix("index")
    }.sorted()
    #expect(indexFiles.count >= 6)
    let before = Dictionary(
      uniqueKeysWithValues: indexFiles.map {
        ($0, FileManager.default.contents(atPath: segDir + "/" + $0))
      })
    // A reader copes without them.
    for f in indexFiles { try FileManager.default.removeItem(atPath: segDir + "/" + f) }
    #expect(try LogReader(directory: dir.log).records(from: 1234).first?.offset == 1234)
    // The writer rebuilds them byte for byte and says so.
    let w2 = try LogWriter(
      directory: dir.log, options: LogWriter.testOptions(segmentMaxBytes: 8 << 10))
    #expect(w2.recovery.rebuiltIndexes.count == indexFiles.count / 2)
    try w2.close()
    for f in indexFiles {
      #expect(FileManager.default.contents(atPath: segDir + "/" + f) == before[f])
    }
    // A stale (truncated) index is caught up.
    let victim = segDir + "/" + indexFiles[0]
    let data = try #require(FileManager.default.contents(atPath: victim))
    try data.prefix(IndexFiles.headerSize + 24).write(to: URL(fileURLWithPath: victim))
    let w3 = try LogWriter(
      directory: dir.log, options: LogWriter.testOptions(segmentMaxBytes: 8 << 10))
    #expect(!w3.recovery.rebuiltIndexes.isEmpty)
    try w3.close()
    #expect(FileManager.default.contents(atPath: victim) == before[indexFiles[0]])
  }

  @Test func secondWriterIsRefusedEvenInTheSameProcess() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    #expect(throws: LogError.locked(directory: dir.log)) {
      _ = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    }
    try w.close()
    let again = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    try again.close()
  }

  @Test func invalidEventsRejectTheWholeBatch() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    var events = Synthetic.candles(count: 10)
    try w.append(Array(events[0..<5]))
    let bad: [(Int, (inout Event) -> Void, String)] = [
      (2, { $0.stream = "" }, "stream must be 1…255 UTF-8 bytes, got 0"),
      (1, { $0.stream = "BTC//1h" }, "stream \"BTC//1h\" has an empty segment"),
      (3, { $0.type = EventType(rawValue: 4242) }, "unknown event type 4242"),
      (0, { $0.schemaVersion = 2 }, "candle is written at schema version 1, got 2"),
      (4, { $0.formula = 7 }, "source candle must have formula 0"),
      (4, { $0.isDerived = true }, "candle is a source event but the derived flag is true"),
      (1, { $0.causes = [1] }, "source candle must have no causes"),
      (
        2,
        { $0.payload = CandlePayload(open: .nan, high: 2, low: 1, close: 1, volume: 0).encoded() },
        "candle payload: open is not finite (nan)"
      ),
      (
        2, { $0.payload = CandlePayload(open: 1, high: 1, low: 2, close: 1, volume: 0).encoded() },
        "candle payload: high 1.0 < low 2.0"
      ),
      (2, { $0.payload = [0xFF, 0x01] }, "candle payload: candle payload does not decode"),
    ]
    for (index, mutate, reason) in bad {
      var batch = Array(events[5..<10])
      mutate(&batch[index])
      #expect(throws: LogError.invalidEvent(index: index, reason: reason)) { try w.append(batch) }
    }
    #expect(w.endOffset == 5)
    events[5].eventTime += 0
    #expect(try w.append(Array(events[5..<10])) == 5..<10)
    try w.close()
    #expect(try LogReader(directory: dir.log).records().count == 10)
  }

  @Test func derivedEventsNeedEarlierAscendingCauses() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    var options = LogWriter.testOptions()
    let derived = EventType(rawValue: 299)
    options.registry.register(
      EventTypeInfo(
        type: derived, wireName: "test_derived", kind: .derived, schemaVersion: 1,
        isMarketData: false
      ) {
        _, _ throws(PayloadError) in
      })
    let w = try LogWriter(directory: dir.log, options: options)
    try w.append(Synthetic.candles(count: 3))
    func event(_ causes: [UInt64]) -> Event {
      Event(
        eventTime: 1, type: derived, isDerived: true, stream: "token/a/1h", formula: 99,
        causes: causes, payload: [])
    }
    #expect(
      throws: LogError.invalidEvent(
        index: 0, reason: "cause 3 is not earlier than the event's own offset 3")
    ) {
      try w.append([event([3])])
    }
    #expect(
      throws: LogError.invalidEvent(
        index: 0, reason: "causes must be strictly ascending (2 then 1)")
    ) {
      try w.append([event([2, 1])])
    }
    #expect(try w.append([event([0, 2]), event([3])]) == 3..<5)
    try w.close()
    #expect(try LogVerifier.verify(directory: dir.log, registry: options.registry).ok)
    // Without the type registered, verify names the event.
    let report = try LogVerifier.verify(directory: dir.log)
    #expect(!report.ok)
    #expect(report.problems.first?.offset == 3)
    #expect(report.problems.first?.reason == "type 299 version 1 is unknown to this build")
  }

  @Test(arguments: [DurabilityPolicy.fsyncEachBatch, .groupCommit(milliseconds: 2), .none])
  func concurrentAppendersGetDenseUniqueOffsets(policy: DurabilityPolicy) throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let w = try LogWriter(
      directory: dir.log,
      options: LogWriter.testOptions(durability: policy, segmentMaxBytes: 32 << 10))
    let threads = 4
    let perThread = 25
    let ranges = Mutex<[Range<UInt64>]>([])
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      let events = Synthetic.candles(count: perThread * 20, stream: "S\(t)/1h", seed: UInt64(t))
      for b in 0..<perThread {
        let r = try! w.append(Array(events[(b * 20)..<((b + 1) * 20)]))
        ranges.withLock { $0.append(r) }
      }
    }
    try w.close()
    let sorted = ranges.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }
    #expect(sorted.count == threads * perThread)
    for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    let records = try LogReader(directory: dir.log).records()
    #expect(records.count == threads * perThread * 20)
    #expect(try LogVerifier.verify(directory: dir.log).ok)
    if policy != .none {
      #expect(try CheckpointFile.read(directory: dir.log)?.nextOffset == UInt64(records.count))
    }
  }

  @Test func concurrentReaderSeesOnlyWholeBatches() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let w = try LogWriter(
      directory: dir.log,
      options: LogWriter.testOptions(
        durability: .groupCommit(milliseconds: 1), segmentMaxBytes: 16 << 10))
    let batches = 200
    let events = Synthetic.candles(count: batches * 25, seed: 4)
    let done = Mutex(false)
    let writer = Thread {
      for b in 0..<batches { try! w.append(Array(events[(b * 25)..<((b + 1) * 25)])) }
      done.withLock { $0 = true }
    }
    writer.start()
    let tail = try TailingReader(directory: dir.log, pollMilliseconds: 1)
    var seen: [LogRecord] = []
    var sizes: Set<Int> = []
    while seen.count < events.count {
      guard let b = try tail.next(timeoutMilliseconds: 5000) else { break }
      let rs = try tail.records(of: b)
      sizes.insert(rs.count)
      #expect(rs.count == Int(b.header.count))
      seen += rs
    }
    while !done.withLock({ $0 }) { usleep(1000) }
    try w.close()
    #expect(sizes == [25])
    #expect(seen.map(\.offset) == Array(0..<UInt64(events.count)))
    #expect(seen.map(\.event) == events)
  }
}
