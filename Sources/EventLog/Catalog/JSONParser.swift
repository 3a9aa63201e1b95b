/// Where and why JSON text failed to parse.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// 0-based offset of the offending character, counted in Unicode scalars
  /// from the start of the text (equal to the byte offset for ASCII text).
  public var offset: Int
  /// What the grammar allowed there, e.g. `"," or "}"`.
  public var expected: String
  /// What was there instead: a quoted character (`"x"`), `U+000A` for a
  /// control character, `end of input`, or the offending token.
  public var found: String

  /// Describes a failure.
  public init(offset: Int, expected: String, found: String) {
    self.offset = offset
    self.expected = expected
    self.found = found
  }

  /// `JSON at character N: expected X, found Y`.
  public var description: String {
    "JSON at character \(offset): expected \(expected), found \(found)"
  }
}

extension JSONValue {
  /// The deepest nesting of arrays and objects `parse` accepts.
  public static let maxDepth = 512

  /// Parses one JSON value (RFC 8259) with nothing but whitespace around
  /// it. Strict: no comments, trailing commas, single quotes, leading zeros,
  /// `NaN`/`Infinity`, unescaped control characters, lone surrogates,
  /// duplicate keys in one object, or nesting beyond `maxDepth`. Integers
  /// become `.int` (or `.uint` above `Int64.max`), numbers with a fraction or
  /// an exponent `.double`; object members keep their order.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    var p = JSONParser(Array(text.utf8))
    return try p.document()
  }
}

