/// The shared value rules of D-9 and EVENTS §8 that the catalog's `validate`
/// closures apply; each throws a reason naming the field.
enum PayloadChecks {
  /// Only schema version 1 exists for the catalog's types so far.
  static func version1(_ version: UInt16) throws(PayloadError) {
    guard version == 1 else { throw PayloadError("schema version \(version) is unknown") }
  }

  /// A non-optional f64: present and finite (D-9).
  static func finite(_ name: String, _ v: Double) throws(PayloadError) {
    guard v.isFinite else { throw PayloadError("\(name) is not finite (\(v))") }
  }

  /// Finite and > 0.
  static func positive(_ name: String, _ v: Double) throws(PayloadError) {
    try finite(name, v)
    guard v > 0 else { throw PayloadError("\(name) must be > 0 (\(v))") }
  }

  /// Finite and ≥ 0.
  static func nonNegative(_ name: String, _ v: Double) throws(PayloadError) {
    try finite(name, v)
    guard v >= 0 else { throw PayloadError("\(name) must be >= 0 (\(v))") }
  }

  /// Finite and in [0, 1].
  static func unitInterval(_ name: String, _ v: Double) throws(PayloadError) {
    try finite(name, v)
    guard v >= 0, v <= 1 else { throw PayloadError("\(name) must be in [0, 1] (\(v))") }
  }

  /// A non-empty string (ids, names, labels).
  static func nonEmpty(_ name: String, _ s: String) throws(PayloadError) {
    guard !s.isEmpty else { throw PayloadError("\(name) must not be empty") }
  }

  /// An enum is always written: never `UNSPECIFIED`, never a value this build does not know.
  static func known<E: TextEnum>(_ name: String, _ v: E) throws(PayloadError) {
    guard v.text == nil else { return }
    throw PayloadError(
      v.rawValue == 0
        ? "\(name) is UNSPECIFIED" : "\(name) has unknown \(E.textTable.name) value \(v.rawValue)")
  }

  /// True when `a` sorts strictly before `b` by Unicode code point (= UTF-8 byte order).
  static func codePointLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// A list keyed by `keys` (EVENTS §1 "no proto map"): keys non-empty,
  /// strictly ascending by code point, so sorted and unique.
  static func sortedUniqueKeys(_ list: String, _ keyName: String, _ keys: [String])
    throws(PayloadError)
  {
    for (k, key) in keys.enumerated() {
      try nonEmpty("\(list)[\(k)].\(keyName)", key)
      if k > 0, !codePointLess(keys[k - 1], key) {
        throw PayloadError(
          "\(list) must be sorted by \(keyName) with unique \(keyName)s (\(list)[\(k)].\(keyName) \(JSONValue.string(key).rendered()) after \(JSONValue.string(keys[k - 1]).rendered()))"
        )
      }
    }
  }

  /// JSON text (UTF-8 bytes) that is an object whose keys, at every level,
  /// are sorted by code point and unique: the shape of canonical JSON (EVENTS §5).
  static func canonicalJSONObject(_ name: String, _ bytes: [UInt8]) throws(PayloadError) {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw PayloadError("\(name) is not UTF-8")
    }
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw PayloadError("\(name) is not JSON: \(error)")
    }
    guard case .object = value else { throw PayloadError("\(name) must be a JSON object") }
    try sortedKeys(name, value)
  }

  private static func sortedKeys(_ name: String, _ v: JSONValue) throws(PayloadError) {
    switch v {
    case .object(let members):
      for (k, (key, value)) in members.enumerated() {
        if k > 0, !codePointLess(members[k - 1].0, key) {
          throw PayloadError(
            "\(name) keys must be sorted and unique (\(JSONValue.string(key).rendered()) after \(JSONValue.string(members[k - 1].0).rendered()))"
          )
        }
        try sortedKeys(name, value)
      }
    case .array(let items):
      for item in items { try sortedKeys(name, item) }
    default:
      return
    }
  }
}

extension PayloadChecks {
  /// A bar index (0-based over the series' valid bars) or bar count: ≥ 0.
  static func barIndex(_ name: String, _ v: Int64) throws(PayloadError) {
    guard v >= 0 else { throw PayloadError("\(name) must be >= 0 (\(v))") }
  }

  /// A count: ≥ 0.
  static func nonNegative(_ name: String, _ v: Int32) throws(PayloadError) {
    guard v >= 0 else { throw PayloadError("\(name) must be >= 0 (\(v))") }
  }

  /// The value rules a payload's JSON form enforces, applied on append: every
  /// double written is finite (a required one always, an optional one when
  /// present) and every enum written is known and not `UNSPECIFIED` (D-9).
  /// `render` is the type's JSON renderer, whose errors name the field by
  /// its JSON path (`ema.ema20`, `diagnostics.buy_check.ema_anchor`).
  static func renderable<M>(
    _ m: M, _ render: (M) throws(PayloadError) -> JSONValue
  ) throws(PayloadError) {
    _ = try render(m)
  }
}
