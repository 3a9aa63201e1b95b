/// The scalar fields of one message as a table of (JSON key, key path), so
/// one list drives both directions of its JSON form: `render` writes them in
/// table order, `parse` reads them back, and `keys` is what the reader
/// accepts. Enums and nested messages stay hand-written beside a table.
struct JSONFieldTable<M>: Sendable {
  /// One scalar field: its JSON key and where it lives in `M`.
  enum Field: Sendable {
    /// A non-optional f64 (present and finite).
    case double(String, WritableKeyPath<M, Double> & Sendable)
    /// An optional f64: `has` tells presence; absent is omitted.
    case optionalDouble(
      String, WritableKeyPath<M, Double> & Sendable, KeyPath<M, Bool> & Sendable)
    /// A bool (always written).
    case bool(String, WritableKeyPath<M, Bool> & Sendable)
    /// An optional bool.
    case optionalBool(String, WritableKeyPath<M, Bool> & Sendable, KeyPath<M, Bool> & Sendable)
    /// A non-optional i64.
    case int(String, WritableKeyPath<M, Int64> & Sendable)
    /// An optional i64.
    case optionalInt(String, WritableKeyPath<M, Int64> & Sendable, KeyPath<M, Bool> & Sendable)

    /// The field's JSON key.
    var key: String {
      switch self {
      case .double(let k, _), .optionalDouble(let k, _, _), .bool(let k, _),
        .optionalBool(let k, _, _), .int(let k, _), .optionalInt(let k, _, _):
        return k
      }
    }
  }

  /// The fields in rendering order.
  let fields: [Field]

  /// A table of `fields`.
  init(_ fields: [Field]) { self.fields = fields }

  /// Every JSON key of the table.
  var keys: [String] { fields.map(\.key) }

  /// Appends the fields of `m` to `b` in table order (absent optionals omitted).
  func render(_ m: M, into b: inout JSONObjectBuilder) throws(PayloadError) {
    for f in fields {
      switch f {
      case .double(let k, let p): try b.double(k, m[keyPath: p])
      case .optionalDouble(let k, let p, let has):
        try b.optionalDouble(k, m[keyPath: has] ? m[keyPath: p] : nil)
      case .bool(let k, let p): b.bool(k, m[keyPath: p])
      case .optionalBool(let k, let p, let has):
        b.optionalBool(k, m[keyPath: has] ? m[keyPath: p] : nil)
      case .int(let k, let p): b.int(k, m[keyPath: p])
      case .optionalInt(let k, let p, let has):
        b.optionalInt(k, m[keyPath: has] ? m[keyPath: p] : nil)
      }
    }
  }

  /// Reads the fields of the table from `r` into `m` (absent optionals left unset).
  func parse(_ r: JSONFieldReader, into m: inout M) throws(PayloadError) {
    for f in fields {
      switch f {
      case .double(let k, let p): m[keyPath: p] = try r.double(k)
      case .optionalDouble(let k, let p, _):
        if let v = try r.optionalDouble(k) { m[keyPath: p] = v }
      case .bool(let k, let p): m[keyPath: p] = try r.bool(k)
      case .optionalBool(let k, let p, _):
        if let v = try r.optionalBool(k) { m[keyPath: p] = v }
      case .int(let k, let p): m[keyPath: p] = try r.int64(k)
      case .optionalInt(let k, let p, _):
        if let v = try r.optionalInt64(k) { m[keyPath: p] = v }
      }
    }
  }
}
