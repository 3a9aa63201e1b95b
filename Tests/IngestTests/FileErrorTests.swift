import Ingest
import Testing

@Suite("Files refused as a whole")
struct FileErrorTests {
  @Test("An empty file")
  func emptyFile() {
    let error = refusal("")
    #expect(
      error
        == CandleFileError(
          file: "t.csv", line: nil, byteOffset: nil, reason: "empty file (0 bytes)"))
    #expect(error?.description == "t.csv: empty file (0 bytes)")
    #expect(refusal("\u{FEFF}\r\n  \n\t\n")?.description == "t.csv: empty file (no content)")
  }

  @Test("A header without data rows")
  func headerOnly() {
    #expect(refusal("time,open,high,low,close")?.description == "t.csv:1: header but no data rows")
    #expect(
      refusal("time,open,high,low,close\r\n\r\n \r\n")?.description
        == "t.csv:1: header but no data rows")
    let banner = "Timestamps are UTC timezone,https://www.CryptoDataDownload.com\n"
    #expect(
      refusal(banner + "date,symbol,open,high,low,close,volume_btc,volume\n", file: "cdd.csv")
        == CandleFileError(file: "cdd.csv", line: 2, reason: "header but no data rows"))
  }

  static let expectedHeaders =
    "expected a CryptoDataDownload header (date,symbol,open,high,low,close,volume_<base>,volume), "
    + "a wide header (<date>,SYM:open,SYM:high,SYM:low,SYM:close,SYM:volume,…) "
    + "or a plain header (time,open,high,low,close[,volume])"

  @Test("No recognisable header: data without one, a banner alone, prose")
  func noHeader() {
    #expect(
      refusal("2019-10-17,1,2,0.5,1\n2019-10-18,1,2,0.5,1\n")?.description
        == "t.csv:1: no recognisable header: \(Self.expectedHeaders); found \"2019-10-17,1,2,0.5,1\""
    )
    #expect(
      refusal("Timestamps are UTC timezone,https://www.CryptoDataDownload.com\r\n")?.description
        == "t.csv:1: no recognisable header: \(Self.expectedHeaders); "
        + "found \"Timestamps are UTC timezone,https://www.CryptoDataDownload.com\"")
    #expect(
      refusal("\n\nhello world\nthis is not a candle file\n")?.description
        == "t.csv:3: no recognisable header: \(Self.expectedHeaders); found \"hello world\"")
  }

  @Test("Missing required columns are named")
  func missingColumns() {
    #expect(
      refusal("time,open,high,volume\n2019-10-17,1,2,3\n")?.description
        == "t.csv:1: missing required columns: low, close (header: \"time,open,high,volume\")")
    #expect(
      refusal("when,open,high,low,close\n2019-10-17,1,2,0.5,1\n")?.description
        == "t.csv:1: missing required columns: time (header: \"when,open,high,low,close\"); "
        + "the time column must be named time, date, timestamp or datetime, or be an unnamed first column"
    )
    #expect(
      refusal(
        "Created on 10-17-2019,https://www.CryptoDataDownload.com\ndate,symbol,open,high,low,volume\n"
      )?
      .description
        == "t.csv:2: missing required columns: close (header: \"date,symbol,open,high,low,volume\")"
    )
    #expect(
      refusal(",BTC:open,BTC:high,BTC:low,BTC:close,ETH:open,ETH:high,ETH:low\n")?.description
        == "t.csv:1: missing required columns: ETH:close "
        + "(header: \",BTC:open,BTC:high,BTC:low,BTC:close,ETH:open,ETH:high,ETH:low\")")
  }

  @Test("Duplicate columns are refused")
  func duplicateColumns() {
    #expect(
      refusal("time,open,high,low,close,Open\n2019-10-17,1,2,0.5,1,1\n")?.description
        == "t.csv:1: duplicate column \"Open\" (columns 2 and 6)")
    #expect(
      refusal("date,BTC:open,BTC:high,BTC:low,BTC:close,btc:close\n")?.description
        == "t.csv:1: duplicate column \"btc:close\" (columns 5 and 6)")
  }

  @Test("Binary garbage and invalid UTF-8 name the byte offset and line")
  func binaryGarbage() {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
    let error = refusal(png, file: "chart.png")
    #expect(error?.byteOffset == 0)
    #expect(error?.line == 1)
    #expect(
      error?.description
        == "chart.png:1: invalid UTF-8 at byte offset 0 (byte 0x89); expected a text CSV file")

    let header = Array("time,open,high,low,close\n2019-10-17,1,2,0.5,1\n".utf8)
    let invalid = refusal(
      header + Array("2019-10-18,1,2,".utf8) + [0xC3, 0x28] + Array(",1\n".utf8))
    #expect(
      invalid?.description
        == "t.csv:3: invalid UTF-8 at byte offset 61 (byte 0xC3); expected a text CSV file")
    #expect(invalid?.byteOffset == 61)

    let nul = refusal(header + Array("2019-10-18,1,2".utf8) + [0x00, 0x01] + Array(",1\r\n".utf8))
    #expect(
      nul?.description
        == "t.csv:3: binary data at byte offset 60 (byte 0x00); expected a text CSV file")
    #expect(nul?.byteOffset == 60)

    let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00]
    #expect(
      refusal(gzip, file: "x.csv.gz")?.description
        == "x.csv.gz:1: binary data at byte offset 0 (byte 0x1F); expected a text CSV file")
  }

  @Test("A bar spacing that is no supported timeframe refuses the whole file")
  func unsupportedSpacing() throws {
    let twoHourly = """
      time,open,high,low,close
      2019-10-17T00:00:00Z,1,1,1,1
      2019-10-17T02:00:00Z,1,1,1,1
      2019-10-17T04:00:00Z,1,1,1,1
      2019-10-17T06:00:00Z,1,1,1,1

      """
    let error = refusal(twoHourly, file: "btc_2h.csv")
    #expect(
      error?.description
        == "btc_2h.csv: bar spacing 7200000 ms (2h) is not a supported timeframe (1m, 5m, 15m, 1h, 4h, 1d); use --timeframe"
    )
    #expect(error?.line == nil)
    // With the timeframe given, the same file parses: every other hour is missing.
    let file = try parse(twoHourly, timeframe: .oneHour)
    #expect(file.series.first?.bars.count == 4)
    #expect(file.series.first?.gaps.count == 3)

    let weekly = """
      Created on 10-17-2019,https://www.CryptoDataDownload.com
      date,symbol,open,high,low,close,volume_btc,volume
      2019-10-14,BTCUSD,1,1,1,1,1,1
      2019-10-07,BTCUSD,1,1,1,1,1,1
      2019-09-30,BTCUSD,1,1,1,1,1,1

      """
    #expect(
      refusal(weekly)?.description
        == "t.csv: BTC: bar spacing 604800000 ms (7d) is not a supported timeframe (1m, 5m, 15m, 1h, 4h, 1d); use --timeframe"
    )
    // One series of a wide file with an odd spacing refuses the file too.
    let wide = """
      ,A:open,A:high,A:low,A:close,B:open,B:high,B:low,B:close
      2019-10-01,1,1,1,1,,,,
      2019-10-02,1,1,1,1,1,1,1,1
      2019-10-03,1,1,1,1,,,,
      2019-10-04,1,1,1,1,1,1,1,1

      """
    #expect(
      refusal(wide)?.description
        == "t.csv: B: bar spacing 172800000 ms (2d) is not a supported timeframe (1m, 5m, 15m, 1h, 4h, 1d); use --timeframe"
    )
  }

  @Test("A single bar without a given timeframe asks for one")
  func singleBar() throws {
    let text = "time,open,high,low,close\n2019-10-17,1,2,0.5,1\n2019-10-17,1,2,0.5,1\n"
    #expect(
      refusal(text)?.description
        == "t.csv:2: a single bar (2019-10-17T00:00:00Z): cannot infer the timeframe; "
        + "use --timeframe (1m, 5m, 15m, 1h, 4h, 1d)")
    let file = try parse(text, timeframe: .oneDay)
    #expect(file.series.first?.bars.count == 1)
    #expect(file.series.first?.duplicates == 1)
  }

  @Test("A missing file")
  func missingFile() {
    do {
      _ = try CandleCSVParser.parse(fileAt: "/nonexistent/dir/nope.csv")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "nope.csv: no such file: /nonexistent/dir/nope.csv")
    }
  }
}