/// A recursive-descent parser over UTF-8 bytes; errors convert the byte
/// position to a scalar offset.
struct JSONParser {
  private let bytes: [UInt8]
  private var i = 0
  private var depth = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func document() throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    let v = try value()
    skipWhitespace()
    if i < bytes.count { throw error("end of input") }
    return v
  }

  // MARK: Errors

  /// The scalar offset of byte position `at`.
  private func offset(_ at: Int) -> Int {
    var n = 0
    for b in bytes[0..<min(at, bytes.count)] where b & 0xC0 != 0x80 { n += 1 }
    return n
  }

  /// A description of the character at byte position `at`.
  private func found(_ at: Int) -> String {
    guard at < bytes.count else { return "end of input" }
    let b = bytes[at]
    if b < 0x20 || b == 0x7F {
      return "U+00" + String(b, radix: 16, uppercase: true).leftPadded(2)
    }
    // The scalar starting here (the text came from a String: valid UTF-8).
    var end = at + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    let s = String(decoding: bytes[at..<end], as: UTF8.self)
    return "\"\(s)\""
  }

  private func error(_ expected: String, at: Int? = nil, found: String? = nil) -> JSONParseError {
    let at = at ?? i
    return JSONParseError(offset: offset(at), expected: expected, found: found ?? self.found(at))
  }

  // MARK: Grammar

  private mutating func skipWhitespace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0A, 0x0D: i += 1
      default: return
      }
    }
  }

  private mutating func value() throws(JSONParseError) -> JSONValue {
    guard i < bytes.count else { throw error("a value") }
    switch bytes[i] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("a value")
    }
  }

  private mutating func literal(_ word: String, _ v: JSONValue) throws(JSONParseError) -> JSONValue
  {
    for b in word.utf8 {
      guard i < bytes.count, bytes[i] == b else { throw error("\"\(word)\"") }
      i += 1
    }
    return v
  }

  private mutating func enter() throws(JSONParseError) {
    depth += 1
    if depth > JSONValue.maxDepth {
      throw error("nesting at most \(JSONValue.maxDepth) deep", found: found(i))
    }
  }

  private mutating func object() throws(JSONParseError) -> JSONValue {
    try enter()
    i += 1  // {
    var members: [(String, JSONValue)] = []
    var keys = Set<[UInt8]>()
    skipWhitespace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
      i += 1
      depth -= 1
      return .object(members)
    }
    while true {
      guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
        throw error(members.isEmpty ? "a string key or \"}\"" : "a string key")
      }
      let keyStart = i
      let key = try string()
      // Keys are compared as written (scalar by scalar), not up to
      // canonical equivalence.
      guard keys.insert(Array(key.utf8)).inserted else {
        throw error(
          "a key not already in the object", at: keyStart,
          found: "duplicate key \(JSONValue.string(key).rendered())")
      }
      skipWhitespace()
      guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("\":\"") }
      i += 1
      skipWhitespace()
      let v = try value()
      members.append((key, v))
      skipWhitespace()
      guard i < bytes.count else { throw error("\",\" or \"}\"") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        skipWhitespace()
        continue
      }
      if bytes[i] == UInt8(ascii: "}") {
        i += 1
        depth -= 1
        return .object(members)
      }
      throw error("\",\" or \"}\"")
    }
  }

  private mutating func array() throws(JSONParseError) -> JSONValue {
    try enter()
    i += 1  // [
    var items: [JSONValue] = []
    skipWhitespace()
    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
      i += 1
      depth -= 1
      return .array(items)
    }
    while true {
      items.append(try value())
      skipWhitespace()
      guard i < bytes.count else { throw error("\",\" or \"]\"") }
      if bytes[i] == UInt8(ascii: ",") {
        i += 1
        skipWhitespace()
        continue
      }
      if bytes[i] == UInt8(ascii: "]") {
        i += 1
        depth -= 1
        return .array(items)
      }
      throw error("\",\" or \"]\"")
    }
  }

  private static func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  /// Four hex digits after `\u`; `i` is at the first digit.
  private mutating func hex4() throws(JSONParseError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<4 {
      guard i < bytes.count, let d = JSONParser.hexValue(bytes[i]) else {
        throw error("a hex digit")
      }
      v = v << 4 | d
      i += 1
    }
    return v
  }

  private mutating func string() throws(JSONParseError) -> String {
    i += 1  // opening quote
    var out: [UInt8] = []
    var runStart = i
    while true {
      guard i < bytes.count else { throw error("a closing quote") }
      let b = bytes[i]
      if b == UInt8(ascii: "\"") {
        out.append(contentsOf: bytes[runStart..<i])
        i += 1
        return String(decoding: out, as: UTF8.self)
      }
      if b < 0x20 { throw error("an escape sequence instead of a raw control character") }
      if b != UInt8(ascii: "\\") {
        i += 1
        continue
      }
      out.append(contentsOf: bytes[runStart..<i])
      let escapeStart = i
      i += 1
      guard i < bytes.count else {
        throw error("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
      }
      switch bytes[i] {
      case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        i += 1
        var scalar = try hex4()
        if (0xDC00...0xDFFF).contains(scalar) {
          throw error(
            "a high surrogate (\\uD800-\\uDBFF) before a low one", at: escapeStart,
            found: "\\u" + String(scalar, radix: 16, uppercase: true))
        }
        if (0xD800...0xDBFF).contains(scalar) {
          guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
            bytes[i + 1] == UInt8(ascii: "u")
          else { throw error("a low surrogate escape (\\uDC00-\\uDFFF)") }
          let lowStart = i
          i += 2
          let low = try hex4()
          guard (0xDC00...0xDFFF).contains(low) else {
            throw error(
              "a low surrogate escape (\\uDC00-\\uDFFF)", at: lowStart,
              found: "\\u" + String(low, radix: 16, uppercase: true).leftPadded(4))
          }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        runStart = i
        continue
      default:
        throw error("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
      }
      i += 1
      runStart = i
    }
  }

  private func isDigit(_ at: Int) -> Bool {
    at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
  }

  private mutating func number() throws(JSONParseError) -> JSONValue {
    let start = i
    if bytes[i] == UInt8(ascii: "-") { i += 1 }
    guard isDigit(i) else { throw error("a digit") }
    if bytes[i] == UInt8(ascii: "0") {
      i += 1
      if isDigit(i) { throw error("\".\", \"e\" or the end of the number (no leading zeros)") }
    } else {
      while isDigit(i) { i += 1 }
    }
    var integral = true
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      integral = false
      i += 1
      guard isDigit(i) else { throw error("a digit after the decimal point") }
      while isDigit(i) { i += 1 }
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      integral = false
      i += 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      guard isDigit(i) else { throw error("a digit in the exponent") }
      while isDigit(i) { i += 1 }
    }
    let lexeme = String(decoding: bytes[start..<i], as: UTF8.self)
    if integral {
      if let v = Int64(lexeme) { return .int(v) }
      if let v = UInt64(lexeme) { return .uint(v) }
    }
    guard let d = Double(lexeme), d.isFinite else {
      throw error("a number within the range of a double", at: start, found: lexeme)
    }
    return .double(d)
  }
}

extension String {
  /// The string left-padded with zeros to `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
