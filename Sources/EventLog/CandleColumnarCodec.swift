/// Four prices iterated without allocating an array.
struct PriceQuad: Sequence, IteratorProtocol {
  var values: (Double, Double, Double, Double)
  var index = 0
  mutating func next() -> Double? {
    defer { index += 1 }
    switch index {
    case 0: return values.0
    case 1: return values.1
    case 2: return values.2
    case 3: return values.3
    default: return nil
    }
  }
}

/// The columnar candle codec (D-11, D-20): candle source events of any mix
/// of streams, stored as columns before LZ4.
///
/// Streams and venues are dictionary-coded. Times are per-stream
/// delta-of-deltas. Prices sharing one decimal exponent are scaled integers,
/// chained per stream (close against the previous close, open against the
/// previous close, high above max(open, close), low below min(open, close));
/// volumes are per-value short decimals. A value that is not a short
/// decimal is stored as its raw 8 bytes, so the codec is lossless for every
/// double and the rebuilt records are byte-identical.
enum CandleColumnarCodec {
  static let version: UInt8 = 1
  /// Largest decimal exponent tried (prices and volumes).
  static let maxExponent = 14
  /// Per-value decimal marker meaning "raw 8 bytes follow".
  static let rawMarker: UInt64 = 15
  static let powersOfTen: [Double] = (0...22).map { e in
    var p = 1.0
    for _ in 0..<e { p *= 10 }
    return p
  }

  /// The scaled integer of `v` at exponent `e`, when exact.
  @inline(__always)
  static func scaled(_ v: Double, _ e: Int) -> Int64? {
    let p = powersOfTen[e]
    let x = (v * p).rounded()
    guard abs(x) < 9_007_199_254_740_992 else { return nil }
    let m = Int64(x)
    return (Double(m) / p).bitPattern == v.bitPattern ? m : nil
  }

  /// The smallest exponent at which `v` is an exact short decimal.
  static func minimalExponent(_ v: Double) -> Int? {
    guard v.isFinite else { return nil }
    for e in 0...maxExponent where scaled(v, e) != nil { return e }
    return nil
  }

  static func writeDecimal(_ v: Double, into w: inout ByteWriter) {
    if let e = minimalExponent(v), let m = scaled(v, e) {
      w.varint(ByteWriter.zigzag(m) << 4 | UInt64(e))
    } else {
      w.varint(rawMarker)
      w.u64(v.bitPattern)
    }
  }

  static func varintLength(_ v: UInt64) -> Int { max(1, (64 - v.leadingZeroBitCount + 6) / 7) }

  /// A column of values: one shared exponent when every value is exact at it
  /// and that is smaller than per-value decimals, else per-value decimals.
  static func writeDecimalColumn(_ values: [Double], into w: inout ByteWriter) {
    var perValueSize = 0
    var exponent = 0
    var shared = true
    for v in values {
      if let e = minimalExponent(v), let m = scaled(v, e) {
        perValueSize += varintLength(ByteWriter.zigzag(m) << 4 | UInt64(e))
        exponent = max(exponent, e)
      } else {
        perValueSize += 9
        shared = false
      }
    }
    var sharedValues: [Int64] = []
    if shared {
      sharedValues.reserveCapacity(values.count)
      for v in values {
        guard let m = scaled(v, exponent) else {
          shared = false
          break
        }
        sharedValues.append(m)
      }
    }
    if shared, sharedValues.reduce(0, { $0 + varintLength(ByteWriter.zigzag($1)) }) < perValueSize {
      w.u8(UInt8(exponent))
      for m in sharedValues { w.zigzag(m) }
    } else {
      w.u8(0xFF)
      for v in values { writeDecimal(v, into: &w) }
    }
  }

