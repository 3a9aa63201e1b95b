import Ingest
import Testing

@Suite("Row rejections")
struct RowRejectionTests {
  /// One file exercising every rejection class, with a truncated last line.
  static let corpus = """
    time,open,high,low,close,volume
    2019-10-17T00:00:00Z,10,11,9,10.5,100
    2019-10-17T01:00:00Z,10,11,9
    2019-10-17T02:00:00Z,10,11,9,10.5,100,7
    2019-10-17 25:00,10,11,9,10,1
    2019-10-17T03:00:00Z,abc,11,9,10,1
    2019-10-17T04:00:00Z,10,11,9,10,
    2019-10-17T05:00:00Z,10,inf,9,10,1
    2019-10-17T06:00:00Z,10,11,9,10,nan
    2019-10-17T07:00:00Z,0,11,9,10,1
    2019-10-17T08:00:00Z,10,11,-9,10,1
    2019-10-17T09:00:00Z,10,11,9,10,-1
    2019-10-17T10:00:00Z,7,5,6,5.5,1
    2019-10-17T11:00:00Z,12,11,9,10,1
    2019-10-17T12:00:00Z,10,11,9,8,1
    2019-10-17T13:30:00Z,10,11,9,10,1
    2019-10-17T00:00:00Z,10,11,9,10.5,100
    2019-10-17T00:00:00Z,10,11,9,10.4,100
    2019-10-17T14:00:00Z,0x10,20,9,10,1
    2019-10-17T15:00:00Z,10,11,9,10,1
    ,10,11,9,10,1
    2019-10-17T17:00:00Z,10,11,9,10,1
    2019-10-17T18:00:00Z,10,11,9,10,1
    2019-10-17T19:00:00Z,10,11,9,10,1
    2019-10-17T20:00:00Z,10,11,9,10,1
    2019-10-17T21:00:00Z,10,11,9,10
    """  // no newline at the end: the last line is truncated

  static let expected = [
    "bad.csv:3: expected 6 cells, found 4",
    "bad.csv:4: expected 6 cells, found 7",
    "bad.csv:5: time: cannot parse time \"2019-10-17 25:00\" (expected YYYY-MM-DD, YYYY-MM-DD HH-AM|PM, "
      + "ISO 8601 date-time or epoch seconds/milliseconds)",
    "bad.csv:6: open: not a number: \"abc\"",
    "bad.csv:7: volume: empty value",
    "bad.csv:8: high: not finite: \"inf\"",
    "bad.csv:9: volume: not finite: \"nan\"",
    "bad.csv:10: open: must be > 0, got 0.0",
    "bad.csv:11: low: must be > 0, got -9.0",
    "bad.csv:12: volume: must be >= 0, got -1.0",
    "bad.csv:13: high: high 5.0 < low 6.0",
    "bad.csv:14: open: open 12.0 outside [low 9.0, high 11.0]",
    "bad.csv:15: close: close 8.0 outside [low 9.0, high 11.0]",
    "bad.csv:16: time: open time 2019-10-17T13:30:00Z not aligned to 1h",
    "bad.csv:18: close: conflicting bar at 2019-10-17T00:00:00Z, first seen on line 2 (close 10.5 there, 10.4 here)",
    "bad.csv:19: open: not a number: \"0x10\"",
    "bad.csv:21: time: empty value",
    "bad.csv:26: expected 6 cells, found 5",
  ]

