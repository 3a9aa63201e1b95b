/// Civil-date arithmetic on the proleptic Gregorian calendar in UTC, without
/// Foundation (Howard Hinnant's `days_from_civil` / `civil_from_days`).
enum UTCTime {
  static let millisecondsPerDay: Int64 = 86_400_000

  /// Days since 1970-01-01 of the civil date `year-month-day` (month 1…12).
  static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day count since 1970-01-01.
  static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Whether `year` is a Gregorian leap year.
  static func isLeapYear(_ year: Int64) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in `month` (1…12) of `year`.
  static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// `2019-10-17T09:00:00Z` (with `.123` when the milliseconds are not zero).
  static func iso8601(_ milliseconds: Int64) -> String {
    var days = milliseconds / millisecondsPerDay
    var rest = milliseconds % millisecondsPerDay
    if rest < 0 {
      days -= 1
      rest += millisecondsPerDay
    }
    let (year, month, day) = civilFromDays(days)
    let ms = rest % 1000
    let seconds = rest / 1000
    var text =
      "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
      + "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
    if ms != 0 { text += ".\(pad(ms, 3))" }
    return text + "Z"
  }

  /// A duration the way people write it: `2h`, `1h30m`, `7m30s`, `1d`, `1500ms`.
  static func durationName(_ milliseconds: Int64) -> String {
    guard milliseconds > 0 else { return "\(milliseconds)ms" }
    if milliseconds % 1000 != 0 { return "\(milliseconds)ms" }
    var rest = milliseconds / 1000
    var text = ""
    for (unit, seconds) in [("d", Int64(86_400)), ("h", 3600), ("m", 60), ("s", 1)]
    where rest >= seconds {
      text += "\(rest / seconds)\(unit)"
      rest %= seconds
    }
    return text
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

/// Instants given on the command line (`--since`, `--until`).
public enum InstantText {
  /// Milliseconds since the epoch for an ISO-8601 date or date-time (`Z` or
  /// an offset), or an integer of epoch seconds (< 1e11) or milliseconds.
  public static func parse(_ text: String) -> Int64? {
    var bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return nil }
    bytes.append(0)
    return bytes.withUnsafeBufferPointer {
      TimestampParser.parse($0.baseAddress!, 0, bytes.count - 1)
    }
  }

  /// ISO-8601 UTC form of `milliseconds`.
  public static func iso8601(_ milliseconds: Int64) -> String { UTCTime.iso8601(milliseconds) }
}
