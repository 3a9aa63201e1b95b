/// The record layout of EVENTS.md §2: a 42-byte little-endian header, then
/// stream, causes and payload. This is what the generic codec compresses and
/// what every codec must decode to, byte for byte.
enum RecordCodec {
  /// Fixed header bytes, the `length` field included.
  static let fixedHeaderSize = 42

  /// Encoded size of an event's record.
  static func size(of event: Event) -> Int {
    fixedHeaderSize + event.stream.utf8.count + 8 * event.causes.count + event.payload.count
  }

  /// Appends the record of `event` at `offset`.
  static func encode(_ event: Event, offset: UInt64, into w: inout ByteWriter) {
    let streamBytes = event.stream.utf8
    let length = size(of: event) - 4
    w.u32(UInt32(length))
    w.u64(offset)
    w.i64(event.eventTime)
    w.u16(event.type.rawValue)
    w.u16(event.schemaVersion)
    w.u8(event.isDerived ? 1 : 0)
    w.u8(UInt8(streamBytes.count))
    w.u64(event.formula)
    w.u32(UInt32(event.causes.count))
    w.u32(UInt32(event.payload.count))
    w.append(contentsOf: streamBytes)
    for c in event.causes { w.u64(c) }
    w.append(contentsOf: event.payload)
  }

  /// Decodes the record at the reader's position; the reason on failure.
  static func decode(_ r: inout ByteReader) -> Result<LogRecord, PayloadError> {
    let start = r.position
    guard let length = r.u32(), let offset = r.u64(), let time = r.i64(), let type = r.u16(),
      let version = r.u16(), let flags = r.u8(), let streamLen = r.u8(), let formula = r.u64(),
      let causeCount = r.u32(), let payloadLen = r.u32()
    else { return .failure(PayloadError("record at \(start) is cut short")) }
    let expected = 38 + Int(streamLen) + 8 * Int(causeCount) + Int(payloadLen)
    guard Int(length) == expected else {
      return .failure(
        PayloadError("record at \(start) has length \(length), fields say \(expected)"))
    }
    guard flags & ~1 == 0 else {
      return .failure(PayloadError("record at \(start) has unknown flags \(flags)"))
    }
    guard streamLen > 0, let streamBytes = r.bytes(Int(streamLen)),
      let stream = String(validating: streamBytes, as: UTF8.self)
    else { return .failure(PayloadError("record at \(start) has an empty or non-UTF-8 stream")) }
    guard r.remaining >= 8 * Int(causeCount) + Int(payloadLen) else {
      return .failure(PayloadError("record at \(start) is cut short"))
    }
    var causes = [UInt64]()
    causes.reserveCapacity(Int(causeCount))
    for _ in 0..<causeCount { causes.append(r.u64()!) }
    let payload = [UInt8](r.bytes(Int(payloadLen))!)
    let event = Event(
      eventTime: time, type: EventType(rawValue: type), schemaVersion: version,
      isDerived: flags & 1 == 1,
      stream: stream, formula: formula, causes: causes, payload: payload)
    return .success(LogRecord(offset: offset, event: event))
  }
}
