/// File names and fixed structures of segment files: the 32-byte header that
/// opens a segment and the 56-byte footer that seals it.
enum SegmentLayout {
  /// Directory of segment files inside a log.
  static let directoryName = "segments"

  /// `<20-digit base offset>.log`.
  static func fileName(base: UInt64, suffix: String = "log") -> String {
    let digits = String(base)
    return String(repeating: "0", count: 20 - digits.count) + digits + "." + suffix
  }

  /// The base offset named by a segment file name, or nil for other files.
  static func baseOffset(fileName: String) -> UInt64? {
    guard fileName.hasSuffix(".log"), fileName.count == 24 else { return nil }
    return UInt64(fileName.prefix(20))
  }
}

/// The 32-byte header at the start of every segment file.
struct SegmentHeader: Equatable {
  /// "LDGS" little-endian.
  static let magic: UInt32 = 0x5347_444C
  static let size = 32
  static let formatVersion: UInt16 = 1

  var baseOffset: UInt64

  func encoded() -> [UInt8] {
    var w = ByteWriter(capacity: SegmentHeader.size)
    w.u32(SegmentHeader.magic)
    w.u16(SegmentHeader.formatVersion)
    w.u16(0)
    w.u64(baseOffset)
    w.append(contentsOf: repeatElement(0, count: 12))
    w.u32(CRC32C.checksum(w.bytes))
    return w.bytes
  }

  static func decode(_ bytes: [UInt8]) -> Result<SegmentHeader, PayloadError> {
    guard bytes.count >= size else { return .failure(PayloadError("segment header cut short")) }
    return bytes.withUnsafeBytes { raw in
      var r = ByteReader(raw)
      guard r.u32() == magic else { return .failure(PayloadError("no segment magic")) }
      guard r.u16() == formatVersion else {
        return .failure(PayloadError("unknown segment format version"))
      }
      _ = r.u16()
      let base = r.u64()!
      r.position = 28
      guard r.u32() == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<28])) else {
        return .failure(PayloadError("segment header checksum mismatch"))
      }
      return .success(SegmentHeader(baseOffset: base))
    }
  }
}

/// The 56-byte footer that seals a segment: its offsets, watermark, batch
/// count and the CRC32C of every byte before the footer.
struct SegmentFooter: Equatable {
  /// "LDGF" little-endian.
  static let magic: UInt32 = 0x4647_444C
  static let size = 56

  var baseOffset: UInt64
  var nextOffset: UInt64
  /// Bytes before the footer (header and batches).
  var dataLength: Int64
  var watermark: Int64
  var batchCount: UInt32
  /// CRC32C of bytes `[0, dataLength)`.
  var fileCRC: UInt32

  func encoded() -> [UInt8] {
    var w = ByteWriter(capacity: SegmentFooter.size)
    w.u32(SegmentFooter.magic)
    w.u16(1)
    w.u16(0)
    w.u64(baseOffset)
    w.u64(nextOffset)
    w.i64(dataLength)
    w.i64(watermark)
    w.u32(batchCount)
    w.u32(fileCRC)
    w.u32(0)
    w.u32(CRC32C.checksum(w.bytes))
    return w.bytes
  }

  /// Decodes the last 56 bytes of a file of `fileSize` bytes; nil when they
  /// are not a valid footer for that file.
  static func decode(_ bytes: [UInt8], fileSize: Int64) -> SegmentFooter? {
    guard bytes.count == size else { return nil }
    return bytes.withUnsafeBytes { raw -> SegmentFooter? in
      var r = ByteReader(raw)
      guard r.u32() == magic, r.u16() == 1, r.u16() == 0 else { return nil }
      let f = SegmentFooter(
        baseOffset: r.u64()!, nextOffset: r.u64()!, dataLength: r.i64()!, watermark: r.i64()!,
        batchCount: r.u32()!, fileCRC: r.u32()!)
      _ = r.u32()
      guard r.u32() == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<52])) else {
        return nil
      }
      guard f.dataLength == fileSize - Int64(size), f.nextOffset >= f.baseOffset else { return nil }
      return f
    }
  }

  /// Whether `bytes` start with the footer magic (a reader at a sealed segment's end).
  static func startsFooter(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.count >= 4 && bytes.loadUnaligned(as: UInt32.self).littleEndian == magic
  }
}
