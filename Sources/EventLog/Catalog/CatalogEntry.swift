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
    let info = EventTypeInfo(
      type: type, wireName: wireName, kind: .source, schemaVersion: 1, isMarketData: marketData,
      validate: { payload, version throws(PayloadError) in
        try PayloadChecks.version1(version)
        try check(try ProtoPayload.decode(payload, as: M.self))
      }, validateStream: stream)
    let codec = PayloadJSONCodec(
      render: { payload throws(PayloadError) in
        try render(try ProtoPayload.decode(payload, as: M.self))
      },
      parse: { json throws(PayloadError) in try ProtoPayload.encode(try parse(json)) })
    return CatalogEntry(info: info, codec: codec, upcasters: UpcastChain())
  }
}
