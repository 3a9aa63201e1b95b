import Ingest
import Testing

@Suite("Timeframes")
struct TimeframeTests {
  @Test("The six supported timeframes")
  func cases() {
    #expect(Timeframe.allCases.map(\.rawValue) == ["1m", "5m", "15m", "1h", "4h", "1d"])
    #expect(
      Timeframe.allCases.map(\.milliseconds) == [
        60_000, 300_000, 900_000, 3_600_000, 14_400_000, 86_400_000,
      ])
    for timeframe in Timeframe.allCases {
      #expect(Timeframe(milliseconds: timeframe.milliseconds) == timeframe)
      #expect(Timeframe(rawValue: timeframe.rawValue) == timeframe)
    }
    #expect(Timeframe(milliseconds: 7_200_000) == nil)
    #expect(Timeframe(milliseconds: 0) == nil)
    #expect(Timeframe(rawValue: "2h") == nil)
  }

  @Test("Close time is the next bar's open")
  func closeTime() {
    let bar = ParsedBar(
      openTime: 1_571_270_400_000, open: 1, high: 1, low: 1, close: 1, volume: 0, line: 2)
    #expect(bar.closeTime(.oneHour) == 1_571_274_000_000)
    #expect(bar.closeTime(.oneDay) == 1_571_356_800_000)
  }

  @Test("Inference takes the most common spacing, ties going to the smaller")
  func inferenceTie() throws {
    // Spacings: 1h, 1h, 4h, 4h → 1h; both 4h steps are gaps of 3 bars.
    let file = try parse(
      """
      time,open,high,low,close
      2019-10-17T00:00:00Z,1,1,1,1
      2019-10-17T01:00:00Z,1,1,1,1
      2019-10-17T02:00:00Z,1,1,1,1
      2019-10-17T06:00:00Z,1,1,1,1
      2019-10-17T10:00:00Z,1,1,1,1

      """)
    let series = try #require(file.series.first)
    #expect(series.timeframe == .oneHour)
    #expect(series.gaps.map(\.missingBars) == [3, 3])
    // Spacings: 4h ×3, 1h ×2 → 4h.
    let fourHourly = try parse(
      """
      time,open,high,low,close
      2019-10-17T00:00:00Z,1,1,1,1
      2019-10-17T04:00:00Z,1,1,1,1
      2019-10-17T08:00:00Z,1,1,1,1
      2019-10-17T12:00:00Z,1,1,1,1
      2019-10-17T13:00:00Z,1,1,1,1
      2019-10-17T14:00:00Z,1,1,1,1

      """)
    #expect(fourHourly.series.first?.timeframe == .fourHours)
    #expect(fourHourly.rejections.map(\.line) == [6, 7])
  }

  @Test("Errors and gaps describe themselves")
  func descriptions() {
    #expect(CandleFileError(file: "a.csv", reason: "x").description == "a.csv: x")
    #expect(CandleFileError(file: "a.csv", line: 3, reason: "x").description == "a.csv:3: x")
    #expect(
      RowRejection(file: "a.csv", line: 3, field: nil, reason: "x").description == "a.csv:3: x")
    #expect(
      Gap(firstMissingOpen: 1_553_040_000_000, lastMissingOpen: 1_553_990_400_000, missingBars: 12)
        .description
        == "12 missing bars 2019-03-20T00:00:00Z … 2019-03-31T00:00:00Z")
  }
}
