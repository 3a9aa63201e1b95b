/// The `Candle` payload (Schemas/market.proto, EVENTS.md §8.1) as plain values,
/// with a hand-written encoder and strict decoder that produce and accept
/// exactly swift-protobuf's deterministic bytes (tested against
/// `Ledger_V1_Candle`), so the hot paths never allocate a message.
public struct CandlePayload: Sendable, Equatable, Hashable {
  /// Bar open price.
  public var open: Double
  /// Bar high.
  public var high: Double
  /// Bar low.
  public var low: Double
  /// Bar close.
  public var close: Double
  /// Base-asset volume.
  public var volume: Double
  /// Quote (USD) volume, when known.
  public var quoteVolume: Double?
  /// The venue, when known.
  public var venue: String?

  /// Creates a candle payload.
  public init(
    open: Double, high: Double, low: Double, close: Double, volume: Double,
    quoteVolume: Double? = nil,
    venue: String? = nil
  ) {
    self.open = open
    self.high = high
    self.low = low
    self.close = close
    self.volume = volume
    self.quoteVolume = quoteVolume
    self.venue = venue
  }

  /// Current schema version of the candle payload.
  public static let schemaVersion: UInt16 = 1

  /// Field presence bits, in field-number order (bit k = field k + 1).
  enum Field {
    static let open: UInt8 = 1 << 0
    static let high: UInt8 = 1 << 1
    static let low: UInt8 = 1 << 2
    static let close: UInt8 = 1 << 3
    static let volume: UInt8 = 1 << 4
    static let quoteVolume: UInt8 = 1 << 5
    static let venue: UInt8 = 1 << 6
  }

  /// Which fields the canonical encoding writes (proto3: a double is written
  /// when its bit pattern is non-zero; optionals when set).
  var presence: UInt8 {
    var p: UInt8 = 0
    if open.bitPattern != 0 { p |= Field.open }
    if high.bitPattern != 0 { p |= Field.high }
    if low.bitPattern != 0 { p |= Field.low }
    if close.bitPattern != 0 { p |= Field.close }
    if volume.bitPattern != 0 { p |= Field.volume }
    if quoteVolume != nil { p |= Field.quoteVolume }
    if venue != nil { p |= Field.venue }
    return p
  }

  /// The deterministic protobuf encoding.
  public func encoded() -> [UInt8] {
    var w = ByteWriter(capacity: 64)
    CandlePayload.encode(
      presence: presence, values: (open, high, low, close, volume, quoteVolume ?? 0),
      venue: venue.map { Array($0.utf8) } ?? [], into: &w)
    return w.bytes
  }

  /// Writes the fields named by `presence` in field order: the one encoder
  /// behind `encoded()` and the candle codec's record rebuild.
  static func encode(
    presence: UInt8, values: (Double, Double, Double, Double, Double, Double), venue: [UInt8],
    into w: inout ByteWriter
  ) {
    let doubles = [values.0, values.1, values.2, values.3, values.4, values.5]
    for k in 0..<6 where presence & (1 << k) != 0 {
      w.u8(UInt8((k + 1) << 3 | 1))
      w.u64(doubles[k].bitPattern)
    }
    if presence & Field.venue != 0 {
      w.u8(7 << 3 | 2)
      w.varint(UInt64(venue.count))
      w.append(contentsOf: venue)
    }
  }

  /// Strictly parsed fields of a candle payload: the form the candle codec stores.
  struct Parsed {
    var presence: UInt8 = 0
    var values: (Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0)
    var venue: UnsafeRawBufferPointer? = nil
  }

  /// Parses a payload written in field order with each field at most once
  /// (the only form the deterministic encoder writes); nil otherwise.
  static func parse(_ bytes: UnsafeRawBufferPointer) -> Parsed? {
    var p = Parsed()
    var r = ByteReader(bytes)
    var lastField = 0
    while !r.isAtEnd {
      guard let tag = r.u8(), tag < 0x80 else { return nil }
      let field = Int(tag >> 3)
      guard field > lastField else { return nil }
      lastField = field
      if field <= 6 {
        guard tag & 7 == 1, let bits = r.u64() else { return nil }
        let v = Double(bitPattern: bits)
        switch field {
        case 1: p.values.0 = v
        case 2: p.values.1 = v
        case 3: p.values.2 = v
        case 4: p.values.3 = v
        case 5: p.values.4 = v
        default: p.values.5 = v
        }
        p.presence |= 1 << UInt8(field - 1)
      } else if field == 7, tag & 7 == 2 {
        guard let n = r.varint(), n <= 255, let v = r.bytes(Int(n)) else { return nil }
        p.venue = v
        p.presence |= Field.venue
      } else {
        return nil
      }
    }
    return p
  }

