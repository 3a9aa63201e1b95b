/// A JSON value that keeps what Foundation's `JSONSerialization` loses: the
/// order of object keys and the difference between integers and doubles.
/// The payload JSON codecs and `ledgerd cat` use it; `rendered()` is its one
/// text form and `JSONValue.parse(_:)` its strict reader.
public enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer that fits in `Int64` (what the parser gives any integer in that range).
  case int(Int64)
  /// An integer above `Int64.max` that fits in `UInt64`.
  case uint(UInt64)
  /// A number with a fraction or an exponent (or an integer beyond 64 bits).
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object as its members in order; keys are expected to be unique.
  case object([(String, JSONValue)])

  /// Structural equality; objects compare member by member, in order, and
  /// doubles with `==` (so `.int(1) != .double(1)`).
  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.uint(let x), .uint(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The value of the first member named `key` of an object; nil otherwise.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// Compact JSON text (no whitespace), RFC 8259 string escaping (`"`, `\`
  /// and control characters; everything else as UTF-8), doubles in Swift's
  /// shortest round-trip form with `.0` kept on integral values so they read
  /// back as doubles. JSON has no NaN or infinity: a non-finite double is
  /// written `null` (the payload codecs never produce one).
  public func rendered() -> String {
    var out: [UInt8] = []
    out.reserveCapacity(64)
    render(into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private func render(into out: inout [UInt8]) {
    switch self {
    case .null:
      out.append(contentsOf: "null".utf8)
    case .bool(let b):
      out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i):
      out.append(contentsOf: String(i).utf8)
    case .uint(let u):
      out.append(contentsOf: String(u).utf8)
    case .double(let d):
      out.append(contentsOf: JSONValue.text(of: d).utf8)
    case .string(let s):
      JSONValue.renderString(s, into: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (i, item) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        item.render(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      for (i, (key, value)) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSONValue.renderString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        value.render(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// A finite double's shortest round-trip text (`1.0`, `0.1`, `1e-05`,
  /// `1e+16`), always with a fraction or an exponent; `null` otherwise.
  static func text(of d: Double) -> String {
    guard d.isFinite else { return "null" }
    let s = d.description
    // Swift writes integral values as `1.0` and large or small ones with an
    // exponent; both read back as doubles. Guard the contract anyway.
    if s.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }) { return s }
    return s + ".0"
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  static func renderString(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        out.append(contentsOf: "\\u00".utf8)
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0xF)])
      default: out.append(b)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
