import Foundation

/// Deterministic JSON for `--json` outputs: sorted keys, no escaping of `/`.
enum JSONOutput {
  static func print<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    let data = try encoder.encode(value)
    Swift.print(String(decoding: data, as: UTF8.self))
  }
}

/// ISO-8601 UTC with milliseconds, without Foundation date formatters.
enum ISOTime {
  static func string(_ ms: Int64) -> String {
    let days = Int64((Double(ms) / 86_400_000).rounded(.down))
    let msOfDay = ms - days * 86_400_000
    let (y, m, d) = civil(days)
    let h = msOfDay / 3_600_000
    let mi = msOfDay / 60_000 % 60
    let s = msOfDay / 1000 % 60
    let f = msOfDay % 1000
    func p(_ v: Int64, _ n: Int) -> String {
      let t = String(v)
      return String(repeating: "0", count: max(0, n - t.count)) + t
    }
    return "\(p(y, 4))-\(p(m, 2))-\(p(d, 2))T\(p(h, 2)):\(p(mi, 2)):\(p(s, 2)).\(p(f, 3))Z"
  }

  /// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
  static func civil(_ z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}