  /// Decodes a payload, rejecting anything but the canonical encoding.
  public static func decode(_ bytes: [UInt8]) throws(PayloadError) -> CandlePayload {
    let parsed = bytes.withUnsafeBytes { raw -> (Parsed, String?)? in
      guard let p = parse(raw) else { return nil }
      guard let v = p.venue else { return (p, nil) }
      guard let s = String(validating: v, as: UTF8.self) else { return nil }
      return (p, s)
    }
    guard let (p, venue) = parsed else { throw PayloadError("candle payload does not decode") }
    let v = p.values
    return CandlePayload(
      open: v.0, high: v.1, low: v.2, close: v.3, volume: v.4,
      quoteVolume: p.presence & Field.quoteVolume != 0 ? v.5 : nil, venue: venue)
  }

  /// The rules of EVENTS.md §8.1 that hold for every stored candle: finite
  /// positive prices, low ≤ open, close ≤ high, volumes finite and ≥ 0.
  public func validate() throws(PayloadError) {
    try CandlePayload.checkPrice("open", open)
    try CandlePayload.checkPrice("high", high)
    try CandlePayload.checkPrice("low", low)
    try CandlePayload.checkPrice("close", close)
    guard high >= low else { throw PayloadError("high \(high) < low \(low)") }
    guard open >= low, open <= high else {
      throw PayloadError("open \(open) outside [low \(low), high \(high)]")
    }
    guard close >= low, close <= high else {
      throw PayloadError("close \(close) outside [low \(low), high \(high)]")
    }
    guard volume.isFinite, volume >= 0 else {
      throw PayloadError("volume must be finite and >= 0 (\(volume))")
    }
    if let q = quoteVolume {
      guard q.isFinite, q >= 0 else {
        throw PayloadError("quote_volume must be finite and >= 0 (\(q))")
      }
    }
  }

  private static func checkPrice(_ name: StaticString, _ v: Double) throws(PayloadError) {
    guard v.isFinite else { throw PayloadError("\(name) is not finite (\(v))") }
    guard v > 0 else { throw PayloadError("\(name) must be > 0 (\(v))") }
  }

  /// The first candle rule parsed fields break, as a payload reason, or nil.
  static func problem(_ p: Parsed, venueChecked: Bool) -> String? {
    guard venueChecked else { return "candle payload: venue is not UTF-8" }
    let v = p.values
    let c = CandlePayload(
      open: v.0, high: v.1, low: v.2, close: v.3, volume: v.4,
      quoteVolume: p.presence & Field.quoteVolume != 0 ? v.5 : nil)
    do {
      try c.validate()
      return nil
    } catch {
      return "candle payload: \(error.reason)"
    }
  }

  /// UTF-8 validity, with an allocation-free path for ASCII (every venue name).
  static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    if !bytes.contains(where: { $0 >= 0x80 }) { return true }
    return String(validating: bytes, as: UTF8.self) != nil
  }

  /// Checks an encoded payload without building a value (the append path).
  static func validateEncoded(_ payload: [UInt8]) throws(PayloadError) {
    let parsed = payload.withUnsafeBytes { raw -> Parsed? in
      guard let p = parse(raw) else { return nil }
      if let v = p.venue, !CandlePayload.isValidUTF8(v) { return nil }
      return p
    }
    guard let p = parsed else { throw PayloadError("candle payload does not decode") }
    let v = p.values
    try CandlePayload(
      open: v.0, high: v.1, low: v.2, close: v.3, volume: v.4,
      quoteVolume: p.presence & Field.quoteVolume != 0 ? v.5 : nil
    ).validate()
  }

  /// The registry entry of the candle type.
  public static let typeInfo = EventTypeInfo(
    type: .candle, wireName: "candle", kind: .source, schemaVersion: schemaVersion,
    isMarketData: true,
    validate: { payload, version throws(PayloadError) in
      guard version == 1 else { throw PayloadError("candle schema version \(version) is unknown") }
      try CandlePayload.validateEncoded(payload)
    })
}
