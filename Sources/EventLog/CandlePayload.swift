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
    open: Double, high: Double, low: Double, close: Double, volume: Double, quoteVolume: Double? = nil,
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
    var doubles: [Double] = [0, 0, 0, 0, 0, 0]
    while !r.isAtEnd {
      guard let tag = r.varint(), tag <= 0xFF else { return nil }
      let field = Int(tag >> 3)
      guard field > lastField else { return nil }
      lastField = field
      switch (field, tag & 7) {
      case (1...6, 1):
        guard let bits = r.u64() else { return nil }
        doubles[field - 1] = Double(bitPattern: bits)
        p.presence |= 1 << UInt8(field - 1)
      case (7, 2):
        guard let n = r.varint(), n <= 255, let v = r.bytes(Int(n)) else { return nil }
        p.venue = v
        p.presence |= Field.venue
      default:
        return nil
      }
    }
    p.values = (doubles[0], doubles[1], doubles[2], doubles[3], doubles[4], doubles[5])
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
    for (name, v) in [("open", open), ("high", high), ("low", low), ("close", close)] {
      guard v.isFinite else { throw PayloadError("\(name) is not finite (\(v))") }
      guard v > 0 else { throw PayloadError("\(name) must be > 0 (\(v))") }
    }
    guard high >= low else { throw PayloadError("high \(high) < low \(low)") }
    guard open >= low, open <= high else { throw PayloadError("open \(open) outside [low \(low), high \(high)]") }
    guard close >= low, close <= high else {
      throw PayloadError("close \(close) outside [low \(low), high \(high)]")
    }
    guard volume.isFinite, volume >= 0 else { throw PayloadError("volume must be finite and >= 0 (\(volume))") }
    if let q = quoteVolume {
      guard q.isFinite, q >= 0 else { throw PayloadError("quote_volume must be finite and >= 0 (\(q))") }
    }
  }

  /// The registry entry of the candle type.
  public static let typeInfo = EventTypeInfo(
    type: .candle, wireName: "candle", kind: .source, schemaVersion: schemaVersion, isMarketData: true,
    validate: { payload, version throws(PayloadError) in
      guard version == 1 else { throw PayloadError("candle schema version \(version) is unknown") }
      try CandlePayload.decode(payload).validate()
    })
}
