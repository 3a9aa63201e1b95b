#if canImport(Glibc)
  import Glibc
#endif

/// Reads a log directory while a writer may be appending to it: by offset,
/// by event time, or following the tail. Only whole batches whose CRC32C
/// matches are returned; invalid bytes where data must be intact (a sealed
/// segment, or at or before the durable checkpoint) raise
/// `LogError.corrupt` naming segment and byte position. A reader never
/// writes: missing or stale indexes are rebuilt in memory.
public final class LogReader {
  /// The log directory.
  public let directory: String
  private(set) var segments: [SegmentView] = []

  /// One segment as the reader sees it.
  final class SegmentView {
    let entry: SegmentEntry
    let reader: SegmentReader
    var footer: SegmentFooter?
    var size: Int64 = 0
    var index: SegmentIndex?

    init(entry: SegmentEntry) throws(LogError) {
      self.entry = entry
      reader = try SegmentReader(path: entry.path, name: entry.name, base: entry.base)
      if let reason = try SegmentScanner.checkHeader(reader.file, entry: entry) {
        throw LogError.corrupt(segment: entry.name, position: 0, reason: reason)
      }
      try refresh()
    }

    /// Re-reads size and footer (the writer may have appended or sealed).
    func refresh() throws(LogError) {
      guard footer == nil else { return }
      let newSize = try reader.file.size()
      if newSize != size { reader.invalidate() }
      size = newSize
      footer = try SegmentScanner.footer(reader.file, size: size)
    }

    var limit: Int64 { footer?.dataLength ?? size }
  }

  /// Opens the log in `directory` for reading.
  public init(directory: String) throws(LogError) {
    self.directory = directory
    guard Directory.exists(LogDirectory.segmentsPath(directory)) else {
      throw LogError.notALog(path: directory, reason: "no segments/ directory")
    }
    try refreshSegments()
  }

  /// Picks up segments created since the last look.
  func refreshSegments() throws(LogError) {
    let entries = try LogDirectory.segments(directory)
    for e in entries where !segments.contains(where: { $0.entry.base == e.base }) {
      if let last = segments.last, e.base < last.entry.base { continue }
      segments.append(try SegmentView(entry: e))
    }
  }

  /// A cursor starting at the batch that holds `offset` (the log's start by default).
  public func cursor(from offset: UInt64 = 0) throws(LogError) -> LogCursor {
    try refreshSegments()
    guard
      let si = segments.lastIndex(where: { $0.entry.base <= offset })
        ?? (segments.isEmpty ? nil : 0)
    else {
      return LogCursor(
        reader: self, segment: 0, position: Int64(SegmentHeader.size), expected: 0,
        skipBelow: offset)
    }
    let seg = segments[si]
    try seg.refresh()
    var position = Int64(SegmentHeader.size)
    var expected = seg.entry.base
    if let entry = try index(of: seg).floor(offset: offset) {
      position = entry.position
      expected = entry.offset
    }
    while position < seg.limit,
      case .success(let h)? = try seg.reader.header(at: position, limit: seg.limit),
      h.nextOffset <= offset
    {
      position += Int64(h.totalLength)
      expected = h.nextOffset
    }
    return LogCursor(
      reader: self, segment: si, position: position, expected: expected, skipBelow: offset)
  }

  /// A cursor at the first batch whose watermark is ≥ `time` (D-11): every
  /// event with event time ≥ `time` lies at or after it. Filter on event time.
  public func cursor(sinceTime time: Int64) throws(LogError) -> LogCursor {
    try refreshSegments()
    guard var si = segments.firstIndex(where: { $0.footer.map { $0.watermark >= time } ?? true })
    else {
      return try cursor(from: segments.last?.footer?.nextOffset ?? 0)
    }
    while true {
      let seg = segments[si]
      try seg.refresh()
      var position = Int64(SegmentHeader.size)
      var expected = seg.entry.base
      if let entry = try index(of: seg).lastBelow(watermark: time) {
        position = entry.position
        expected = entry.offset
      }
      while position < seg.limit,
        case .success(let h)? = try seg.reader.header(at: position, limit: seg.limit)
      {
        if h.watermark >= time {
          return LogCursor(
            reader: self, segment: si, position: position, expected: expected, skipBelow: 0)
        }
        position += Int64(h.totalLength)
        expected = h.nextOffset
      }
      guard si + 1 < segments.count else {
        return LogCursor(
          reader: self, segment: si, position: position, expected: expected, skipBelow: 0)
      }
      si += 1
    }
  }

  /// All records from `offset` to the current end (convenience for tests and tools).
  public func records(from offset: UInt64 = 0) throws(LogError) -> [LogRecord] {
    let c = try cursor(from: offset)
    var out: [LogRecord] = []
    while let b = try c.next() { out += try c.records(of: b) }
    return out
  }

