/// The JSON form of one type's payload (`ledgerd cat`, JSON ingest): an
/// object with the proto field names (snake_case) in field-number order,
/// enums as their D-9 text, optionals omitted when absent, bytes as
/// lowercase hex, repeated fields as arrays. `parse` is the inverse and
/// yields the deterministic payload bytes, so `parse(render(p)) == p` for
/// every canonical payload `p`.
public struct PayloadJSONCodec: Sendable {
  /// Renders a payload of the newest schema version (upcast first).
  public var render: @Sendable (_ payload: [UInt8]) throws(PayloadError) -> JSONValue
  /// Builds the deterministic payload bytes from its JSON form. Errors name
  /// the field: `unknown field "x"`, `missing field "btc_pct"`,
  /// `field "weight": expected a number`. Range rules are the validator's
  /// (on append), not the parser's.
  public var parse: @Sendable (_ json: JSONValue) throws(PayloadError) -> [UInt8]

  /// A codec of the two directions.
  public init(
    render: @escaping @Sendable (_ payload: [UInt8]) throws(PayloadError) -> JSONValue,
    parse: @escaping @Sendable (_ json: JSONValue) throws(PayloadError) -> [UInt8]
  ) {
    self.render = render
    self.parse = parse
  }
}

/// Reads the members of one JSON object as payload fields, with errors that
/// name the field by its path (`levels[2].price`). Rules: every key must be a
/// known field, once; non-optional fields must be present; `null` means
/// absent for an optional field; a missing repeated field is empty; an
/// integer is accepted for a double field.
struct JSONFieldReader {
  /// `""` at the top level, else `"levels[2]."`.
  let prefix: String
  private var members: [String: JSONValue] = [:]

  /// Checks that `json` is an object whose keys are all in `known`, unique.
  init(_ json: JSONValue, known: [String], prefix: String = "") throws(PayloadError) {
    self.prefix = prefix
    guard case .object(let pairs) = json else {
      if prefix.isEmpty { throw PayloadError("payload JSON must be an object") }
      throw PayloadError(
        "field \(JSONFieldReader.quote(String(prefix.dropLast()))): expected an object")
    }
    for (key, value) in pairs {
      guard known.contains(where: { $0.utf8.elementsEqual(key.utf8) }) else {
        throw PayloadError("unknown field \(JSONFieldReader.quote(prefix + key))")
      }
      guard members.updateValue(value, forKey: key) == nil else {
        throw PayloadError("duplicate field \(JSONFieldReader.quote(prefix + key))")
      }
    }
  }

  static func quote(_ name: String) -> String { JSONValue.string(name).rendered() }

  func path(_ name: String) -> String { JSONFieldReader.quote(prefix + name) }

  func mismatch(_ name: String, _ expected: String) -> PayloadError {
    PayloadError("field \(path(name)): expected \(expected)")
  }

  /// The value of a non-optional field.
  func required(_ name: String) throws(PayloadError) -> JSONValue {
    guard let v = members[name] else { throw PayloadError("missing field \(path(name))") }
    return v
  }

  /// The value of an optional field; nil when absent or `null`.
  func optional(_ name: String) -> JSONValue? {
    guard let v = members[name], v != .null else { return nil }
    return v
  }

  // MARK: Scalars

  func asDouble(_ v: JSONValue, _ name: String) throws(PayloadError) -> Double {
    switch v {
    case .double(let d): return d
    case .int(let i): return Double(i)
    case .uint(let u): return Double(u)
    default: throw mismatch(name, "a number")
    }
  }

  func double(_ name: String) throws(PayloadError) -> Double {
    try asDouble(try required(name), name)
  }

  func optionalDouble(_ name: String) throws(PayloadError) -> Double? {
    guard let v = optional(name) else { return nil }
    return try asDouble(v, name)
  }

  func asString(_ v: JSONValue, _ name: String) throws(PayloadError) -> String {
    guard case .string(let s) = v else { throw mismatch(name, "a string") }
    return s
  }

  func string(_ name: String) throws(PayloadError) -> String {
    try asString(try required(name), name)
  }

  func optionalString(_ name: String) throws(PayloadError) -> String? {
    guard let v = optional(name) else { return nil }
    return try asString(v, name)
  }

  func int64(_ name: String) throws(PayloadError) -> Int64 {
    guard case .int(let i) = try required(name) else {
      throw mismatch(name, "an integer (64-bit)")
    }
    return i
  }

  func int32(_ name: String) throws(PayloadError) -> Int32 {
    guard case .int(let i) = try required(name), let v = Int32(exactly: i) else {
      throw mismatch(name, "an integer (32-bit)")
    }
    return v
  }

  func uint64(_ name: String) throws(PayloadError) -> UInt64 {
    switch try required(name) {
    case .int(let i) where i >= 0: return UInt64(i)
    case .uint(let u): return u
    default: throw mismatch(name, "an unsigned integer (64-bit)")
    }
  }

