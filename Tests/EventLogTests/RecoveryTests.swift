import Foundation
import Testing

@testable import EventLog

/// D-19: a torn tail after the durable checkpoint is cut and reported;
/// anything invalid at or before it refuses the open and changes nothing.
@Suite struct RecoveryTests {
  /// A log of `flushed` batches made durable, plus one last batch written
  /// after the checkpoint; the directory is copied while the writer is still
  /// open (as if it had been killed). Returns the copy, the events and the
  /// byte range of the last batch in the active segment.
  static func logWithUnsyncedTail(
    in dir: TempDir, flushed: Int = 6, segmentMaxBytes: Int64 = 4 << 10
  )
    throws -> (template: String, events: [Event], lastBatch: Range<Int64>, segment: String)
  {
    let events = Synthetic.candles(count: (flushed + 1) * 8, seed: 21)
    let w = try LogWriter(
      directory: dir.log,
      options: LogWriter.testOptions(durability: .none, segmentMaxBytes: segmentMaxBytes))
    for b in 0..<flushed { try w.append(Array(events[(b * 8)..<((b + 1) * 8)])) }
    try w.flush()
    let durable = w.durablePosition
    let active =
      LogDirectory.segmentsPath(dir.log) + "/" + SegmentLayout.fileName(base: durable.segmentBase)
    try w.append(Array(events[(flushed * 8)...]))
    let end = try PosixFile.open(active, writable: false).size()
    let template = dir.path + "/template"
    try FileManager.default.copyItem(atPath: dir.log, toPath: template)
    try w.close()
    return (
      template, events, durable.position..<end, SegmentLayout.fileName(base: durable.segmentBase)
    )
  }

  static func copy(_ template: String, to path: String) throws {
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.copyItem(atPath: template, toPath: path)
    // copyItem keeps permissions; sealed segments stay read-only as on disk.
  }

  @Test func tornTailAtEveryBytePositionIsRecovered() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let (template, events, last, segment) = try Self.logWithUnsyncedTail(in: dir)
    let flushedCount = events.count - 8
    #expect(last.count > 100)
    let work = dir.path + "/work"
    var truncations = 0
    for cut in last.lowerBound...last.upperBound {
      try Self.copy(template, to: work)
      let path = work + "/segments/" + segment
      try Directory.makeWritable(path)
      try PosixFile.open(path, writable: true).truncate(to: cut)
      let w = try LogWriter(directory: work, options: LogWriter.testOptions())
      let report = w.recovery
      if cut == last.upperBound {
        #expect(report.truncation == nil)
        #expect(report.batchesKeptAfterCheckpoint == 1)
      } else if cut == last.lowerBound {
        #expect(report.truncation == nil)
      } else {
        truncations += 1
        #expect(report.truncation?.segment == segment)
        #expect(report.truncation?.position == last.lowerBound)
        #expect(report.truncation?.bytesRemoved == cut - last.lowerBound)
      }
      let kept = cut == last.upperBound ? events.count : flushedCount
      #expect(w.endOffset == UInt64(kept))
      let more = Synthetic.candles(
        count: 3, start: 1_700_000_000_000 / 3_600_000 * 3_600_000, seed: 5)
      #expect(try w.append(more) == UInt64(kept)..<UInt64(kept + 3))
      try w.close()
      let records = try LogReader(directory: work).records()
      #expect(records.map(\.offset) == Array(0..<UInt64(kept + 3)))
      #expect(records.prefix(kept).map(\.event) == Array(events.prefix(kept)))
      #expect(try LogVerifier.verify(directory: work).ok)
    }
    #expect(truncations == last.count - 1)
  }

  @Test func truncationBelowTheCheckpointRefusesAndChangesNothing() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let (template, _, last, segment) = try Self.logWithUnsyncedTail(in: dir)
    let work = dir.path + "/work"
    let path = work + "/segments/" + segment
    for cut in [Int64(0), 10, 32, 33, 100, last.lowerBound / 2, last.lowerBound - 1]
    where cut < last.lowerBound {
      try Self.copy(template, to: work)
      try Directory.makeWritable(path)
      try PosixFile.open(path, writable: true).truncate(to: cut)
      let before = snapshot(work)
      do {
        _ = try LogWriter(directory: work, options: LogWriter.testOptions())
        Issue.record(
          "open succeeded on a log cut at \(cut), below the checkpoint at \(last.lowerBound)")
      } catch let LogError.corrupt(seg, position, reason) {
        #expect(seg == segment)
        #expect(position <= cut)
        #expect(!reason.isEmpty)
      }
      #expect(snapshot(work) == before)
    }
  }

  @Test func missingCheckpointOnANonEmptyLogRefuses() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let (template, _, _, _) = try Self.logWithUnsyncedTail(in: dir)
    try FileManager.default.removeItem(atPath: template + "/checkpoint")
    let before = snapshot(template)
    #expect(
      throws: LogError.missingCheckpoint(
        directory: template, reason: "the checkpoint file is missing")
    ) {
      _ = try LogWriter(directory: template, options: LogWriter.testOptions())
    }
    #expect(snapshot(template) == before)
  }

  @Test func validBatchesAfterTheCheckpointAreKeptAndGarbageCut() throws {
    // Policy none: only rolls advance the checkpoint. Copy the log before close.
    let dir = TempDir()
    defer { dir.cleanup() }
    let w = try LogWriter(
      directory: dir.log,
      options: LogWriter.testOptions(durability: .none, segmentMaxBytes: 2 << 10))
    let events = Synthetic.candles(count: 400, seed: 2)
    for b in 0..<40 { try w.append(Array(events[(b * 10)..<((b + 1) * 10)])) }
    let template = dir.path + "/template"
    try FileManager.default.copyItem(atPath: dir.log, toPath: template)
    try w.close()
    let segments = try LogDirectory.segments(template)
    #expect(segments.count > 3)
    let cp = try #require(try CheckpointFile.read(directory: template))
    #expect(cp.nextOffset < 400)
    let active = try #require(segments.last)
    let end = try PosixFile.open(active.path, writable: false).size()
    // Garbage after the valid batches: a half-written batch.
    let work = dir.path + "/work"
    try Self.copy(template, to: work)
    let f = try PosixFile.open(work + "/segments/" + active.name, writable: true)
    try f.write(
      [0x4C, 0x44, 0x47, 0x42, 2, 0, 0, 0] + [UInt8](repeating: 0xAB, count: 30), at: end)
    let w2 = try LogWriter(directory: work, options: LogWriter.testOptions())
    #expect(w2.endOffset == 400)
    #expect(w2.recovery.batchesKeptAfterCheckpoint == Int(400 - cp.nextOffset) / 10)
    #expect(w2.recovery.truncation?.position == end)
    #expect(w2.recovery.truncation?.bytesRemoved == 38)
    try w2.close()
    #expect(try LogReader(directory: work).records().map(\.event) == events)
    #expect(try CheckpointFile.read(directory: work)?.nextOffset == 400)
  }
}
