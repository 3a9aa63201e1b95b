/// One indexed batch: where it starts and what times it covers.
struct IndexEntry: Equatable, Sendable {
  var offset: UInt64
  var position: Int64
  var watermark: Int64
  var minTime: Int64
  var maxTime: Int64
}

/// The sparse offset index and the time index of one segment, in memory.
/// A batch is indexed when it is the segment's first or starts at least
/// `interval` bytes after the previous indexed batch, so rebuilding gives
/// the same entries as writing them live.
struct SegmentIndex: Equatable, Sendable {
  var base: UInt64
  var interval: Int64
  var entries: [IndexEntry] = []

  /// Whether a batch starting at `position` gets an entry.
  func shouldIndex(position: Int64) -> Bool {
    guard let last = entries.last else { return true }
    return position - last.position >= interval
  }

  /// Records a batch if the sparse rule says so; returns whether it did.
  @discardableResult
  mutating func note(_ h: BatchHeader, at position: Int64) -> IndexEntry? {
    guard shouldIndex(position: position) else { return nil }
    let e = IndexEntry(
      offset: h.baseOffset, position: position, watermark: h.watermark, minTime: h.minTime,
      maxTime: h.maxTime)
    entries.append(e)
    return e
  }

  /// The last entry whose batch starts at or before `offset`.
  func floor(offset: UInt64) -> IndexEntry? {
    var lo = 0
    var hi = entries.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if entries[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
    }
    return lo == 0 ? nil : entries[lo - 1]
  }

  /// The last entry whose watermark is below `time` (scanning starts there:
  /// the first batch with watermark ≥ time lies after it).
  func lastBelow(watermark time: Int64) -> IndexEntry? {
    var lo = 0
    var hi = entries.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if entries[mid].watermark < time { lo = mid + 1 } else { hi = mid }
    }
    return lo == 0 ? nil : entries[lo - 1]
  }

  /// Drops entries at or after `position` (after a truncation).
  mutating func truncate(atPosition position: Int64) {
    entries.removeAll { $0.position >= position }
  }
}

/// The two index files beside a segment: `<base>.index` (offset → position,
/// 24-byte entries) and `<base>.timeindex` (watermark, min/max time, 48-byte
/// entries). Each file has a 24-byte header; each entry its own CRC32C, so a
/// torn or rotten entry ends the usable prefix and the rest is rebuilt.
enum IndexFiles {
  static let offsetMagic: UInt32 = 0x4947_444C  // "LDGI"
  static let timeMagic: UInt32 = 0x5447_444C  // "LDGT"
  static let headerSize = 24
  static let offsetEntrySize = 24
  static let timeEntrySize = 48

  static func paths(directory: String, base: UInt64) -> (offset: String, time: String) {
    (
      directory + "/" + SegmentLayout.fileName(base: base, suffix: "index"),
      directory + "/" + SegmentLayout.fileName(base: base, suffix: "timeindex")
    )
  }

  static func header(magic: UInt32, base: UInt64, interval: Int64) -> [UInt8] {
    var w = ByteWriter(capacity: headerSize)
    w.u32(magic)
    w.u16(1)
    w.u16(0)
    w.u64(base)
    w.u32(UInt32(interval))
    w.u32(CRC32C.checksum(w.bytes))
    return w.bytes
  }

  static func offsetEntry(_ e: IndexEntry) -> [UInt8] {
    var w = ByteWriter(capacity: offsetEntrySize)
    w.u64(e.offset)
    w.i64(e.position)
    w.u32(0)
    w.u32(CRC32C.checksum(w.bytes))
    return w.bytes
  }

  static func timeEntry(_ e: IndexEntry) -> [UInt8] {
    var w = ByteWriter(capacity: timeEntrySize)
    w.u64(e.offset)
    w.i64(e.position)
    w.i64(e.watermark)
    w.i64(e.minTime)
    w.i64(e.maxTime)
    w.u32(0)
    w.u32(CRC32C.checksum(w.bytes))
    return w.bytes
  }

