/// One whole, checksummed batch as read from a segment: its header, its LZ4
/// body and where it lies. Decoding is lazy so a seek can skip batches cheaply.
public struct LogBatch: Sendable {
  /// The verified header.
  public var header: BatchHeader
  /// The LZ4 body (CRC already checked).
  public var body: [UInt8]
  /// File name of the segment holding the batch.
  public var segment: String
  /// Byte position of the header in the segment.
  public var position: Int64

  /// The records, byte-identical to the appended ones whatever the codec.
  public func records() throws(LogError) -> [LogRecord] {
    var raw: [UInt8] = []
    try decompress(into: &raw)
    switch header.codec {
    case .generic:
      return try genericRecords(raw)
    case .candle:
      return try candleColumns(raw).records()
    }
  }

  /// The rows as typed candles when every record is a candle, else nil.
  public func candles() throws(LogError) -> CandleBatch? {
    var raw: [UInt8] = []
    return try candles(scratch: &raw)
  }

  /// As `candles()`, reusing `scratch` for the decompressed block.
  public func candles(scratch raw: inout [UInt8]) throws(LogError) -> CandleBatch? {
    try decompress(into: &raw)
    switch header.codec {
    case .candle:
      return try candleColumns(raw)
    case .generic:
      return try CandleBatch.fromRecords(genericRecords(raw), baseOffset: header.baseOffset).get()
    }
  }

  func corrupt(_ reason: String) -> LogError {
    .corrupt(segment: segment, position: position, reason: reason)
  }

  func decompress(into raw: inout [UInt8]) throws(LogError) {
    let ok = body.withUnsafeBytes {
      LZ4Block.decompress($0, rawLength: Int(header.rawLength), into: &raw)
    }
    guard ok else { throw corrupt("LZ4 body does not expand to \(header.rawLength) bytes") }
  }

  func genericRecords(_ raw: [UInt8]) throws(LogError) -> [LogRecord] {
    let result: Result<[LogRecord], PayloadError> = raw.withUnsafeBytes { buf in
      var r = ByteReader(buf)
      var out: [LogRecord] = []
      out.reserveCapacity(Int(header.count))
      while !r.isAtEnd {
        switch RecordCodec.decode(&r) {
        case .success(let rec):
          guard rec.offset == header.baseOffset + UInt64(out.count) else {
            return .failure(
              PayloadError(
                "record \(out.count) has offset \(rec.offset), expected \(header.baseOffset + UInt64(out.count))"
              ))
          }
          out.append(rec)
        case .failure(let e): return .failure(e)
        }
      }
      guard out.count == Int(header.count) else {
        return .failure(
          PayloadError("batch holds \(out.count) records, header says \(header.count)"))
      }
      return .success(out)
    }
    switch result {
    case .success(let records): return records
    case .failure(let e): throw corrupt(e.reason)
    }
  }

  func candleColumns(_ raw: [UInt8]) throws(LogError) -> CandleBatch {
    let result = raw.withUnsafeBytes {
      CandleColumnarCodec.decode(
        $0, baseOffset: header.baseOffset, count: Int(header.count), minTime: header.minTime)
    }
    switch result {
    case .success(let b): return b
    case .failure(let e): throw corrupt(e.reason)
    }
  }
}

extension CandleBatch {
  /// Columns from generic records; nil when a record is not a candle.
  static func fromRecords(_ records: [LogRecord], baseOffset: UInt64) -> Result<
    CandleBatch?, LogError
  > {
    var streamIDs: [String: Int32] = [:]
    var venueIDs: [String: Int32] = [:]
    var b = CandleBatch(baseOffset: baseOffset, streams: [])
    b.reserve(records.count)
    for rec in records {
      let e = rec.event
      guard e.type == .candle else { return .success(nil) }
      guard let p = try? CandlePayload.decode(e.payload) else {
        return .failure(
          .invalidEvent(
            index: Int(rec.offset - baseOffset), reason: "candle payload does not decode"))
      }
      let s =
        streamIDs[e.stream]
        ?? {
          let id = Int32(b.streams.count)
          streamIDs[e.stream] = id
          b.streams.append(e.stream)
          return id
        }()
      var vi: Int32 = -1
      if let v = p.venue {
        vi =
          venueIDs[v]
          ?? {
            let id = Int32(b.venues.count)
            venueIDs[v] = id
            b.venues.append(v)
            return id
          }()
      }
      b.streamIndex.append(s)
      b.eventTime.append(e.eventTime)
      b.schemaVersion.append(e.schemaVersion)
      b.open.append(p.open)
      b.high.append(p.high)
      b.low.append(p.low)
      b.close.append(p.close)
      b.volume.append(p.volume)
      b.quoteVolume.append(p.quoteVolume ?? 0)
      b.presence.append(e.payload.withUnsafeBytes { CandlePayload.parse($0)?.presence ?? 0 })
      b.venueIndex.append(vi)
    }
    return .success(b)
  }
}
