/// A catalog type id (EVENTS.md §7): a u16 that is never reused.
public struct EventType: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The u16 id written in the envelope.
  public var rawValue: UInt16

  /// Wraps a raw type id.
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  /// `Candle` · `candle` (101), the first event type of the log.
  public static let candle = EventType(rawValue: 101)

  public static func < (a: EventType, b: EventType) -> Bool { a.rawValue < b.rawValue }

  public var description: String { String(rawValue) }
}

/// Whether a type comes from outside (source) or is computed (derived).
public enum EventKind: String, Sendable {
  /// From outside, never recomputed, formula 0, no causes.
  case source
  /// Computed from earlier events, formula-stamped, names its causes.
  case derived
}

/// What the log knows about one event type: its names, kind, current schema
/// version, whether it moves the watermark, and how its payload is checked.
public struct EventTypeInfo: Sendable {
  /// The type id.
  public var type: EventType
  /// snake_case wire name used by `cat`, `--type` and JSON ingest.
  public var wireName: String
  /// Source or derived.
  public var kind: EventKind
  /// The newest schema version; writers write only this one.
  public var schemaVersion: UInt16
  /// True for market-data source events, whose times form the watermark (D-20).
  public var isMarketData: Bool
  /// Checks an encoded payload of `version`; throws a description of what is wrong.
  public var validate:
    @Sendable (_ payload: [UInt8], _ version: UInt16) throws(PayloadError) -> Void
  /// Checks that a stream fits the type (EVENTS §2, §3): nil when it does,
  /// else the reason. nil when the type has no stream rule.
  public var validateStream: (@Sendable (_ stream: String) -> String?)?
  /// The types a derived event's causes may have (EVENTS §2: "every cause is
  /// an earlier offset of a type allowed in §8"), checked on append and by
  /// `verify`; nil when the type's causes are not checked by type (source
  /// types have no causes at all).
  public var allowedCauses: Set<EventType>?

  /// Describes a type.
  public init(
    type: EventType, wireName: String, kind: EventKind, schemaVersion: UInt16, isMarketData: Bool,
    validate:
      @escaping @Sendable (_ payload: [UInt8], _ version: UInt16) throws(PayloadError) -> Void,
    validateStream: (@Sendable (_ stream: String) -> String?)? = nil,
    allowedCauses: Set<EventType>? = nil
  ) {
    self.allowedCauses = allowedCauses
    self.type = type
    self.wireName = wireName
    self.kind = kind
    self.schemaVersion = schemaVersion
    self.isMarketData = isMarketData
    self.validate = validate
    self.validateStream = validateStream
  }
}

/// A payload that does not decode or breaks its type's rules.
public struct PayloadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, naming the field.
  public var reason: String
  /// Wraps a reason.
  public init(_ reason: String) { self.reason = reason }
  public var description: String { reason }
}

/// The types a log accepts on append and decodes on read. An unknown type or
/// a newer schema version is a hard error (EVENTS.md §6).
public struct EventTypeRegistry: Sendable {
  private var byType: [EventType: EventTypeInfo]

  /// A registry of the given types.
  public init(_ infos: [EventTypeInfo]) {
    byType = Dictionary(infos.map { ($0.type, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// The types this build defines: the event catalog (`EventCatalog.registry`).
  public static let standard = EventCatalog.registry

  /// The entry of `type`, if registered.
  public subscript(type: EventType) -> EventTypeInfo? { byType[type] }

  /// All entries, by ascending type id.
  public var all: [EventTypeInfo] { byType.values.sorted { $0.type < $1.type } }

  /// Adds or replaces an entry (later issues register their types here).
  public mutating func register(_ info: EventTypeInfo) { byType[info.type] = info }

  /// The wire name of `type`, or `type#<id>` when unknown.
  public func name(of type: EventType) -> String {
    byType[type]?.wireName ?? "type#\(type.rawValue)"
  }
}
