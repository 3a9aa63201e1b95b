import Ingest
import Testing

/// What a one-row plain file makes of a time cell.
private enum Outcome: Equatable {
  case openTime(Int64)
  case rejected(RowRejection)

  var rejection: RowRejection? {
    if case .rejected(let rejection) = self { return rejection }
    return nil
  }
}

/// The open time a one-row plain file gives `cell`, or its rejection.
private func openTime(_ cell: String, timeframe: Timeframe = .oneMinute) throws -> Outcome {
  let file = try parse("time,open,high,low,close\n\(cell),1,1,1,1\n", timeframe: timeframe)
  if let bar = file.series.first?.bars.first { return .openTime(bar.openTime) }
  return .rejected(try #require(file.rejections.first))
}

@Suite("Timestamps")
struct TimestampTests {
  static let day: Int64 = 1_571_270_400_000  // 2019-10-17T00:00:00Z
  static let hour: Int64 = 3_600_000

  static let acceptedForms: [(String, Int64)] = [
    ("2019-10-17", day),
    ("2019-10-17 12-AM", day),
    ("2019-10-17 12-am", day),
    ("2019-10-17 01-AM", day + hour),
    ("2019-10-17 9-AM", day + 9 * hour),
    ("2019-10-17 11-AM", day + 11 * hour),
    ("2019-10-17 12-PM", day + 12 * hour),
    ("2019-10-17 01-PM", day + 13 * hour),
    ("2019-10-17 11-PM", day + 23 * hour),
    ("2019-10-17T09:00:00Z", day + 9 * hour),
    ("2019-10-17t09:00:00z", day + 9 * hour),
    ("2019-10-17 09:00:00", day + 9 * hour),
    ("2019-10-17T09:00Z", day + 9 * hour),
    ("2019-10-17T09:00", day + 9 * hour),
    ("2019-10-17T09:00:00.000Z", day + 9 * hour),
    ("2019-10-17T09:00:00.000000Z", day + 9 * hour),
    ("2019-10-17T11:00:00+02:00", day + 9 * hour),
    ("2019-10-17T11:00:00+0200", day + 9 * hour),
    ("2019-10-17T11:00+02", day + 9 * hour),
    ("2019-10-17T04:30:00-04:30", day + 9 * hour),
    ("2019-10-17T01:00:00+02:00", day - hour),
    ("2019-10-17T00:00:00-00:00", day),
    ("1571302800", day + 9 * hour),
    ("1571302800000", day + 9 * hour),
    ("2020-02-29", 1_582_934_400_000),
    ("2000-02-29", 951_782_400_000),
    ("1970-01-01", 0),
    ("1969-12-31", -86_400_000),
  ]

  @Test("Accepted forms", arguments: acceptedForms)
  func accepted(cell: String, expected: Int64) throws {
    #expect(try openTime(cell) == .openTime(expected))
  }

  @Test(
    "Rejected forms",
    arguments: [
      "2019-10-17 13-PM", "2019-10-17 00-AM", "2019-10-17 09-XM", "2019-10-17 09-A", "2019-13-01",
      "2019-02-29",
      "1900-02-29", "2019-10-32", "2019-10-00", "2019-10-17T24:00:00Z", "2019-10-17T09:60Z",
      "2019-10-17T09:00:61Z",
      "2019-10-17T9:00Z", "2019-10-17T09:00:00+25:00", "2019-10-17T09:00:00 UTC",
      "2019-10-17T09:00:00.Z",
      "2019/10/17", "17-10-2019", "2019-10-17X", "1571302800.5", "-1571302800", "tomorrow",
      "12345678901234567890",
    ])
  func rejected(cell: String) throws {
    let rejection = try #require(openTime(cell).rejection)
    #expect(rejection.field == "time")
    #expect(
      rejection.reason
        == "cannot parse time \"\(cell)\" (expected YYYY-MM-DD, YYYY-MM-DD HH-AM|PM, ISO 8601 date-time or epoch seconds/milliseconds)"
    )
  }

  @Test("Fractional seconds are kept to the millisecond (and then must be aligned)")
  func fractions() throws {
    let rejection = try #require(openTime("2019-10-17T09:00:00.5Z").rejection)
    #expect(rejection.reason == "open time 2019-10-17T09:00:00.500Z not aligned to 1m")
    let truncated = try #require(openTime("2019-10-17T09:00:00.1239Z").rejection)
    #expect(truncated.reason == "open time 2019-10-17T09:00:00.123Z not aligned to 1m")
  }
}
