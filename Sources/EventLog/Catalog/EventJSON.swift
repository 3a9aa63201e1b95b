/// The NDJSON form of an event, as `ledgerd cat` prints it and `ledgerd
/// import --events` (and later HTTP ingest) reads it back: one object per
/// line with `offset`, `event_time` (ISO-8601 UTC, milliseconds), `type`
/// (wire name), `stream`, `schema_version`, `formula` (`name@hex`, null for
/// source events), `causes` and `payload` (enum values as their text).
public enum EventJSON {
  /// One line for `record`; `formulaNames` maps formula stamps to set names.
  public static func line(
    _ record: LogRecord, registry: EventTypeRegistry = EventCatalog.registry,
    formulaNames: [UInt64: String] = [:]
  ) throws(PayloadError) -> String {
    let e = record.event
    guard let info = registry[e.type], let codec = EventCatalog.jsonCodec(for: e.type) else {
      throw PayloadError(
        "type \(e.type.rawValue) version \(e.schemaVersion) is unknown to this build")
    }
    let payload = try EventCatalog.upcast(
      payload: e.payload, type: e.type, version: e.schemaVersion)
    let formula: JSONValue =
      e.formula == 0 ? .null : .string("\(formulaNames[e.formula] ?? "?")@\(hex(e.formula))")
    let object: JSONValue = .object([
      ("offset", .uint(record.offset)),
      ("event_time", .string(isoTime(e.eventTime))),
      ("type", .string(info.wireName)),
      ("stream", .string(e.stream)),
      ("schema_version", .int(Int64(info.schemaVersion))),
      ("formula", formula),
      ("causes", .array(e.causes.map { .uint($0) })),
      ("payload", try codec.render(payload)),
    ])
    return object.rendered()
  }

  /// The source event of one NDJSON line (its `offset`, if any, is ignored:
  /// the writer assigns offsets). Derived events are refused: they are
  /// recomputed, never imported.
  public static func sourceEvent(
    fromLine text: String, registry: EventTypeRegistry = EventCatalog.registry
  )
    throws(PayloadError) -> Event
  {
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw PayloadError("malformed JSON: \(error)")
    }
    guard case .object(let fields) = value else { throw PayloadError("expected a JSON object") }
    var seen: [String: JSONValue] = [:]
    for (k, v) in fields {
      guard
        [
          "offset", "event_time", "type", "stream", "schema_version", "formula", "causes",
          "payload",
        ].contains(k)
      else {
        throw PayloadError("unknown field \"\(k)\"")
      }
      guard seen[k] == nil else { throw PayloadError("field \"\(k)\" appears twice") }
      seen[k] = v
    }
    guard case .string(let typeName)? = seen["type"] else {
      throw PayloadError("missing field \"type\" (a wire name)")
    }
    guard let type = EventCatalog.type(named: typeName), let info = registry[type],
      let codec = EventCatalog.jsonCodec(for: type)
    else { throw PayloadError("unknown event type \"\(typeName)\"") }
    guard info.kind == .source else {
      throw PayloadError(
        "\(typeName) is a derived event: derived events are recomputed, never imported")
    }
    guard case .string(let stream)? = seen["stream"] else {
      throw PayloadError("missing field \"stream\"")
    }
    let time = try eventTime(seen["event_time"])
    if let v = seen["schema_version"] {
      guard case .int(let n) = v, n == Int64(info.schemaVersion) else {
        throw PayloadError(
          "field \"schema_version\": \(typeName) is at version \(info.schemaVersion), got \(v.rendered())"
        )
      }
    }
    if let f = seen["formula"], f != .null {
      throw PayloadError("field \"formula\": source events carry no formula")
    }
    if let c = seen["causes"], c != .array([]) {
      throw PayloadError("field \"causes\": source events have no causes")
    }
    guard let payloadJSON = seen["payload"] else { throw PayloadError("missing field \"payload\"") }
    let payload: [UInt8]
    do {
      payload = try codec.parse(payloadJSON)
    } catch {
      throw PayloadError("payload: \(error.reason)")
    }
    return Event(
      eventTime: time, type: type, schemaVersion: info.schemaVersion, stream: stream,
      payload: payload)
  }

  private static func eventTime(_ v: JSONValue?) throws(PayloadError) -> Int64 {
    switch v {
    case .string(let s)?:
      guard let t = parseISOTime(s) else {
        throw PayloadError(
          "field \"event_time\": \"\(s)\" is not an ISO-8601 UTC time like 2019-10-17T09:00:00.000Z"
        )
      }
      return t
    case .int(let n)?: return n
    case nil: throw PayloadError("missing field \"event_time\"")
    default:
      throw PayloadError("field \"event_time\": expected an ISO-8601 string or epoch milliseconds")
    }
  }

  /// 16 lowercase hex digits of a formula stamp (the hash's first 8 bytes in order).
  public static func hex(_ stamp: UInt64) -> String {
    let digits = Array("0123456789abcdef")
    var out = ""
    withUnsafeBytes(of: stamp.littleEndian) { bytes in
      for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 15)])
      }
    }
    return out
  }

  /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public static func isoTime(_ ms: Int64) -> String {
    var days = ms / 86_400_000
    var rest = ms % 86_400_000
    if rest < 0 {
      days -= 1
      rest += 86_400_000
    }
    let (y, m, d) = civil(days)
    func pad(_ v: Int64, _ n: Int) -> String {
      let t = String(v)
      return String(repeating: "0", count: max(0, n - t.count)) + t
    }
    return
      "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3_600_000, 2)):\(pad(rest / 60_000 % 60, 2)):"
      + "\(pad(rest / 1000 % 60, 2)).\(pad(rest % 1000, 3))Z"
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.mmm]Z` (the form `isoTime` writes; also `+00:00`).
  public static func parseISOTime(_ s: String) -> Int64? {
    let b = Array(s.utf8)
    func num(_ from: Int, _ n: Int) -> Int64? {
      guard from + n <= b.count else { return nil }
      var v: Int64 = 0
      for i in from..<(from + n) {
        guard b[i] >= 48, b[i] <= 57 else { return nil }
        v = v * 10 + Int64(b[i] - 48)
      }
      return v
    }
    guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58,
      let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2),
      let mi = num(14, 2),
      let sec = num(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 60
    else { return nil }
    var i = 19
    var ms: Int64 = 0
    if i < b.count, b[i] == 46 {
      guard let f = num(i + 1, 3) else { return nil }
      ms = f
      i += 4
    }
    let tail = String(decoding: b[i...], as: UTF8.self)
    guard tail == "Z" || tail == "+00:00" else { return nil }
    return (days(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec) * 1000 + ms
  }

  static func days(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civil(_ z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
  }
}