  /// Lowercase (or uppercase) hex of an even number of digits.
  func bytes(_ name: String) throws(PayloadError) -> [UInt8] {
    let s = try string(name)
    let digits = Array(s.utf8)
    guard digits.count % 2 == 0 else { throw mismatch(name, "hex with an even number of digits") }
    var out: [UInt8] = []
    out.reserveCapacity(digits.count / 2)
    var k = 0
    while k < digits.count {
      guard let hi = JSONFieldReader.nibble(digits[k]),
        let lo = JSONFieldReader.nibble(digits[k + 1])
      else { throw mismatch(name, "hex digits") }
      out.append(hi << 4 | lo)
      k += 2
    }
    return out
  }

  static func nibble(_ b: UInt8) -> UInt8? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// An enum field given as its text.
  func enumValue<E: TextEnum>(_ name: String, _ type: E.Type = E.self) throws(PayloadError) -> E {
    let text = try string(name)
    guard let v = E(text: text) else {
      throw PayloadError(
        "field \(path(name)): unknown value \(JSONFieldReader.quote(text)) (expected \(E.textTable.list))"
      )
    }
    return v
  }

  // MARK: Repeated

  /// The elements of a repeated field; empty when absent.
  func array(_ name: String) throws(PayloadError) -> [JSONValue] {
    guard let v = members[name] else { return [] }
    guard case .array(let items) = v else { throw mismatch(name, "an array") }
    return items
  }

  func stringArray(_ name: String) throws(PayloadError) -> [String] {
    var out: [String] = []
    for (k, item) in try array(name).enumerated() {
      out.append(try asString(item, "\(name)[\(k)]"))
    }
    return out
  }

  /// A repeated message field, each element read by `element` with a reader
  /// whose prefix is `name[k].`.
  func messages<T>(
    _ name: String, known: [String],
    _ element: (JSONFieldReader) throws(PayloadError) -> T
  ) throws(PayloadError) -> [T] {
    var out: [T] = []
    for (k, item) in try array(name).enumerated() {
      let r = try JSONFieldReader(item, known: known, prefix: "\(prefix)\(name)[\(k)].")
      out.append(try element(r))
    }
    return out
  }
}

/// Builds a payload's JSON object field by field, refusing what JSON or
/// D-9 cannot carry (non-finite doubles, `UNSPECIFIED` or unknown enum values).
struct JSONObjectBuilder {
  let prefix: String
  /// The members so far, in order (extensions in JSONNesting.swift append too).
  var members: [(String, JSONValue)] = []

  init(prefix: String = "") { self.prefix = prefix }

  var value: JSONValue { .object(members) }

  func path(_ name: String) -> String { JSONFieldReader.quote(prefix + name) }

  mutating func double(_ name: String, _ v: Double) throws(PayloadError) {
    guard v.isFinite else { throw PayloadError("field \(path(name)): not finite (\(v))") }
    members.append((name, .double(v)))
  }

  mutating func optionalDouble(_ name: String, _ v: Double?) throws(PayloadError) {
    if let v { try double(name, v) }
  }

  mutating func string(_ name: String, _ v: String) { members.append((name, .string(v))) }

  mutating func optionalString(_ name: String, _ v: String?) {
    if let v { string(name, v) }
  }

  mutating func int(_ name: String, _ v: Int64) { members.append((name, .int(v))) }

  /// A u64, as `.int` when it fits (what the parser reads back), else `.uint`.
  mutating func uint(_ name: String, _ v: UInt64) {
    members.append((name, v <= UInt64(Int64.max) ? .int(Int64(v)) : .uint(v)))
  }

  mutating func bytes(_ name: String, _ v: [UInt8]) {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(v.count * 2)
    for b in v {
      out.append(hex[Int(b >> 4)])
      out.append(hex[Int(b & 0xF)])
    }
    members.append((name, .string(String(decoding: out, as: UTF8.self))))
  }

  mutating func enumValue<E: TextEnum>(_ name: String, _ v: E) throws(PayloadError) {
    guard let text = v.text else {
      throw PayloadError(
        v.rawValue == 0
          ? "field \(path(name)): UNSPECIFIED is never written"
          : "field \(path(name)): unknown \(E.textTable.name) value \(v.rawValue)")
    }
    members.append((name, .string(text)))
  }

  mutating func array(_ name: String, _ items: [JSONValue]) {
    members.append((name, .array(items)))
  }

  mutating func strings(_ name: String, _ items: [String]) {
    array(name, items.map { .string($0) })
  }

  /// A repeated message field, each element built by `element` with a
  /// builder whose prefix is `name[k].`.
  mutating func messages<T>(
    _ name: String, _ items: [T],
    _ element: (inout JSONObjectBuilder, T) throws(PayloadError) -> Void
  ) throws(PayloadError) {
    var out: [JSONValue] = []
    for (k, item) in items.enumerated() {
      var b = JSONObjectBuilder(prefix: "\(prefix)\(name)[\(k)].")
      try element(&b, item)
      out.append(b.value)
    }
    array(name, out)
  }
}
