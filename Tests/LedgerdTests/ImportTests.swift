import EventLog
import Foundation
import Testing

/// `ledgerd import` on the bundled real files and on bad input (D-10, D-20).
@Suite struct ImportTests {
  static func data(_ name: String) -> String { Ledgerd.root + "/data/" + name }

  static func stats(_ log: String) throws -> LogStats {
    let r = try Ledgerd.run(["stats", "--log", log, "--json"])
    return try JSONDecoder().decode(LogStats.self, from: Data(r.stdout.utf8))
  }

  static func streams(_ log: String) throws -> [String: Int] {
    Dictionary(uniqueKeysWithValues: try stats(log).streams.map { ($0.stream, $0.events) })
  }

  @Test(arguments: [
    ("coinbase_btcusd_1h.csv", ["BTC@coinbase/1h": 20_111], false),
    ("coinbase_btcusd_1d.csv", ["BTC@coinbase/1d": 1_770], true),
    (
      "bitstamp_btc_eth_ltc_1d.csv",
      ["BTC@bitstamp/1d": 1_865, "ETH@bitstamp/1d": 788, "LTC@bitstamp/1d": 925], true
    ),
  ])
  func eachBundledFile(file: String, expected: [String: Int], gap: Bool) throws {
    let dir = TempDir("import")
    defer { dir.cleanup() }
    let r = try Ledgerd.run(["import", "--log", dir.log, Self.data(file)])
    #expect(r.status == 0, "\(r.stderr)")
    let total = expected.values.reduce(0, +)
    #expect(
      r.stdout.contains(
        "total: \(total) imported (offsets 0..<\(total)), 0 duplicates skipped, 0 rejected"))
    #expect(try Self.streams(dir.log) == expected)
    #expect(r.stderr.contains("12 missing bars 2019-03-20T00:00:00Z … 2019-03-31T00:00:00Z") == gap)
    #expect(!r.stderr.contains("rejected"))
  }

  @Test func allBundledFilesInOneCommand() throws {
    let dir = TempDir("import")
    defer { dir.cleanup() }
    let files = ["bitstamp_btc_eth_ltc_1d.csv", "coinbase_btcusd_1d.csv", "coinbase_btcusd_1h.csv"]
      .map(Self.data)
    let r = try Ledgerd.run(["import", "--log", dir.log] + files)
    #expect(r.status == 0)
    #expect(
      r.stdout.contains(
        "total: 25459 imported (offsets 0..<25459), 0 duplicates skipped, 0 rejected"))
    #expect(
      try Self.streams(dir.log) == [
        "BTC@coinbase/1h": 20_111, "BTC@coinbase/1d": 1_770, "BTC@bitstamp/1d": 1_865,
        "ETH@bitstamp/1d": 788,
        "LTC@bitstamp/1d": 925,
      ])
    // Merged into event-time order, ties by stream (D-20).
    let records = try LogReader(directory: dir.log).records()
    for (a, b) in zip(records, records.dropFirst()) {
      #expect((a.event.eventTime, a.event.stream) < (b.event.eventTime, b.event.stream))
    }
    // The 12-AM rule on a named row: hourly line 12, `2019-10-17 12-AM` = open 00:00Z, close 01:00Z.
    let bar = try #require(
      records.first {
        $0.event.stream == "BTC@coinbase/1h" && $0.event.eventTime == 1_571_274_000_000
      })
    let c = try CandlePayload.decode(bar.event.payload)
    #expect(
      c
        == CandlePayload(
          open: 7993.54, high: 7995.81, low: 7957.55, close: 7966.43, volume: 198.66,
          quoteVolume: 1584534.0, venue: "coinbase"))
    #expect(try Ledgerd.run(["verify", "--log", dir.log]).status == 0)

    // Idempotent re-import: everything skipped as duplicates, exit 0, nothing appended.
    let again = try Ledgerd.run(["import", "--log", dir.log] + files)
    #expect(again.status == 0)
    #expect(again.stdout.contains("total: 0 imported, 25459 duplicates skipped, 0 rejected"))
    #expect(try Self.stats(dir.log).events == 25_459)
  }

  @Test func conflictingReimportIsRejectedRowByRow() throws {
    let dir = TempDir("import")
    defer { dir.cleanup() }
    #expect(
      try Ledgerd.run(["import", "--log", dir.log, Self.data("coinbase_btcusd_1h.csv")]).status == 0
    )
    let before = try LogReader(directory: dir.log).records()
    // The same file name (so the same stream) with one value changed on line 100.
    let copy = dir.path + "/copy/coinbase_btcusd_1h.csv"
    try FileManager.default.createDirectory(
      atPath: dir.path + "/copy", withIntermediateDirectories: true)
    var text = try String(contentsOfFile: Self.data("coinbase_btcusd_1h.csv"), encoding: .utf8)
    text = text.replacingOccurrences(
      of: "2019-10-13 08-AM,BTCUSD,8333.45,8358.87,8328.01,8350.2,",
      with: "2019-10-13 08-AM,BTCUSD,8333.45,8358.87,8328.01,8350.3,")
    try text.write(toFile: copy, atomically: true, encoding: .utf8)
    let r = try Ledgerd.run(["import", "--log", dir.log, copy])
    #expect(r.status == 1)
    #expect(r.stdout.contains("total: 0 imported, 20110 duplicates skipped, 1 rejected"))
    #expect(
      r.stderr.contains(
        "rejected: coinbase_btcusd_1h.csv:100: close: a different bar closing 2019-10-13T09:00:00Z is already in BTC@coinbase/1h (close 8350.2 there, 8350.3 here)"
      ))
    #expect(try LogReader(directory: dir.log).records() == before)
  }

  @Test func lateBarsAreAcceptedWithAWarning() throws {
    let dir = TempDir("import")
    defer { dir.cleanup() }
    #expect(
      try Ledgerd.run(["import", "--log", dir.log, Self.data("coinbase_btcusd_1h.csv")]).status == 0
    )
    let r = try Ledgerd.run(["import", "--log", dir.log, Self.data("coinbase_btcusd_1d.csv")])
    #expect(r.status == 0)
    #expect(r.stdout.contains("total: 1770 imported"))
    #expect(
      r.stderr.contains(
        "warning: BTC@coinbase/1d: 1769 bars from 2014-12-02T00:00:00Z on are older than the log's watermark: accepted, but regime periods already finalised did not see them"
      ))
  }

  @Test func regressionsAgainstTheLogAreRejected() throws {
    let dir = TempDir("import")
    defer { dir.cleanup() }
    let later = dir.path + "/later.csv"
    let earlier = dir.path + "/earlier.csv"
    try "time,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,1\n2020-01-03,10,11,9,10.5,1\n"
      .write(toFile: later, atomically: true, encoding: .utf8)
    try "time,open,high,low,close,volume\n2019-12-30,10,11,9,10.5,1\n2019-12-31,10,11,9,10.5,1\n"
      .write(toFile: earlier, atomically: true, encoding: .utf8)
    #expect(try Ledgerd.run(["import", "--log", dir.log, "--stream", "X", later]).status == 0)
    let r = try Ledgerd.run(["import", "--log", dir.log, "--stream", "X", earlier])
    #expect(r.status == 1)
    #expect(
      r.stderr.contains(
        "rejected: earlier.csv:2: date: bar closing 2019-12-31T00:00:00Z is older than X/1d's last bar (closing 2020-01-04T00:00:00Z); streams never go back in time"
      ))
    #expect(try Self.stats(dir.log).events == 2)
  }

  @Test func badInputCorpus() throws {
    let dir = TempDir("import")
    defer { dir.cleanup() }
    #expect(
      try Ledgerd.run(["import", "--log", dir.log, Self.data("coinbase_btcusd_1d.csv")]).status == 0
    )
    let before = try LogReader(directory: dir.log).records()
    func file(_ name: String, _ content: String) throws -> String {
      let p = dir.path + "/" + name
      try content.write(toFile: p, atomically: true, encoding: .utf8)
      return p
    }
    let refused = "\nnothing was imported"
    let cases: [(args: [String], status: Int32, message: String)] = [
      (
        [
          "--stream", "Y",
          try file(
            "twohour.csv",
            "time,open,high,low,close\n2020-01-01T00:00:00Z,1,1,1,1\n2020-01-01T02:00:00Z,1,1,1,1\n2020-01-01T04:00:00Z,1,1,1,1\n"
          ),
        ],
        1,
        "Error: twohour.csv: bar spacing 7200000 ms (2h) is not a supported timeframe (1m, 5m, 15m, 1h, 4h, 1d); use --timeframe"
          + refused
      ),
      ([try file("empty.csv", "")], 1, "Error: empty.csv: empty file (0 bytes)" + refused),
      (
        [try file("garbage.csv", "\u{01}\u{02}\u{03}binary\u{00}")], 1,
        "Error: garbage.csv:1: binary data at byte offset 0 (byte 0x01); expected a text CSV file"
          + refused
      ),
      (
        [try file("noheader.csv", "a,b,c\n1,2,3\n")], 1,
        "Error: noheader.csv:1: no recognisable header: expected a CryptoDataDownload header (date,symbol,open,high,low,close,volume_<base>,volume), a wide header (<date>,SYM:open,SYM:high,SYM:low,SYM:close,SYM:volume,…) or a plain header (time,open,high,low,close[,volume]); found \"a,b,c\""
          + refused
      ),
      (
        [try file("missingcol.csv", "date,symbol,open,high,low\n2020-01-01,BTCUSD,1,1,1\n")], 1,
        "Error: missingcol.csv:1: missing required columns: close (header: \"date,symbol,open,high,low\")"
          + refused
      ),
      (
        [
          try file(
            "nosymbol.csv", "time,open,high,low,close\n2020-01-01,1,1,1,1\n2020-01-02,1,1,1,1\n")
        ],
        1,
        "Error: nosymbol.csv: the file has no symbol column: name its stream with --stream"
          + refused
      ),
      (
        ["--stream", "Z", Self.data("bitstamp_btc_eth_ltc_1d.csv")], 1,
        "Error: bitstamp_btc_eth_ltc_1d.csv: --stream names one stream but the file holds 3 series"
          + refused
      ),
      (
        ["--timeframe", "2h", Self.data("coinbase_btcusd_1d.csv")], 64,
        "--timeframe must be one of 1m, 5m, 15m, 1h, 4h, 1d (got 2h)"
      ),
    ]
    for c in cases {
      let r = try Ledgerd.run(["import", "--log", dir.log] + c.args)
      #expect(r.status == c.status, "\(c.args): \(r.stderr)")
      #expect(r.stderr.contains(c.message), "\(c.args): \(r.stderr)")
    }
    // Row rejections: valid rows are kept, each bad one named by file, line and field.
    let rows = try file(
      "rows.csv",
      """
      time,open,high,low,close,volume
      2021-01-01,10,11,9,10.5,1
      2021-01-02,10,9,11,10,1
      2021-01-03,-1,11,9,10,1
      2021-01-04,10,11,9,12,1
      2021-01-05,10,11,9,10,nan
      2021-01-06,10,11,9,10.5,1

      """)
    let r = try Ledgerd.run([
      "import", "--log", dir.log, "--stream", "R", "--timeframe", "1d", rows,
    ])
    #expect(r.status == 1)
    #expect(r.stdout.contains("total: 2 imported"))
    #expect(r.stdout.contains("4 rejected"))
    for line in 3...6 {
      #expect(r.stderr.contains("rejected: rows.csv:\(line):"), "line \(line): \(r.stderr)")
    }
    // A file cut in the middle of a row: the rows before it are kept, the cut one is named.
    let whole = try String(contentsOfFile: Self.data("coinbase_btcusd_1h.csv"), encoding: .utf8)
    let cut = try file("coinbase_cut.csv", String(whole.utf8.prefix(300))!)
    let t = try Ledgerd.run(["import", "--log", dir.log, cut])
    #expect(t.status == 1)
    #expect(
      t.stderr.contains("rejected: coinbase_cut.csv:5: expected 8 cells, found 5"), "\(t.stderr)")
    #expect(t.stdout.contains("total: 2 imported"), "\(t.stdout)")
    let after = try LogReader(directory: dir.log).records()
    #expect(Array(after.prefix(before.count)) == before)
    #expect(after.count == before.count + 2 + 2)
  }
}
