/// Turns a batch of events into the bytes of one batch (header + LZ4 body).
///
/// Work that does not depend on where the batch lands (validation, the
/// candle codec's columns, LZ4, the body's CRC) is `prepare`d outside the
/// writer's lock, so concurrent appenders encode in parallel; `finalize`
/// adds the offsets and watermark under the lock. The CRC32C runs over the
/// body, then the header's first 52 bytes, which lets the body's part be
/// computed early.
enum BatchEncoder {
  /// An encoded batch.
  struct Encoded {
    var header: BatchHeader
    var bytes: [UInt8]
  }

  /// A batch ready but for its base offset and watermark.
  struct Prepared {
    var events: [Event]
    var codec: BatchCodec
    /// Candle codec: the LZ4 body, its raw length and CRC.
    var body: [UInt8]?
    var rawLength: UInt32 = 0
    var bodyCRC: UInt32 = 0
    var minTime = Int64.max
    var maxTime = Int64.min
    /// Largest market-data event time, `Int64.min` when none.
    var marketMax = Int64.min
    /// A candle rule broken by a row, found while encoding (validating prepares only).
    var invalid: (index: Int, reason: String)?
  }

  static func prepare(
    _ events: [Event], registry: EventTypeRegistry, codec choice: CodecChoice,
    validating: Bool = false
  ) -> Prepared {
    var p = Prepared(events: events, codec: .generic)
    var info: EventTypeInfo?
    for i in events.indices {
      let t = events[i].eventTime
      p.minTime = min(p.minTime, t)
      p.maxTime = max(p.maxTime, t)
      if info?.type != events[i].type { info = registry[events[i].type] }
      if info?.isMarketData == true { p.marketMax = max(p.marketMax, t) }
    }
    guard choice == .automatic else { return p }
    switch CandleColumnarCodec.encode(events, minTime: p.minTime, validating: validating) {
    case .notCandles:
      return p
    case .invalid(let index, let reason):
      p.invalid = (index, reason)
      return p
    case .encoded(let raw):
      p.codec = .candle
      p.rawLength = UInt32(raw.count)
      var body: [UInt8] = []
      body.reserveCapacity(raw.count / 2 + 64)
      raw.withUnsafeBytes { LZ4Block.compress($0, appendingTo: &body) }
      p.bodyCRC = CRC32C.checksum(body)
      p.body = body
      return p
    }
  }

  static func finalize(_ p: Prepared, baseOffset: UInt64, watermarkBefore: Int64) -> Encoded {
    var body: [UInt8]
    var rawLength = p.rawLength
    var bodyCRC = p.bodyCRC
    if let b = p.body {
      body = b
    } else {
      var w = ByteWriter(capacity: p.events.reduce(0) { $0 + RecordCodec.size(of: $1) })
      for (i, e) in p.events.enumerated() {
        RecordCodec.encode(e, offset: baseOffset + UInt64(i), into: &w)
      }
      rawLength = UInt32(w.count)
      body = []
      w.bytes.withUnsafeBytes { LZ4Block.compress($0, appendingTo: &body) }
      bodyCRC = CRC32C.checksum(body)
    }
    var header = BatchHeader(
      codec: p.codec, baseOffset: baseOffset, count: UInt32(p.events.count), rawLength: rawLength,
      minTime: p.minTime, maxTime: p.maxTime, watermark: max(watermarkBefore, p.marketMax),
      bodyLength: UInt32(body.count), crc: 0)
    var hw = ByteWriter(capacity: BatchHeader.size + body.count)
    header.encode(into: &hw)
    header.crc = CRC32C.checksum(hw.bytes[0..<52], continuing: bodyCRC)
    hw.patchU32(header.crc, at: 52)
    hw.append(contentsOf: body)
    return Encoded(header: header, bytes: hw.bytes)
  }

  /// Prepare and finalize in one step (tests, tools).
  static func encode(
    _ events: [Event], baseOffset: UInt64, watermarkBefore: Int64, registry: EventTypeRegistry,
    codec choice: CodecChoice
  ) -> Encoded {
    finalize(
      prepare(events, registry: registry, codec: choice), baseOffset: baseOffset,
      watermarkBefore: watermarkBefore)
  }

  /// Checks a batch's CRC over its body and header bytes.
  static func checksumMatches(
    header: BatchHeader, headerBytes: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer
  )
    -> Bool
  {
    let crc = CRC32C.checksum(body)
    return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: headerBytes[0..<52]), continuing: crc)
      == header.crc
  }
}
