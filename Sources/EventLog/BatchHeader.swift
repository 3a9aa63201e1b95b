/// How a batch body is encoded (the header's codec byte, D-11).
public enum BatchCodec: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  /// EVENTS.md §2 records, concatenated, in one LZ4 block.
  case generic = 1
  /// Columnar candles (streams may mix, D-20), then one LZ4 block.
  case candle = 2

  public var description: String {
    switch self {
    case .generic: return "generic"
    case .candle: return "candle"
    }
  }
}

/// The fixed 56-byte batch header. The CRC32C at its end covers the header's
/// first 52 bytes and the body, so a reader trusts nothing it has not checked.
public struct BatchHeader: Sendable, Equatable {
  /// "LDGB" little-endian.
  static let magic: UInt32 = 0x4247_444C
  /// Encoded size.
  public static let size = 56

  /// Body encoding.
  public var codec: BatchCodec
  /// Offset of the batch's first record.
  public var baseOffset: UInt64
  /// Number of records (≥ 1).
  public var count: UInt32
  /// Length of the codec's block before LZ4.
  public var rawLength: UInt32
  /// Smallest and largest event time in the batch.
  public var minTime: Int64
  /// Largest event time in the batch.
  public var maxTime: Int64
  /// Running watermark after this batch: max market-data event time so far
  /// (`Int64.min` while the log has none).
  public var watermark: Int64
  /// Length of the LZ4 body that follows the header.
  public var bodyLength: UInt32
  /// CRC32C of header bytes 0..<52 and the body.
  public var crc: UInt32

  /// The offset after the batch's last record.
  public var nextOffset: UInt64 { baseOffset + UInt64(count) }
  /// Header plus body bytes.
  public var totalLength: Int { BatchHeader.size + Int(bodyLength) }

  /// Appends the header (with `crc` as stored).
  func encode(into w: inout ByteWriter) {
    w.u32(BatchHeader.magic)
    w.u8(codec.rawValue)
    w.u8(0)
    w.u16(0)
    w.u64(baseOffset)
    w.u32(count)
    w.u32(rawLength)
    w.i64(minTime)
    w.i64(maxTime)
    w.i64(watermark)
    w.u32(bodyLength)
    w.u32(crc)
  }

  /// Why a header is not one, or nil when it decodes.
  static func decode(_ raw: UnsafeRawBufferPointer) -> Result<BatchHeader, PayloadError> {
    var r = ByteReader(raw)
    guard raw.count >= size else { return .failure(PayloadError("batch header cut short")) }
    guard r.u32()! == magic else { return .failure(PayloadError("no batch magic")) }
    guard let codec = BatchCodec(rawValue: r.u8()!) else {
      return .failure(PayloadError("unknown codec byte \(raw[4])"))
    }
    guard r.u8()! == 0, r.u16()! == 0 else {
      return .failure(PayloadError("reserved header bytes not zero"))
    }
    let h = BatchHeader(
      codec: codec, baseOffset: r.u64()!, count: r.u32()!, rawLength: r.u32()!, minTime: r.i64()!,
      maxTime: r.i64()!, watermark: r.i64()!, bodyLength: r.u32()!, crc: r.u32()!)
    guard h.count > 0 else { return .failure(PayloadError("batch with no records")) }
    guard h.minTime <= h.maxTime else { return .failure(PayloadError("min time after max time")) }
    return .success(h)
  }
}