  /// Reads `count` values written by `writeDecimalColumn`.
  static func readDecimalColumn(_ r: inout ByteReader, count: Int, into out: inout [Double]) -> Bool
  {
    guard let mode = r.u8() else { return false }
    if mode == 0xFF {
      for _ in 0..<count {
        guard let v = readDecimal(&r) else { return false }
        out.append(v)
      }
      return true
    }
    guard Int(mode) <= maxExponent else { return false }
    let p = powersOfTen[Int(mode)]
    for _ in 0..<count {
      guard let z = r.zigzag() else { return false }
      out.append(Double(z) / p)
    }
    return true
  }

  @inline(__always)
  static func readDecimal(_ r: inout ByteReader) -> Double? {
    guard let u = r.varint() else { return nil }
    let e = Int(u & 15)
    if UInt64(e) == rawMarker {
      guard u == rawMarker, let bits = r.u64() else { return nil }
      return Double(bitPattern: bits)
    }
    return Double(ByteReader.unzigzag(u >> 4)) / powersOfTen[e]
  }

  /// Encodes `events` as one uncompressed block, or nil when any event is not
  /// a plain candle source event in canonical encoding.
  /// What encoding a batch gave.
  enum Outcome {
    /// The uncompressed block.
    case encoded([UInt8])
    /// Not a batch for this codec (another type, causes, non-canonical payload).
    case notCandles
    /// Row `index` breaks a candle rule (only when asked to validate).
    case invalid(index: Int, reason: String)
  }

  /// Encodes `events`, or nil when any event is not a plain candle source
  /// event in canonical encoding.
  static func encode(_ events: [Event], minTime: Int64) -> [UInt8]? {
    if case .encoded(let raw) = encode(events, minTime: minTime, validating: false) { return raw }
    return nil
  }

  /// Encodes `events`, checking each candle's values on the way when
  /// `validating` (the writer's path: one parse per payload, not two).
  static func encode(_ events: [Event], minTime: Int64, validating: Bool) -> Outcome {
    var streamIDs: [String: Int32] = [:]
    var streams: [String] = []
    var venueIDs: [[UInt8]: Int32] = [:]
    var venues: [[UInt8]] = []
    var venueValid: [Bool] = []
    var rows: [(stream: Int32, parsed: CandlePayload.Parsed, venue: Int32)] = []
    rows.reserveCapacity(events.count)
    var lastStream: (name: String, id: Int32)?
    var lastVenue: (bytes: [UInt8], id: Int32)?
    for i in events.indices {
      guard events[i].type == .candle, !events[i].isDerived, events[i].formula == 0,
        events[i].causes.isEmpty
      else { return .notCandles }
      let s: Int32
      if let last = lastStream, last.name == events[i].stream {
        s = last.id
      } else {
        let name = events[i].stream
        if let known = streamIDs[name] {
          s = known
        } else {
          s = Int32(streams.count)
          streamIDs[name] = s
          streams.append(name)
        }
        lastStream = (name, s)
      }
      var venue: Int32 = -1
      let parsedRow = events[i].payload.withUnsafeBytes { raw -> CandlePayload.Parsed? in
        guard var p = CandlePayload.parse(raw) else { return nil }
        if let v = p.venue {
          if let last = lastVenue, last.bytes.elementsEqual(v) {
            venue = last.id
          } else {
            let bytes = [UInt8](v)
            if let known = venueIDs[bytes] {
              venue = known
            } else {
              venue = Int32(venues.count)
              venueIDs[bytes] = venue
              venues.append(bytes)
              venueValid.append(!validating || CandlePayload.isValidUTF8(v))
            }
            lastVenue = (bytes, venue)
          }
        }
        p.venue = nil
        return p
      }
      guard let parsed = parsedRow else { return .notCandles }
      if validating,
        let reason = CandlePayload.problem(
          parsed, venueChecked: venue < 0 || venueValid[Int(venue)])
      {
        return .invalid(index: i, reason: reason)
      }
      rows.append((s, parsed, venue))
    }
    let uniformVersion = events.indices.allSatisfy { events[$0].schemaVersion == 1 }
    let priceExponent = commonPriceExponent(rows.map(\.parsed))

    var w = ByteWriter(capacity: 24 * events.count + 64)
    w.u8(version)
    w.varint(UInt64(events.count))
    w.varint(UInt64(streams.count))
    for s in streams {
      w.varint(UInt64(s.utf8.count))
      w.append(contentsOf: s.utf8)
    }
    w.varint(UInt64(venues.count))
    for v in venues {
      w.varint(UInt64(v.count))
      w.append(contentsOf: v)
    }
    w.u8(uniformVersion ? 1 : 0)
    w.u8(priceExponent.map { UInt8($0) } ?? 0xFF)
    if streams.count > 1 { for r in rows { w.varint(UInt64(r.stream)) } }
    if !uniformVersion { for e in events { w.varint(UInt64(e.schemaVersion)) } }
    for r in rows { w.u8(r.parsed.presence) }
    writeTimes(
      events, streams: rows.map(\.stream), streamCount: streams.count, minTime: minTime, into: &w)
    writePrices(
      rows.map(\.parsed), streams: rows.map(\.stream), streamCount: streams.count,
      exponent: priceExponent, into: &w)
    writeDecimalColumn(rows.map(\.parsed.values.4), into: &w)
    writeDecimalColumn(
      rows.filter { $0.parsed.presence & CandlePayload.Field.quoteVolume != 0 }.map(
        \.parsed.values.5), into: &w)
    if venues.count > 1 { for r in rows where r.venue >= 0 { w.varint(UInt64(r.venue)) } }
    return .encoded(w.bytes)
  }