  /// The valid prefix of the index files of a segment; entries agree in
  /// both files or the shorter prefix wins. Nil when either file is missing
  /// or its header is wrong.
  static func load(directory: String, base: UInt64) throws(LogError) -> SegmentIndex? {
    let (op, tp) = paths(directory: directory, base: base)
    guard Directory.exists(op), Directory.exists(tp) else { return nil }
    let ob = try PosixFile.open(op, writable: false).readAll()
    let tb = try PosixFile.open(tp, writable: false).readAll()
    guard ob.count >= headerSize, tb.count >= headerSize else { return nil }
    let oh = Array(ob[0..<headerSize])
    let th = Array(tb[0..<headerSize])
    let interval = oh.withUnsafeBytes {
      Int64($0.loadUnaligned(fromByteOffset: 16, as: UInt32.self).littleEndian)
    }
    guard interval > 0, oh == header(magic: offsetMagic, base: base, interval: interval),
      th == header(magic: timeMagic, base: base, interval: interval)
    else { return nil }
    var index = SegmentIndex(base: base, interval: interval)
    var i = 0
    while headerSize + (i + 1) * offsetEntrySize <= ob.count,
      headerSize + (i + 1) * timeEntrySize <= tb.count
    {
      let os = headerSize + i * offsetEntrySize
      let ts = headerSize + i * timeEntrySize
      guard let e = decodeTimeEntry(Array(tb[ts..<(ts + timeEntrySize)])),
        offsetEntry(e) == Array(ob[os..<(os + offsetEntrySize)])
      else { break }
      if let last = index.entries.last, e.offset <= last.offset || e.position <= last.position {
        break
      }
      index.entries.append(e)
      i += 1
    }
    return index
  }

  static func decodeTimeEntry(_ b: [UInt8]) -> IndexEntry? {
    b.withUnsafeBytes { raw -> IndexEntry? in
      var r = ByteReader(raw)
      let e = IndexEntry(
        offset: r.u64()!, position: r.i64()!, watermark: r.i64()!, minTime: r.i64()!,
        maxTime: r.i64()!)
      r.position = timeEntrySize - 4
      guard
        r.u32() == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<(timeEntrySize - 4)]))
      else {
        return nil
      }
      return e
    }
  }

  /// Writes both files from scratch (temporary files renamed into place).
  static func rewrite(directory: String, index: SegmentIndex) throws(LogError) {
    let (op, tp) = paths(directory: directory, base: index.base)
    var o = header(magic: offsetMagic, base: index.base, interval: index.interval)
    var t = header(magic: timeMagic, base: index.base, interval: index.interval)
    for e in index.entries {
      o += offsetEntry(e)
      t += timeEntry(e)
    }
    for (path, bytes) in [(op, o), (tp, t)] {
      try Directory.remove(path + ".tmp")
      let f = try PosixFile.open(path + ".tmp", writable: true, create: true)
      try f.write(bytes, at: 0)
      try Directory.rename(path + ".tmp", path)
    }
  }
}

/// Appends entries to a segment's index files as the writer indexes batches
/// (not fsynced: indexes are rebuilt from the segment when behind).
final class IndexAppender {
  let offsetFile: PosixFile
  let timeFile: PosixFile
  private var count: Int

  /// Opens the files of `index` (rewritten first so they match it exactly).
  init(directory: String, index: SegmentIndex) throws(LogError) {
    try IndexFiles.rewrite(directory: directory, index: index)
    let (op, tp) = IndexFiles.paths(directory: directory, base: index.base)
    offsetFile = try PosixFile.open(op, writable: true)
    timeFile = try PosixFile.open(tp, writable: true)
    count = index.entries.count
  }

  func append(_ e: IndexEntry) throws(LogError) {
    try offsetFile.write(
      IndexFiles.offsetEntry(e),
      at: Int64(IndexFiles.headerSize + count * IndexFiles.offsetEntrySize))
    try timeFile.write(
      IndexFiles.timeEntry(e), at: Int64(IndexFiles.headerSize + count * IndexFiles.timeEntrySize))
    count += 1
  }

  func sync() throws(LogError) {
    try offsetFile.sync()
    try timeFile.sync()
  }
}