  /// The index of a segment, loaded from its files and caught up in memory.
  func index(of seg: SegmentView) throws(LogError) -> SegmentIndex {
    var index: SegmentIndex
    if let cached = seg.index {
      index = cached
    } else if let loaded = try IndexFiles.load(
      directory: LogDirectory.segmentsPath(directory), base: seg.entry.base)
    {
      index = loaded
    } else {
      index = SegmentIndex(base: seg.entry.base, interval: LogOptions().indexIntervalBytes)
    }
    if let stop = try SegmentScanner.catchUp(&index, reader: seg.reader, limit: seg.limit),
      seg.footer != nil
    {
      throw LogError.corrupt(segment: seg.entry.name, position: stop.position, reason: stop.reason)
    }
    seg.index = index
    return index
  }
}

/// Walks batches forward from a position; `next()` returns nil at the end of
/// what is visible now and may be called again later to follow the tail.
public final class LogCursor {
  let reader: LogReader
  private var segment: Int
  private var position: Int64
  private var expected: UInt64
  private let skipBelow: UInt64

  init(reader: LogReader, segment: Int, position: Int64, expected: UInt64, skipBelow: UInt64) {
    self.reader = reader
    self.segment = segment
    self.position = position
    self.expected = expected
    self.skipBelow = skipBelow
  }

  /// The offset of the next record this cursor will return.
  public var nextOffset: UInt64 { expected }

  /// The records of `batch` at or after the cursor's starting offset.
  public func records(of batch: LogBatch) throws(LogError) -> [LogRecord] {
    let all = try batch.records()
    return batch.header.baseOffset >= skipBelow ? all : all.filter { $0.offset >= skipBelow }
  }

  /// The next whole, checksummed batch, or nil when none is visible yet.
  public func next() throws(LogError) -> LogBatch? {
    while true {
      if reader.segments.isEmpty || segment >= reader.segments.count {
        try reader.refreshSegments()
        if segment >= reader.segments.count { return nil }
      }
      let seg = reader.segments[segment]
      switch try seg.reader.batch(at: position, limit: seg.limit) {
      case .batch(let b):
        guard b.header.baseOffset == expected else {
          throw LogError.corrupt(
            segment: seg.entry.name, position: position,
            reason:
              "batch base offset \(b.header.baseOffset), expected \(expected) (offsets must be dense)"
          )
        }
        position += Int64(b.header.totalLength)
        expected = b.header.nextOffset
        return b
      case .end:
        guard try advance(from: seg) else { return nil }
      case .invalid(let reason):
        try seg.refresh()
        if seg.footer != nil && position >= seg.limit { continue }
        if try mustBeValid(seg) {
          throw LogError.corrupt(segment: seg.entry.name, position: position, reason: reason)
        }
        // A batch still being written: read the bytes afresh next time.
        seg.reader.invalidate()
        return nil
      }
    }
  }

  /// At the end of the visible data of `seg`: move to the next segment if
  /// this one is sealed, else look again for appended bytes.
  private func advance(from seg: LogReader.SegmentView) throws(LogError) -> Bool {
    let before = seg.limit
    try seg.refresh()
    if seg.footer == nil { return seg.limit > before }
    guard position == seg.limit else { return true }
    try reader.refreshSegments()
    guard segment + 1 < reader.segments.count else { return false }
    let nextSeg = reader.segments[segment + 1]
    guard nextSeg.entry.base == expected else {
      throw LogError.corrupt(
        segment: nextSeg.entry.name, position: 0,
        reason:
          "segment starts at offset \(nextSeg.entry.base), the previous one ends at \(expected)")
    }
    segment += 1
    position = Int64(SegmentHeader.size)
    return true
  }

  /// Whether the bytes at the cursor are covered by the durable checkpoint
  /// (or a seal), so that invalid bytes there are corruption, not a tail in progress.
  private func mustBeValid(_ seg: LogReader.SegmentView) throws(LogError) -> Bool {
    if seg.footer != nil { return true }
    guard let cp = try CheckpointFile.read(directory: reader.directory) else { return false }
    if cp.segmentBase > seg.entry.base { return true }
    return cp.segmentBase == seg.entry.base && position < cp.position
  }
}

/// Follows a log as it grows: `next(timeout:)` waits for the next batch,
/// polling the files (readers take no lock and need no writer cooperation).
public final class TailingReader {
  private let cursor: LogCursor
  private let pollMicroseconds: UInt32

  /// Tails `directory` from `offset`, polling every `pollMilliseconds`.
  public init(directory: String, from offset: UInt64 = 0, pollMilliseconds: Int = 5)
    throws(LogError)
  {
    cursor = try LogReader(directory: directory).cursor(from: offset)
    pollMicroseconds = UInt32(max(pollMilliseconds, 1) * 1000)
  }

  /// The next batch, waiting up to `timeoutMilliseconds`; nil when none came.
  public func next(timeoutMilliseconds: Int) throws(LogError) -> LogBatch? {
    var waited = 0
    while true {
      if let b = try cursor.next() { return b }
      if waited >= timeoutMilliseconds * 1000 { return nil }
      usleep(pollMicroseconds)
      waited += Int(pollMicroseconds)
    }
  }

  /// The records of a batch from the starting offset on.
  public func records(of batch: LogBatch) throws(LogError) -> [LogRecord] {
    try cursor.records(of: batch)
  }
}
