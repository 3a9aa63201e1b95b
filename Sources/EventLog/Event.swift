/// One event as a producer hands it to the writer: the envelope of EVENTS.md §2
/// without its offset (the writer assigns offsets) and the encoded payload.
public struct Event: Sendable, Equatable, Hashable {
  /// Market time in ms since the epoch, UTC (a bar's close), never the wall clock.
  public var eventTime: Int64
  /// The catalog type (EVENTS.md §7).
  public var type: EventType
  /// Payload schema version, ≥ 1 (EVENTS.md §6).
  public var schemaVersion: UInt16
  /// True for derived events (envelope flags bit 0).
  public var isDerived: Bool
  /// The stream (EVENTS.md §3), 1…255 UTF-8 bytes.
  public var stream: String
  /// First 8 bytes of the formula set's SHA-256; 0 for source events.
  public var formula: UInt64
  /// Offsets of the events this one was derived from, strictly ascending.
  public var causes: [UInt64]
  /// Protocol Buffers payload, deterministic encoding.
  public var payload: [UInt8]

  /// Creates an event; defaults describe a source event with no causes.
  public init(
    eventTime: Int64, type: EventType, schemaVersion: UInt16 = 1, isDerived: Bool = false,
    stream: String, formula: UInt64 = 0, causes: [UInt64] = [], payload: [UInt8]
  ) {
    self.eventTime = eventTime
    self.type = type
    self.schemaVersion = schemaVersion
    self.isDerived = isDerived
    self.stream = stream
    self.formula = formula
    self.causes = causes
    self.payload = payload
  }
}

/// An event as stored: its dense log offset and its content.
public struct LogRecord: Sendable, Equatable, Hashable {
  /// Dense, writer-assigned position in the log (batch base + index).
  public var offset: UInt64
  /// The event itself.
  public var event: Event

  /// Pairs an offset with an event.
  public init(offset: UInt64, event: Event) {
    self.offset = offset
    self.event = event
  }
}

extension Event {
  /// The envelope's formula stamp of a set with this SHA-256: its first 8
  /// bytes read little-endian (EVENTS §2), as `FormulaSetDefined` pairs them.
  public static func formulaStamp(sha256: some Collection<UInt8>) -> UInt64 {
    sha256.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
  }
}
