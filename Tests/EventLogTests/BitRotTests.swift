import Foundation
import Testing

@testable import EventLog

/// Bit rot at or before the durable checkpoint, in sealed and active
/// segments: verify and readers detect every flip, naming segment and byte
/// position; no corrupted event is returned; open never truncates it away.
@Suite struct BitRotTests {
  struct Flip {
    var segment: SegmentEntry
    var position: Int64
  }

  static func verifyNames(_ flip: Flip, log: String) throws -> Bool {
    let report = try LogVerifier.verify(directory: log)
    let named = report.problems.contains {
      $0.severity == .error && $0.segment == flip.segment.name && $0.position <= flip.position
    }
    #expect(
      named,
      "verify missed a flip in \(flip.segment.name) at byte \(flip.position): \(report.problems)")
    return named
  }

  /// Reads the whole log; true when the reader stopped with the right error.
  /// Every record it returned before stopping must be the original one.
  static func readerNames(_ flip: Flip, log: String, original: [Event]) -> Bool {
    var returned: [LogRecord] = []
    var blamed: (String, Int64)?
    do {
      let c = try LogReader(directory: log).cursor()
      while let b = try c.next() { returned += try c.records(of: b) }
    } catch {
      if case .corrupt(let name, let position, _) = error { blamed = (name, position) }
    }
    for r in returned { #expect(r.event == original[Int(r.offset)]) }
    guard let (name, position) = blamed else {
      Issue.record(
        "reader did not report the flip in \(flip.segment.name) at byte \(flip.position)")
      return false
    }
    #expect(name == flip.segment.name && position <= flip.position)
    return name == flip.segment.name && position <= flip.position
  }

  /// Opens a writer; true when it refused. It must never change the segment.
  static func openRefuses(_ flip: Flip, log: String, options: LogOptions) throws -> Bool {
    let file = try PosixFile.open(flip.segment.path, writable: false)
    let before = try file.readAll()
    var refused = false
    do {
      let w = try LogWriter(directory: log, options: options)
      try w.close()
    } catch {
      if case .corrupt(let name, _, _) = error { #expect(name == flip.segment.name) }
      refused = true
    }
    #expect(try file.readAll() == before, "open changed \(flip.segment.name)")
    return refused
  }

  @Test func everyFlippedBitIsDetected() throws {
    let dir = TempDir()
    defer { dir.cleanup() }
    let events = Synthetic.candles(count: 600, seed: 8)
    let options = LogWriter.testOptions(durability: .none, segmentMaxBytes: 2 << 10)
    var strict = options
    strict.verifySealedSegmentsOnOpen = true
    let w = try LogWriter(directory: dir.log, options: options)
    for b in 0..<60 { try w.append(Array(events[(b * 10)..<((b + 1) * 10)])) }
    try w.close()
    let segments = try LogDirectory.segments(dir.log)
    #expect(segments.count >= 4)
    let sizes = try segments.map { try PosixFile.open($0.path, writable: false).size() }
    let cp = try #require(try CheckpointFile.read(directory: dir.log))
    #expect(cp.position == sizes.last)
    let env = ProcessInfo.processInfo.environment
    let flips = Int(env["LEDGER_BITROT_FLIPS"] ?? "") ?? (env["LEDGER_HEAVY"] == "1" ? 3000 : 1000)
    var rng = SeededRandom(seed: 2024)
    // verify, reader, default open refused, strict open refused, sealed flips
    var counts = [0, 0, 0, 0, 0]
    for _ in 0..<flips {
      // Half the flips in the active segment, half across the sealed ones.
      let inActive = Bool.random(using: &rng)
      var at =
        inActive
        ? Int64.random(in: 0..<sizes.last!, using: &rng)
        : Int64.random(in: 0..<sizes.dropLast().reduce(0, +), using: &rng)
      var si = inActive ? sizes.count - 1 : 0
      while si < sizes.count - 1 && at >= sizes[si] {
        at -= sizes[si]
        si += 1
      }
      let flip = Flip(segment: segments[si], position: at)
      let sealed = si < segments.count - 1
      try Directory.makeWritable(flip.segment.path)
      let file = try PosixFile.open(flip.segment.path, writable: true)
      let original = try file.read(count: 1, at: at)[0]
      try file.write([original ^ UInt8(1 << Int.random(in: 0..<8, using: &rng))], at: at)
      if try Self.verifyNames(flip, log: dir.log) { counts[0] += 1 }
      if Self.readerNames(flip, log: dir.log, original: events) { counts[1] += 1 }
      if try Self.openRefuses(flip, log: dir.log, options: options) { counts[2] += 1 }
      if try Self.openRefuses(flip, log: dir.log, options: strict) { counts[3] += 1 }
      if sealed { counts[4] += 1 }
      try file.write([original], at: at)
      if sealed { try file.makeReadOnly() }
    }
    print(
      "bit rot: \(flips) flips (\(counts[4]) in sealed segments, \(flips - counts[4]) in the active one): "
        + "verify detected \(counts[0]), readers \(counts[1]); open refused \(counts[2]) by default "
        + "(the rest opened without touching the data), \(counts[3]) with verifySealedSegmentsOnOpen"
    )
    #expect(counts[0] == flips)
    #expect(counts[1] == flips)
    #expect(counts[3] == flips)
    #expect(try LogVerifier.verify(directory: dir.log).ok)
  }
}
