/// The typed vocabulary of the log (EVENTS §7, §8): the candle, the nine
/// source types of the market, engine, regime and control families and the
/// four derived engine types (TA, S/R, uptrend state and its changes), each
/// with its registry entry, JSON codec and upcasters.
/// `EventTypeRegistry.standard` is `EventCatalog.registry`.
public enum EventCatalog {
  /// Every type of the catalog, by ascending type id.
  static let entries: [CatalogEntry] = [
    candleEntry, dominanceReadingEntry, tokenMarketCapEntry, intentSignalEntry,
    curatorWeightSetEntry, taUpdatedEntry, srLevelsEntry, srLevelsInjectedEntry,
    uptrendStateEntry, uptrendStateChangedEntry, bucketPhaseObservedEntry,
    formulaSetDefinedEntry, operatorCommandEntry, simulationConfiguredEntry,
  ]

  private static let byType: [EventType: CatalogEntry] = Dictionary(
    uniqueKeysWithValues: entries.map { ($0.info.type, $0) })

  private static let byName: [String: EventType] = Dictionary(
    uniqueKeysWithValues: entries.map { ($0.info.wireName, $0.info.type) })

  /// The registry of every catalog type: wire names, kinds, schema versions,
  /// watermark role (D-20), payload rules (D-9) and stream rules (EVENTS §3).
  public static let registry = EventTypeRegistry(entries.map(\.info))

  /// The JSON codec of `type`; nil for a type the catalog does not define.
  public static func jsonCodec(for type: EventType) -> PayloadJSONCodec? {
    byType[type]?.codec
  }

  /// The type whose wire name is `name` (`dominance_reading`); nil when none is.
  public static func type(named name: String) -> EventType? { byName[name] }

  /// The upcasters of `type` (empty while the type is at version 1); nil
  /// for a type the catalog does not define.
  public static func upcasters(for type: EventType) -> UpcastChain? { byType[type]?.upcasters }

  /// `payload`, written at `version`, as the newest version of `type`
  /// (EVENTS §6): the identity when `version` is the newest, else the
  /// type's steps chained. An unknown type, version 0 or a version newer
  /// than this build is an error naming the type and the version.
  public static func upcast(payload: [UInt8], type: EventType, version: UInt16)
    throws(PayloadError) -> [UInt8]
  {
    guard let entry = byType[type] else {
      throw PayloadError("unknown event type \(type.rawValue) (schema version \(version))")
    }
    return try entry.upcasters.upcast(
      payload, from: version, to: entry.info.schemaVersion,
      typeName: "\(entry.info.wireName) (\(type.rawValue))")
  }
}