  @Test("Every rejection class is reported with file, line and field; valid rows are kept")
  func everyRejectionClass() throws {
    let file = try parse(Self.corpus, file: "bad.csv")
    #expect(file.format == .plain)
    #expect(file.rowCount == 25)
    #expect(file.rejections.map(\.description) == Self.expected)
    let series = try #require(file.series.first)
    #expect(file.series.count == 1)
    #expect(series.symbol == nil)
    #expect(series.timeframe == .oneHour)
    #expect(series.duplicates == 1)
    let hour: Int64 = 3_600_000
    let day = ms(1_571_270_400)  // 2019-10-17T00:00Z
    #expect(series.bars.map(\.openTime) == [0, 15, 17, 18, 19, 20].map { day + $0 * hour })
    #expect(series.bars.map(\.line) == [2, 20, 22, 23, 24, 25])
    #expect(series.bars[0].close == 10.5)  // the first of the conflicting bars is kept
    #expect(
      series.gaps == [
        Gap(firstMissingOpen: day + hour, lastMissingOpen: day + 14 * hour, missingBars: 14),
        Gap(firstMissingOpen: day + 16 * hour, lastMissingOpen: day + 16 * hour, missingBars: 1),
      ])
    #expect(
      file.warnings == [
        "bad.csv: 1h: 14 missing bars 2019-10-17T01:00:00Z … 2019-10-17T14:00:00Z",
        "bad.csv: 1h: 1 missing bar 2019-10-17T16:00:00Z",
      ])
  }

  @Test("The rejection structure and its description")
  func rejectionFields() throws {
    let file = try parse(Self.corpus, file: "bad.csv")
    #expect(
      file.rejections.first { $0.line == 13 }
        == RowRejection(file: "bad.csv", line: 13, field: "high", reason: "high 5.0 < low 6.0"))
    #expect(file.rejections.first?.field == nil)
    #expect(
      RowRejection(
        file: "coinbase_btcusd_1h.csv", line: 17, field: "high", reason: "high 5.0 < low 6.0"
      )
      .description == "coinbase_btcusd_1h.csv:17: high: high 5.0 < low 6.0")
  }

  @Test("An identical duplicate row is skipped and counted, not rejected")
  func identicalDuplicate() throws {
    let file = try parse(
      """
      date,open,high,low,close
      2019-10-01,1,2,0.5,1.5
      2019-10-02,1,2,0.5,1.5
      2019-10-01,1,2,0.5,1.5
      2019-10-03,1,2,0.5,1.5
      2019-10-01,1,2,0.5,1.5

      """)
    #expect(file.rejections.isEmpty)
    let series = try #require(file.series.first)
    #expect(series.duplicates == 2)
    #expect(series.bars.map(\.line) == [2, 3, 5])
    #expect(series.timeframe == .oneDay)
  }

  @Test("A conflicting duplicate is rejected naming both lines and the differing field")
  func conflictingDuplicate() throws {
    let file = try parse(
      """
      date,open,high,low,close,volume
      2019-10-01,1,2,0.5,1.5,10
      2019-10-02,1,2,0.5,1.5,10
      2019-10-01,1,2,0.5,1.5,11
      2019-10-01,1,2.5,0.5,1.5,10

      """)
    #expect(
      file.rejections.map(\.description) == [
        "t.csv:4: volume: conflicting bar at 2019-10-01T00:00:00Z, first seen on line 2 (volume 10.0 there, 11.0 here)",
        "t.csv:5: high: conflicting bar at 2019-10-01T00:00:00Z, first seen on line 2 (high 2.0 there, 2.5 here)",
      ])
    #expect(file.series.first?.bars.count == 2)
  }

  @Test("A misaligned open time is rejected against the inferred timeframe")
  func misalignedOpen() throws {
    let file = try parse(
      """
      timestamp,open,high,low,close
      2019-10-17T00:00:00Z,1,1,1,1
      2019-10-17T00:15:00Z,1,1,1,1
      2019-10-17T00:22:30Z,1,1,1,1
      2019-10-17T00:30:00Z,1,1,1,1
      2019-10-17T00:45:00Z,1,1,1,1
      2019-10-17T01:00:00Z,1,1,1,1

      """)
    #expect(
      file.rejections.map(\.description) == [
        "t.csv:4: timestamp: open time 2019-10-17T00:22:30Z not aligned to 15m"
      ])
    #expect(file.series.first?.timeframe == .fifteenMinutes)
    #expect(file.series.first?.bars.count == 5)
    #expect(file.series.first?.gaps == [])
  }

  @Test("A given timeframe overrides inference: other rows are misaligned")
  func givenTimeframe() throws {
    let file = try parse(
      """
      time,open,high,low,close
      2019-10-17T00:00:00Z,1,1,1,1
      2019-10-17T01:00:00Z,1,1,1,1
      2019-10-17T02:00:00Z,1,1,1,1
      2019-10-18T00:00:00Z,1,1,1,1

      """, timeframe: .oneDay)
    #expect(file.series.first?.timeframe == .oneDay)
    #expect(file.series.first?.bars.map(\.line) == [2, 5])
    #expect(file.rejections.map(\.line) == [3, 4])
    #expect(file.rejections.first?.reason == "open time 2019-10-17T01:00:00Z not aligned to 1d")
  }

  @Test("Rows that are all rejected leave no series, but the file is not refused")
  func allRejected() throws {
    let file = try parse("time,open,high,low,close\n2019-10-17,1,1,2,1\n2019-10-18,x,1,1,1\n")
    #expect(file.series.isEmpty)
    #expect(file.rejections.count == 2)
    #expect(file.rowCount == 2)
  }
}
