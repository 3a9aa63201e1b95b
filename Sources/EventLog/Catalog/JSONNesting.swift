/// Booleans, optional scalars and nested messages for the payload JSON
/// codecs (the derived engine events are the first to need them).
extension JSONObjectBuilder {
  /// A bool field (always written: proto3 bools have no presence).
  mutating func bool(_ name: String, _ v: Bool) { members.append((name, .bool(v))) }

  /// An optional bool; omitted when nil.
  mutating func optionalBool(_ name: String, _ v: Bool?) {
    if let v { bool(name, v) }
  }

  /// An optional i64; omitted when nil.
  mutating func optionalInt(_ name: String, _ v: Int64?) {
    if let v { int(name, v) }
  }

  /// An optional enum as its text; omitted when nil, refused when `UNSPECIFIED`.
  mutating func optionalEnum<E: TextEnum>(_ name: String, _ v: E?) throws(PayloadError) {
    if let v { try enumValue(name, v) }
  }

  /// An optional time (ms UTC) as ISO-8601 text; omitted when nil.
  mutating func optionalTime(_ name: String, _ ms: Int64?) {
    if let ms { string(name, EventJSON.isoTime(ms)) }
  }

  /// A nested message field, built by `build` with a builder whose prefix is `name.`.
  mutating func object(
    _ name: String, _ build: (inout JSONObjectBuilder) throws(PayloadError) -> Void
  ) throws(PayloadError) {
    var b = JSONObjectBuilder(prefix: "\(prefix)\(name).")
    try build(&b)
    members.append((name, b.value))
  }

  /// A nested message field written only when `present`.
  mutating func optionalObject(
    _ name: String, present: Bool,
    _ build: (inout JSONObjectBuilder) throws(PayloadError) -> Void
  ) throws(PayloadError) {
    if present { try object(name, build) }
  }

  /// A nested object of fields that is omitted when `build` adds none
  /// (a rendering group such as `meta`, not a proto message).
  mutating func group(
    _ name: String, _ build: (inout JSONObjectBuilder) throws(PayloadError) -> Void
  ) throws(PayloadError) {
    var b = JSONObjectBuilder(prefix: "\(prefix)\(name).")
    try build(&b)
    if !b.members.isEmpty { members.append((name, b.value)) }
  }
}

extension JSONFieldReader {
  /// A non-optional bool field.
  func bool(_ name: String) throws(PayloadError) -> Bool {
    guard case .bool(let b) = try required(name) else { throw mismatch(name, "true or false") }
    return b
  }

  /// An optional bool; nil when absent or `null`.
  func optionalBool(_ name: String) throws(PayloadError) -> Bool? {
    guard let v = optional(name) else { return nil }
    guard case .bool(let b) = v else { throw mismatch(name, "true or false") }
    return b
  }

  /// An optional i64; nil when absent or `null`.
  func optionalInt64(_ name: String) throws(PayloadError) -> Int64? {
    guard optional(name) != nil else { return nil }
    return try int64(name)
  }

  /// An optional enum given as its text; nil when absent or `null`.
  func optionalEnum<E: TextEnum>(_ name: String, _ type: E.Type = E.self) throws(PayloadError)
    -> E?
  {
    guard optional(name) != nil else { return nil }
    return try enumValue(name, type)
  }

  /// An optional ISO-8601 time (also epoch ms) as ms UTC; nil when absent or `null`.
  func optionalTime(_ name: String) throws(PayloadError) -> Int64? {
    guard let v = optional(name) else { return nil }
    if case .int(let ms) = v { return ms }
    guard case .string(let s) = v, let ms = EventJSON.parseISOTime(s) else {
      throw mismatch(name, "an ISO-8601 UTC time like 2019-10-17T09:00:00.000Z")
    }
    return ms
  }

  /// A nested message field that must be present, read with a reader whose prefix is `name.`.
  func object(_ name: String, known: [String]) throws(PayloadError) -> JSONFieldReader {
    try JSONFieldReader(try required(name), known: known, prefix: "\(prefix)\(name).")
  }

  /// A nested message field; nil when absent or `null`.
  func optionalObject(_ name: String, known: [String]) throws(PayloadError) -> JSONFieldReader? {
    guard let v = optional(name) else { return nil }
    return try JSONFieldReader(v, known: known, prefix: "\(prefix)\(name).")
  }
}