  /// One decimal exponent at which every price of the batch is exact, if any.
  static func commonPriceExponent(_ rows: [CandlePayload.Parsed]) -> Int? {
    var e = 0
    for r in rows {
      // Most prices share the previous maximum: try it before searching.
      for v in PriceQuad(values: (r.values.0, r.values.1, r.values.2, r.values.3))
      where scaled(v, e) == nil {
        guard let m = minimalExponent(v) else { return nil }
        e = max(e, m)
      }
    }
    for r in rows {
      for v in PriceQuad(values: (r.values.0, r.values.1, r.values.2, r.values.3))
      where scaled(v, e) == nil { return nil }
    }
    return e
  }

  static func writeTimes(
    _ events: [Event], streams: [Int32], streamCount: Int, minTime: Int64, into w: inout ByteWriter
  ) {
    var prevTime = [Int64](repeating: 0, count: streamCount)
    var prevDelta = [Int64](repeating: 0, count: streamCount)
    var seen = [Bool](repeating: false, count: streamCount)
    for i in events.indices {
      let s = Int(streams[i])
      let t = events[i].eventTime
      if !seen[s] {
        seen[s] = true
        w.zigzag(t &- minTime)
      } else {
        let d = t &- prevTime[s]
        w.zigzag(d &- prevDelta[s])
        prevDelta[s] = d
      }
      prevTime[s] = t
    }
  }

  static func writePrices(
    _ rows: [CandlePayload.Parsed], streams: [Int32], streamCount: Int, exponent: Int?,
    into w: inout ByteWriter
  ) {
    guard let e = exponent else {
      for r in rows {
        for v in PriceQuad(values: (r.values.3, r.values.0, r.values.1, r.values.2)) {
          writeDecimal(v, into: &w)
        }
      }
      return
    }
    var prevClose = [Int64](repeating: 0, count: streamCount)
    var columns = [ByteWriter](repeating: ByteWriter(capacity: 4 * rows.count), count: 4)
    for (i, r) in rows.enumerated() {
      let s = Int(streams[i])
      let o = scaled(r.values.0, e)!
      let h = scaled(r.values.1, e)!
      let l = scaled(r.values.2, e)!
      let c = scaled(r.values.3, e)!
      columns[0].zigzag(c - prevClose[s])
      columns[1].zigzag(o - prevClose[s])
      columns[2].zigzag(h - max(o, c))
      columns[3].zigzag(min(o, c) - l)
      prevClose[s] = c
    }
    for c in columns { w.append(contentsOf: c.bytes) }
  }

