/// Turns a batch of events into the bytes of one batch (header + LZ4 body).
enum BatchEncoder {
  /// The encoded batch and the watermark after it.
  struct Encoded {
    var header: BatchHeader
    var bytes: [UInt8]
  }

  static func encode(
    _ events: [Event], baseOffset: UInt64, watermarkBefore: Int64, registry: EventTypeRegistry,
    codec choice: CodecChoice
  ) -> Encoded {
    var minTime = Int64.max
    var maxTime = Int64.min
    var watermark = watermarkBefore
    for e in events {
      minTime = min(minTime, e.eventTime)
      maxTime = max(maxTime, e.eventTime)
      if registry[e.type]?.isMarketData == true { watermark = max(watermark, e.eventTime) }
    }
    var codec = BatchCodec.generic
    var raw: [UInt8]
    if choice == .automatic, let columns = CandleColumnarCodec.encode(events, minTime: minTime) {
      codec = .candle
      raw = columns
    } else {
      var w = ByteWriter(capacity: events.reduce(0) { $0 + RecordCodec.size(of: $1) })
      for (i, e) in events.enumerated() { RecordCodec.encode(e, offset: baseOffset + UInt64(i), into: &w) }
      raw = w.bytes
    }
    var out = [UInt8]()
    out.reserveCapacity(BatchHeader.size + raw.count / 2 + 64)
    out.append(contentsOf: repeatElement(0, count: BatchHeader.size))
    raw.withUnsafeBytes { LZ4Block.compress($0, appendingTo: &out) }
    var header = BatchHeader(
      codec: codec, baseOffset: baseOffset, count: UInt32(events.count), rawLength: UInt32(raw.count),
      minTime: minTime, maxTime: maxTime, watermark: watermark,
      bodyLength: UInt32(out.count - BatchHeader.size), crc: 0)
    var hw = ByteWriter(capacity: BatchHeader.size)
    header.encode(into: &hw)
    var crc = CRC32C.checksum(hw.bytes[0..<52])
    crc = out.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[BatchHeader.size...]), continuing: crc) }
    header.crc = crc
    hw.patchU32(crc, at: 52)
    out.replaceSubrange(0..<BatchHeader.size, with: hw.bytes)
    return Encoded(header: header, bytes: out)
  }

  /// Checks a batch's CRC over its header bytes and body.
  static func checksumMatches(header: BatchHeader, headerBytes: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer)
    -> Bool
  {
    let crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: headerBytes[0..<52]))
    return CRC32C.checksum(body, continuing: crc) == header.crc
  }
}
