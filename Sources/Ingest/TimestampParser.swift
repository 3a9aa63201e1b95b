/// Parses bar open times from the raw bytes of a cell, without Foundation.
///
/// Accepted forms (UTC unless an offset is given):
/// - `YYYY-MM-DD` (00:00 UTC);
/// - `YYYY-MM-DD HH-AM` / `HH-PM`, the CryptoDataDownload 12-hour clock
///   (`12-AM` is 00:00, `12-PM` is 12:00; one- or two-digit hours);
/// - ISO 8601 date-times with `T` or a space: `YYYY-MM-DDTHH:MM[:SS[.fff]]`,
///   then optionally `Z` or an offset `+HH:MM`, `+HHMM` or `+HH`, which is
///   applied (fractions beyond milliseconds are truncated);
/// - epoch integers: values ≥ 1e11 are milliseconds, smaller ones seconds.
enum TimestampParser {
  /// What the accepted forms look like, for messages.
  static let expectedForms =
    "YYYY-MM-DD, YYYY-MM-DD HH-AM|PM, ISO 8601 date-time or epoch seconds/milliseconds"

  /// Epoch integers at or above this value are milliseconds.
  static let millisecondThreshold: Int64 = 100_000_000_000

  /// The open time in ms since the epoch of the bytes `buffer[start..<end]`,
  /// or `nil` when they are none of the accepted forms.
  static func parse(_ buffer: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
    let count = end - start
    guard count > 0 else { return nil }
    if count <= 18, let epoch = integer(buffer, start, end) {
      return epoch >= millisecondThreshold ? epoch : epoch * 1000
    }
    guard count >= 10, buffer[start + 4] == 0x2D, buffer[start + 7] == 0x2D,  // YYYY-MM-DD
      let year = integer(buffer, start, start + 4),
      let month = integer(buffer, start + 5, start + 7),
      let day = integer(buffer, start + 8, start + 10),
      month >= 1, month <= 12, day >= 1, day <= UTCTime.daysInMonth(year: year, month: month)
    else { return nil }
    let midnight =
      UTCTime.daysFromCivil(year: year, month: month, day: day) * UTCTime.millisecondsPerDay
    var i = start + 10
    if i == end { return midnight }
    let separator = buffer[i]
    guard separator | 0x20 == 0x74 || separator == 0x20 else { return nil }  // T, t or space
    i += 1
    // Hour: one or two digits.
    var hourDigits = 0
    var hour: Int64 = 0
    while i < end && hourDigits < 2 && buffer[i] &- 0x30 < 10 {
      hour = hour * 10 + Int64(buffer[i] &- 0x30)
      hourDigits += 1
      i += 1
    }
    guard hourDigits > 0, i < end else { return nil }
    if buffer[i] == 0x2D {  // `-AM` / `-PM`
      guard let hour24 = twelveHourClock(buffer, i + 1, end, hour: hour) else { return nil }
      return midnight + hour24 * 3_600_000
    }
    guard hourDigits == 2, hour <= 23, buffer[i] == 0x3A, i + 3 <= end,
      let minute = integer(buffer, i + 1, i + 3), minute <= 59
    else { return nil }
    i += 3
    var second: Int64 = 0
    var fraction: Int64 = 0
    if i < end && buffer[i] == 0x3A {
      guard i + 3 <= end, let value = integer(buffer, i + 1, i + 3), value <= 59 else { return nil }
      second = value
      i += 3
      if i < end && (buffer[i] == 0x2E || buffer[i] == 0x2C) {  // `.` or `,` before the fraction
        i += 1
        var digits = 0
        while i < end && buffer[i] &- 0x30 < 10 {
          if digits < 3 { fraction = fraction * 10 + Int64(buffer[i] &- 0x30) }
          digits += 1
          i += 1
        }
        guard digits > 0 else { return nil }
        var scale = digits
        while scale < 3 {
          fraction *= 10
          scale += 1
        }
      }
    }
    guard let offset = utcOffset(buffer, i, end) else { return nil }
    return midnight + ((hour * 60 + minute) * 60 + second) * 1000 + fraction - offset
  }

  /// `AM` / `PM` (any case) ending the cell, turned into a 24-hour hour.
  private static func twelveHourClock(
    _ buffer: UnsafePointer<UInt8>, _ start: Int, _ end: Int, hour: Int64
  ) -> Int64? {
    guard end - start == 2, hour >= 1, hour <= 12, buffer[start + 1] | 0x20 == 0x6D else {
      return nil
    }  // m
    switch buffer[start] | 0x20 {
    case 0x61: return hour == 12 ? 0 : hour  // a
    case 0x70: return hour == 12 ? 12 : hour + 12  // p
    default: return nil
    }
  }

  /// The UTC offset in ms of the rest of the cell: empty or `Z` is 0, else
  /// `±HH:MM`, `±HHMM` or `±HH`.
  private static func utcOffset(_ buffer: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64?
  {
    if start == end { return 0 }
    let sign = buffer[start]
    if sign | 0x20 == 0x7A { return end - start == 1 ? 0 : nil }  // z
    guard sign == 0x2B || sign == 0x2D, end - start >= 3,  // + or -
      let hours = integer(buffer, start + 1, start + 3), hours <= 23
    else { return nil }
    var minutes: Int64 = 0
    switch end - start {
    case 3: break
    case 5:
      guard let value = integer(buffer, start + 3, start + 5) else { return nil }
      minutes = value
    case 6:
      guard buffer[start + 3] == 0x3A, let value = integer(buffer, start + 4, start + 6) else {
        return nil
      }
      minutes = value
    default: return nil
    }
    guard minutes <= 59 else { return nil }
    let offset = (hours * 60 + minutes) * 60_000
    return sign == 0x2D ? -offset : offset
  }

  /// The non-negative decimal integer made of all of `buffer[start..<end]`
  /// (at most 18 digits, so it cannot overflow).
  static func integer(_ buffer: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
    guard end > start, end - start <= 18 else { return nil }
    var value: Int64 = 0
    var i = start
    while i < end {
      let digit = buffer[i] &- 0x30
      guard digit < 10 else { return nil }
      value = value &* 10 &+ Int64(digit)
      i &+= 1
    }
    return value
  }
}