  /// Decodes a block; the reason on failure. `baseOffset` and `minTime` come
  /// from the (already checksummed) batch header.
  static func decode(
    _ block: UnsafeRawBufferPointer, baseOffset: UInt64, count: Int, minTime: Int64
  )
    -> Result<CandleBatch, PayloadError>
  {
    var r = ByteReader(block)
    func fail(_ what: String) -> Result<CandleBatch, PayloadError> {
      .failure(PayloadError("candle block: \(what) at byte \(r.position)"))
    }
    guard r.u8() == version else { return fail("unknown candle codec version") }
    guard let n = r.varint(), n == UInt64(count) else {
      return fail("row count differs from header")
    }
    guard let streams = readStrings(&r), !streams.isEmpty else {
      return fail("bad stream dictionary")
    }
    guard let venues = readStrings(&r) else { return fail("bad venue dictionary") }
    guard let uniform = r.u8(), uniform <= 1, let expByte = r.u8() else {
      return fail("bad column flags")
    }
    var batch = CandleBatch(baseOffset: baseOffset, streams: streams)
    batch.venues = venues
    batch.reserve(count)
    guard readStreamColumn(&r, count: count, streamCount: streams.count, into: &batch) else {
      return fail("bad stream column")
    }
    guard readVersions(&r, uniform: uniform == 1, count: count, into: &batch) else {
      return fail("bad schema version column")
    }
    guard let presence = r.bytes(count) else { return fail("presence column cut short") }
    batch.presence = [UInt8](presence)
    guard readTimes(&r, minTime: minTime, streamCount: streams.count, into: &batch) else {
      return fail("bad time column")
    }
    let exponent: Int? = expByte == 0xFF ? nil : Int(expByte)
    if let e = exponent, e > maxExponent { return fail("bad price exponent") }
    guard readPrices(&r, exponent: exponent, streamCount: streams.count, into: &batch) else {
      return fail("bad price columns")
    }
    guard readVolumes(&r, into: &batch) else { return fail("bad volume columns") }
    guard readVenues(&r, venueCount: venues.count, into: &batch) else {
      return fail("bad venue column")
    }
    guard r.isAtEnd else { return fail("trailing bytes") }
    return .success(batch)
  }

  static func readStrings(_ r: inout ByteReader) -> [String]? {
    guard let k = r.varint(), k <= 1 << 20 else { return nil }
    var out: [String] = []
    for _ in 0..<k {
      guard let len = r.varint(), len <= 255, let b = r.bytes(Int(len)),
        let s = String(validating: b, as: UTF8.self)
      else { return nil }
      out.append(s)
    }
    return out
  }

  static func readStreamColumn(
    _ r: inout ByteReader, count: Int, streamCount: Int, into b: inout CandleBatch
  )
    -> Bool
  {
    guard streamCount > 1 else {
      b.streamIndex = [Int32](repeating: 0, count: count)
      return true
    }
    for _ in 0..<count {
      guard let s = r.varint(), s < UInt64(streamCount) else { return false }
      b.streamIndex.append(Int32(s))
    }
    return true
  }

  static func readVersions(
    _ r: inout ByteReader, uniform: Bool, count: Int, into b: inout CandleBatch
  ) -> Bool {
    guard !uniform else {
      b.schemaVersion = [UInt16](repeating: 1, count: count)
      return true
    }
    for _ in 0..<count {
      guard let v = r.varint(), v >= 1, v <= UInt64(UInt16.max) else { return false }
      b.schemaVersion.append(UInt16(v))
    }
    return true
  }

