import SwiftProtobuf

/// Everything the catalog holds for one type: its registry entry (names,
/// kind, version, watermark role, payload and stream rules), its JSON codec
/// and its upcasters.
struct CatalogEntry: Sendable {
  var info: EventTypeInfo
  var codec: PayloadJSONCodec
  var upcasters: UpcastChain

  /// A version-1 source type whose payload is the swift-protobuf message `M`:
  /// `check` holds its value rules, `render`/`parse` its JSON form.
  static func source<M: SwiftProtobuf.Message>(
    _ type: EventType, _ wireName: String, _ message: M.Type, marketData: Bool,
    stream: @escaping StreamRules.Rule,
    check: @escaping @Sendable (M) throws(PayloadError) -> Void,
    render: @escaping @Sendable (M) throws(PayloadError) -> JSONValue,
    parse: @escaping @Sendable (JSONValue) throws(PayloadError) -> M
  ) -> CatalogEntry {
    entry(
      type, wireName, M.self, kind: .source, marketData: marketData, causes: nil, stream: stream,
      check: check, render: render, parse: parse)
  }

  /// A version-1 derived type whose payload is the swift-protobuf message
  /// `M`, whose causes may only be events of the types in `causes` (EVENTS
  /// §2, §8). Derived types are never market data (D-20).
  static func derived<M: SwiftProtobuf.Message>(
    _ type: EventType, _ wireName: String, _ message: M.Type, causes: Set<EventType>,
    stream: @escaping StreamRules.Rule,
    check: @escaping @Sendable (M) throws(PayloadError) -> Void,
    render: @escaping @Sendable (M) throws(PayloadError) -> JSONValue,
    parse: @escaping @Sendable (JSONValue) throws(PayloadError) -> M
  ) -> CatalogEntry {
    entry(
      type, wireName, M.self, kind: .derived, marketData: false, causes: causes, stream: stream,
      check: check, render: render, parse: parse)
  }

  private static func entry<M: SwiftProtobuf.Message>(
    _ type: EventType, _ wireName: String, _ message: M.Type, kind: EventKind, marketData: Bool,
    causes: Set<EventType>?, stream: @escaping StreamRules.Rule,
    check: @escaping @Sendable (M) throws(PayloadError) -> Void,
    render: @escaping @Sendable (M) throws(PayloadError) -> JSONValue,
    parse: @escaping @Sendable (JSONValue) throws(PayloadError) -> M
  ) -> CatalogEntry {
    let info = EventTypeInfo(
      type: type, wireName: wireName, kind: kind, schemaVersion: 1, isMarketData: marketData,
      validate: { payload, version throws(PayloadError) in
        try PayloadChecks.version1(version)
        try check(try ProtoPayload.decode(payload, as: M.self))
      }, validateStream: stream, allowedCauses: causes)
    let codec = PayloadJSONCodec(
      render: { payload throws(PayloadError) in
        try render(try ProtoPayload.decode(payload, as: M.self))
      },
      parse: { json throws(PayloadError) in try ProtoPayload.encode(try parse(json)) })
    return CatalogEntry(info: info, codec: codec, upcasters: UpcastChain())
  }
}
