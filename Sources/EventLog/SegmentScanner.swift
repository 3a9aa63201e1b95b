/// The result of reading a segment batch by batch.
struct SegmentScan {
  var entry: SegmentEntry
  var fileSize: Int64
  /// The footer, when the segment is sealed.
  var footer: SegmentFooter?
  /// End of the last valid batch.
  var dataEnd: Int64 = Int64(SegmentHeader.size)
  var nextOffset: UInt64
  var watermark: Int64
  var batchCount: UInt32 = 0
  /// CRC32C of `[0, dataEnd)`.
  var crc: UInt32 = 0
  var index: SegmentIndex
  /// After each valid batch: its end position, next offset and watermark.
  var boundaries: [(end: Int64, nextOffset: UInt64, watermark: Int64)] = []
  /// The first position that is not a valid continuation, and why.
  var stop: (position: Int64, reason: String)?
}

/// Reads segments for recovery, verification and index rebuilds.
enum SegmentScanner {
  /// The footer of a segment file, if it is sealed.
  static func footer(_ file: PosixFile, size: Int64) throws(LogError) -> SegmentFooter? {
    guard size >= Int64(SegmentHeader.size + SegmentFooter.size) else { return nil }
    let bytes = try file.read(count: SegmentFooter.size, at: size - Int64(SegmentFooter.size))
    return SegmentFooter.decode(bytes, fileSize: size)
  }

  /// Checks the segment header; the reason when it is wrong.
  static func checkHeader(_ file: PosixFile, entry: SegmentEntry) throws(LogError) -> String? {
    switch SegmentHeader.decode(try file.read(count: SegmentHeader.size, at: 0)) {
    case .failure(let e): return e.reason
    case .success(let h) where h.baseOffset != entry.base:
      return "segment header names base offset \(h.baseOffset), file name says \(entry.base)"
    case .success: return nil
    }
  }

  /// Reads every batch of a segment, checking CRCs, dense offsets from
  /// `expectedBase` and a non-decreasing watermark; `visit` sees each batch.
  static func scan(
    _ entry: SegmentEntry, watermarkBefore: Int64, indexInterval: Int64,
    visit: ((LogBatch) throws(LogError) -> Void)? = nil
  ) throws(LogError) -> SegmentScan {
    let file = try PosixFile.open(entry.path, writable: false)
    let size = try file.size()
    var s = SegmentScan(
      entry: entry, fileSize: size, nextOffset: entry.base, watermark: watermarkBefore,
      index: SegmentIndex(base: entry.base, interval: indexInterval))
    if let reason = try checkHeader(file, entry: entry) {
      s.dataEnd = 0
      s.stop = (0, reason)
      return s
    }
    s.crc = CRC32C.checksum(SegmentHeader(baseOffset: entry.base).encoded())
    s.footer = try footer(file, size: size)
    let limit = s.footer?.dataLength ?? size
    let reader = SegmentReader(file: file, name: entry.name, base: entry.base)
    var position = Int64(SegmentHeader.size)
    while true {
      switch try reader.batch(at: position, limit: limit) {
      case .end:
        s.dataEnd = position
        checkFooter(&s)
        return s
      case .invalid(let reason):
        s.dataEnd = position
        s.stop = (position, reason)
        return s
      case .batch(let b):
        if let reason = continuityProblem(b.header, next: s.nextOffset, watermark: s.watermark) {
          s.dataEnd = position
          s.stop = (position, reason)
          return s
        }
        try visit?(b)
        var hw = ByteWriter(capacity: BatchHeader.size)
        b.header.encode(into: &hw)
        s.crc = CRC32C.checksum(b.body, continuing: CRC32C.checksum(hw.bytes, continuing: s.crc))
        s.index.note(b.header, at: position)
        s.nextOffset = b.header.nextOffset
        s.watermark = b.header.watermark
        s.batchCount += 1
        position += Int64(b.header.totalLength)
        s.boundaries.append((position, s.nextOffset, s.watermark))
      }
    }
  }

  static func continuityProblem(_ h: BatchHeader, next: UInt64, watermark: Int64) -> String? {
    if h.baseOffset != next {
      return "batch base offset \(h.baseOffset), expected \(next) (offsets must be dense)"
    }
    if h.watermark < watermark {
      return "batch watermark \(h.watermark) below the previous \(watermark)"
    }
    return nil
  }

  private static func checkFooter(_ s: inout SegmentScan) {
    guard let f = s.footer else { return }
    let at = f.dataLength
    if f.baseOffset != s.entry.base {
      s.stop = (at, "footer names base offset \(f.baseOffset), file name says \(s.entry.base)")
    } else if f.nextOffset != s.nextOffset || f.batchCount != s.batchCount {
      s.stop = (
        at,
        "footer says \(f.batchCount) batches up to offset \(f.nextOffset), found \(s.batchCount) up to \(s.nextOffset)"
      )
    } else if f.watermark != s.watermark {
      s.stop = (at, "footer watermark \(f.watermark) differs from the last batch's \(s.watermark)")
    } else if f.fileCRC != s.crc {
      s.stop = (at, "whole-file checksum mismatch")
    }
  }

  /// Brings `index` up to date with the batches in `[.., limit)` by walking
  /// batch headers from its last valid entry (or from the start). Returns
  /// where and why the walk stopped early, nil when it reached `limit`.
  static func catchUp(
    _ index: inout SegmentIndex, reader: SegmentReader, limit: Int64
  ) throws(LogError) -> (position: Int64, reason: String)? {
    var position = Int64(SegmentHeader.size)
    if let last = index.entries.last {
      if case .success(let h)? = try reader.header(at: last.position, limit: limit),
        h.baseOffset == last.offset
      {
        position = last.position + Int64(h.totalLength)
      } else {
        index.entries.removeAll()
      }
    }
    while position < limit {
      switch try reader.header(at: position, limit: limit) {
      case .success(let h)?:
        guard position + Int64(h.totalLength) <= limit else {
          return (position, "batch runs past the end")
        }
        index.note(h, at: position)
        position += Int64(h.totalLength)
      case .failure(let e)?: return (position, e.reason)
      case nil: return nil
      }
    }
    return nil
  }
}