  static func readTimes(
    _ r: inout ByteReader, minTime: Int64, streamCount: Int, into b: inout CandleBatch
  )
    -> Bool
  {
    var prevTime = [Int64](repeating: 0, count: streamCount)
    var prevDelta = [Int64](repeating: 0, count: streamCount)
    var seen = [Bool](repeating: false, count: streamCount)
    for i in 0..<b.presence.count {
      let s = Int(b.streamIndex[i])
      guard let z = r.zigzag() else { return false }
      let t: Int64
      if !seen[s] {
        seen[s] = true
        t = minTime &+ z
      } else {
        let d = prevDelta[s] &+ z
        t = prevTime[s] &+ d
        prevDelta[s] = d
      }
      prevTime[s] = t
      b.eventTime.append(t)
    }
    return true
  }

  static func readPrices(
    _ r: inout ByteReader, exponent: Int?, streamCount: Int, into b: inout CandleBatch
  )
    -> Bool
  {
    let n = b.presence.count
    guard let e = exponent else {
      for _ in 0..<n {
        guard let c = readDecimal(&r), let o = readDecimal(&r), let h = readDecimal(&r),
          let l = readDecimal(&r)
        else { return false }
        b.close.append(c)
        b.open.append(o)
        b.high.append(h)
        b.low.append(l)
      }
      return true
    }
    let p = powersOfTen[e]
    var closes = [Int64]()
    closes.reserveCapacity(n)
    var prevClose = [Int64](repeating: 0, count: streamCount)
    for i in 0..<n {
      guard let z = r.zigzag() else { return false }
      let s = Int(b.streamIndex[i])
      let c = prevClose[s] &+ z
      closes.append(c)
      prevClose[s] = c
    }
    var opens = [Int64]()
    opens.reserveCapacity(n)
    prevClose = [Int64](repeating: 0, count: streamCount)
    for i in 0..<n {
      guard let z = r.zigzag() else { return false }
      let s = Int(b.streamIndex[i])
      opens.append(prevClose[s] &+ z)
      prevClose[s] = closes[i]
    }
    for i in 0..<n {
      guard let z = r.zigzag() else { return false }
      b.high.append(Double(max(opens[i], closes[i]) &+ z) / p)
    }
    for i in 0..<n {
      guard let z = r.zigzag() else { return false }
      b.low.append(Double(min(opens[i], closes[i]) &- z) / p)
    }
    for i in 0..<n {
      b.open.append(Double(opens[i]) / p)
      b.close.append(Double(closes[i]) / p)
    }
    return true
  }

  static func readVolumes(_ r: inout ByteReader, into b: inout CandleBatch) -> Bool {
    guard readDecimalColumn(&r, count: b.presence.count, into: &b.volume) else { return false }
    let withQuote = b.presence.reduce(0) {
      $0 + ($1 & CandlePayload.Field.quoteVolume != 0 ? 1 : 0)
    }
    var quotes: [Double] = []
    quotes.reserveCapacity(withQuote)
    guard readDecimalColumn(&r, count: withQuote, into: &quotes) else { return false }
    if withQuote == b.presence.count {
      b.quoteVolume = quotes
    } else {
      var k = 0
      for p in b.presence {
        if p & CandlePayload.Field.quoteVolume != 0 {
          b.quoteVolume.append(quotes[k])
          k += 1
        } else {
          b.quoteVolume.append(0)
        }
      }
    }
    return true
  }

  static func readVenues(_ r: inout ByteReader, venueCount: Int, into b: inout CandleBatch) -> Bool
  {
    for i in 0..<b.presence.count {
      guard b.presence[i] & CandlePayload.Field.venue != 0 else {
        b.venueIndex.append(-1)
        continue
      }
      if venueCount == 1 {
        b.venueIndex.append(0)
      } else {
        guard let v = r.varint(), v < UInt64(venueCount) else { return false }
        b.venueIndex.append(Int32(v))
      }
    }
    return true
  }
}
