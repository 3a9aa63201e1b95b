import Foundation
import Ingest
import Testing

@Suite("Formats and their variants")
struct FormatTests {
  static let cdd = """
    Timestamps are UTC timezone,https://www.CryptoDataDownload.com
    date,symbol,open,high,low,close,volume_btc,volume
    2019-10-17 01-PM,BTCUSD,8000,8010,7990,8005,2.5,20000
    2019-10-17 12-PM,BTCUSD,7990,8001,7980,8000,1.5,12000
    2019-10-17 11-AM,BTCUSD,7980,7995,7970,7990,1,8000
    2019-10-17 01-AM,BTCUSD,7960,7970,7950,7965,3,24000
    2019-10-17 12-AM,BTCUSD,7950,7962,7940,7960,4,32000

    """

  @Test("CryptoDataDownload: 12-hour clock, newest first, volume columns mapped")
  func cryptoDataDownload() throws {
    let file = try parse(Self.cdd)
    #expect(file.format == .cryptoDataDownload)
    let series = try #require(file.series.first)
    #expect(series.symbol == "BTC")
    #expect(series.timeframe == .oneHour)
    let day = 1_571_270_400_000 as Int64  // 2019-10-17T00:00Z
    let hour: Int64 = 3_600_000
    #expect(series.bars.map(\.openTime) == [0, 1, 11, 12, 13].map { day + $0 * hour })
    #expect(series.bars.map(\.line) == [7, 6, 5, 4, 3])
    let noon = try #require(series.bars.first { $0.line == 4 })
    #expect(noon.openTime == day + 12 * hour)  // 12-PM is noon
    #expect(noon.volume == 1.5)  // volume_btc
    #expect(noon.quoteVolume == 12_000)  // volume (USD)
    #expect(
      series.gaps == [
        Gap(firstMissingOpen: day + 2 * hour, lastMissingOpen: day + 10 * hour, missingBars: 9)
      ])
  }

  @Test("LF, CRLF, lone CR and a UTF-8 BOM give the same bars")
  func lineEndingsAndBOM() throws {
    let lf = try parse(Self.cdd)
    let crlf = try parse(Self.cdd.replacingOccurrences(of: "\n", with: "\r\n"))
    let cr = try parse(Self.cdd.replacingOccurrences(of: "\n", with: "\r"))
    let bom = try parse("\u{FEFF}" + Self.cdd.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(lf.rejections.isEmpty)
    for other in [crlf, cr, bom] {
      #expect(other == lf)
    }
    let plainBOM = try parse(
      "\u{FEFF}time,open,high,low,close\r\n2019-10-17,1,2,0.5,1\r\n2019-10-18,1,2,0.5,1")
    #expect(plainBOM.format == .plain)
    #expect(plainBOM.series.first?.bars.count == 2)
  }

  @Test("CryptoDataDownload symbols: quote suffixes stripped, several markets in one file")
  func symbols() throws {
    let file = try parse(
      """
      date,symbol,open,high,low,close,volume_eth,volume
      2019-10-02,ETH/USD,1,1,1,1,1,1
      2019-10-02,BTC-USD,2,2,2,2,2,2
      2019-10-01,ETHUSDT,1,1,1,1,1,1
      2019-10-01,btcusdc,2,2,2,2,2,2
      2019-10-01,,2,2,2,2,2,2
      2019-10-02,ETH/EUR,1,1,1,1,1,1
      2019-10-01,ETH/EUR,1,1,1,1,1,1

      """)
    #expect(file.series.map(\.symbol) == ["BTC", "ETH", "ETH/EUR"])
    #expect(file.series.allSatisfy { $0.bars.count == 2 && $0.timeframe == .oneDay })
    #expect(file.rejections.map(\.description) == ["t.csv:6: symbol: empty value"])
  }

  @Test("Wide: empty groups skipped, partly filled groups rejected, symbols from the header")
  func wide() throws {
    let file = try parse(
      """
      date,BTC:open,BTC:high,BTC:low,BTC:close,BTC:volume,ETH:open,ETH:high,ETH:low,ETH:close,ETH:volume
      2019-10-01,10,11,9,10,5,,,,,
      2019-10-02,10,11,9,10,5,,,,,
      2019-10-03,10,11,9,10,5,1,2,0.5,,
      2019-10-04,10,11,9,10,5,1,2,0.5,1,7
      2019-10-05,10,11,9,10,5,1,2,0.5,1,7
      2019-10-06,10,11,9,10,5,1,2,0.5,1,-7

      """, file: "wide.csv")
    #expect(file.format == .wide)
    #expect(file.series.map(\.symbol) == ["BTC", "ETH"])
    #expect(file.series[0].bars.count == 6)
    #expect(file.series[1].bars.map(\.line) == [5, 6])
    #expect(file.series[1].bars.first?.quoteVolume == nil)
    #expect(
      file.rejections.map(\.description) == [
        "wide.csv:4: ETH:close: partly filled ETH group: ETH:close, ETH:volume empty",
        "wide.csv:7: ETH:volume: must be >= 0, got -7.0",
      ])
  }

  @Test("Wide: many assets (more columns than the initial cell buffer)")
  func wideMany() throws {
    let symbols = (0..<30).map { "S\($0)" }
    let header =
      "date,"
      + symbols.map { "\($0):open,\($0):high,\($0):low,\($0):close,\($0):volume" }.joined(
        separator: ",")
    let row = { (date: String) in date + String(repeating: ",1,2,0.5,1.5,10", count: symbols.count)
    }
    let file = try parse(
      [header, row("2019-10-01"), row("2019-10-02"), row("2019-10-03")].joined(separator: "\n"))
    #expect(file.series.count == 30)
    #expect(file.series.map(\.symbol) == symbols.sorted())
    #expect(file.series.allSatisfy { $0.bars.count == 3 && $0.timeframe == .oneDay })
    #expect(file.rejections.isEmpty)
  }

  @Test("Wide: a conflicting bar names the symbol's column")
  func wideConflict() throws {
    let file = try parse(
      """
      ,BTC:open,BTC:high,BTC:low,BTC:close
      2019-10-01,10,11,9,10
      2019-10-02,10,11,9,10
      2019-10-01,10,11,9,10.5

      """)
    #expect(
      file.rejections.map(\.description) == [
        "t.csv:4: BTC:close: conflicting bar at 2019-10-01T00:00:00Z, first seen on line 2 (close 10.0 there, 10.5 here)"
      ])
  }

  @Test("Plain: columns found by name in any order and case; no volume means 0")
  func plainColumns() throws {
    let file = try parse(
      """
      Close,Low,TIME,High,Open,extra
      1.5,0.5,2019-10-17T09:00:00Z,2,1,x
      1.6,0.6,2019-10-17T10:00:00Z,2.1,1.1,y

      """)
    #expect(file.format == .plain)
    let series = try #require(file.series.first)
    #expect(series.symbol == nil)
    #expect(
      series.bars.first
        == ParsedBar(
          openTime: ms(1_571_302_800), open: 1, high: 2, low: 0.5, close: 1.5, volume: 0, line: 2))
  }

  @Test("Plain: an unnamed first column holds the time; epoch seconds and milliseconds")
  func plainEpoch() throws {
    let seconds = try parse(
      ",open,high,low,close,volume\n1571270400,1,2,0.5,1,3\n1571274000,1,2,0.5,1,3\n")
    #expect(seconds.series.first?.bars.map(\.openTime) == [1_571_270_400_000, 1_571_274_000_000])
    #expect(seconds.series.first?.timeframe == .oneHour)
    #expect(seconds.series.first?.bars.first?.volume == 3)
    let millis = try parse(
      "timestamp,open,high,low,close\n1571270400000,1,2,0.5,1\n1571270460000,1,2,0.5,1\n1571270520000,1,2,0.5,1\n"
    )
    #expect(
      millis.series.first?.bars.map(\.openTime) == [
        1_571_270_400_000, 1_571_270_460_000, 1_571_270_520_000,
      ])
    #expect(millis.series.first?.timeframe == .oneMinute)
    // Below 1e11 an epoch is seconds (99,999,999,960 s is in year 5138); from 1e11 on it is
    // milliseconds (100,000,020,000 ms is in 1973).
    let threshold = try parse(
      "time,open,high,low,close\n99999999960,1,1,1,1\n100000020000,1,1,1,1\n", timeframe: .oneMinute
    )
    #expect(threshold.series.first?.bars.map(\.openTime) == [100_000_020_000, 99_999_999_960_000])
  }

  @Test("Quoted cells and spaces around values")
  func quotedCells() throws {
    let file = try parse(
      """
      "date","open","high","low","close"
      "2019-10-17", 1 ,"2",0.5 ,"1"
      "2019-10-18","1","2","0.5","1"

      """)
    #expect(file.rejections.isEmpty)
    #expect(file.series.first?.bars.map(\.high) == [2, 2])
  }
}
