import Engines
import EventLog
import Foundation
import Ingest
import Replayer
import Testing

/// `EngineProcessor` on real daily BTC: catch-up in pieces, with and without
/// the state cache, equals one run; one formula set per log.
@Suite struct ProcessTests {
  static let stream = "BTC@coinbase/1d"

  /// The derived events of a log as D-18 compares runs: in log order, with
  /// causes mapped to the cited events' (stream, type, event time).
  static func derived(_ log: String) throws -> [String] {
    let records = try LogReader(directory: log).records()
    let byOffset = Dictionary(uniqueKeysWithValues: records.map { ($0.offset, $0.event) })
    return records.filter { $0.event.isDerived }.map { r in
      let e = r.event
      let causes = e.causes.map { c -> String in
        let cited = byOffset[c]!
        return "\(cited.stream)|\(cited.type.rawValue)|\(cited.eventTime)"
      }
      return "\(e.stream)|\(e.type.rawValue)|\(e.eventTime)|\(e.formula)|\(causes)|\(e.payload)"
    }
  }

  @Test func catchUpInPiecesEqualsOneRun() throws {
    let bars = try TestLogs.dailyBars()
    let whole = TestLogs.temp("whole")
    let pieces = TestLogs.temp("pieces")
    let uncached = TestLogs.temp("uncached")
    defer {
      for log in [whole, pieces, uncached] { try? FileManager.default.removeItem(atPath: log) }
    }
    try TestLogs.append(bars, to: whole)
    let one = try EngineProcessor.run(log: whole, formula: nil)
    #expect(one.candlesProcessed == bars.count && one.definedFormula && !one.resumedFromCache)
    for cut in [(0, 400), (400, 1100), (1100, bars.count)] {
      try TestLogs.append(Array(bars[cut.0..<cut.1]), to: pieces)
      let r = try EngineProcessor.run(log: pieces, formula: nil)
      #expect(r.candlesProcessed == cut.1 - cut.0 && r.candlesRecomputed == 0)
      #expect(r.resumedFromCache == (cut.0 > 0))
      try TestLogs.append(Array(bars[cut.0..<cut.1]), to: uncached)
      try? FileManager.default.removeItem(atPath: uncached + "/engine-state")
      let u = try EngineProcessor.run(log: uncached, formula: nil)
      #expect(u.candlesProcessed == cut.1 - cut.0 && u.candlesRecomputed == cut.0)
    }
    let expected = try Self.derived(whole)
    #expect(expected.count > 3 * 1400)
    #expect(try Self.derived(pieces) == expected)
    #expect(try Self.derived(uncached) == expected)
    #expect(try LogVerifier.verify(directory: pieces).ok)
  }

  @Test func aSecondRunAppendsNothing() throws {
    let log = TestLogs.temp("again")
    defer { try? FileManager.default.removeItem(atPath: log) }
    try TestLogs.append(Array(try TestLogs.dailyBars().prefix(500)), to: log)
    let first = try EngineProcessor.run(log: log, formula: "v1")
    let second = try EngineProcessor.run(log: log, formula: "v1")
    #expect(first.appendedRange.count > 1000)
    #expect(second.appendedRange.isEmpty && second.resumedFromCache && !second.definedFormula)
  }

  @Test func anotherFormulaSetIsRefused() throws {
    let log = TestLogs.temp("refuse")
    defer { try? FileManager.default.removeItem(atPath: log) }
    try TestLogs.append(Array(try TestLogs.dailyBars().prefix(400)), to: log)
    _ = try EngineProcessor.run(log: log, formula: "v1-ref")
    let end = try LogReader(directory: log).records().count
    #expect {
      try EngineProcessor.run(log: log, formula: "v1")
    } throws: { error in
      "\(error)".contains("under formula set v1-ref@") && "\(error)".contains("refused")
    }
    // Without the cache the log's own events still decide.
    try FileManager.default.removeItem(atPath: log + "/engine-state")
    #expect(throws: (any Error).self) { try EngineProcessor.run(log: log, formula: "v1") }
    #expect(try LogReader(directory: log).records().count == end)
    let continued = try EngineProcessor.run(log: log, formula: nil)
    #expect(continued.formulaName == "v1-ref" && continued.appendedRange.isEmpty)
  }

  @Test func formulaSetFilesMergeOverTheirBase() throws {
    let set = try FormulaSetFile.parse(
      #"{"name": "alt", "base": "v1", "sr": {"refreshPolicy": "everyBar"}}"#, source: "t.json")
    #expect(set.constants.sr.refreshPolicy == .everyBar && set.constants.ta == TAConstants.v1)
    #expect(set.stamp != (try FormulaSet.builtIn("v1")).stamp)
    #expect(try FormulaSet(canonicalJSON: set.canonicalJSON) == set)
    #expect {
      try FormulaSetFile.parse(
        #"{"name": "bad", "base": "v1", "sr": {"nope": 1}}"#, source: "t.json")
    } throws: { "\($0)".contains("unknown key sr.nope") }
    #expect {
      try FormulaSetFile.parse(#"{"name": "bad", "base": "v9"}"#, source: "t.json")
    } throws: { "\($0)".contains("no built-in formula set \"v9\"") }
    #expect {
      try FormulaSetFile.parse(
        #"{"name": "bad", "base": "v1", "uptrend": {"refSkipOnOverflow": true}}"#, source: "t.json")
    } throws: { "\($0)".contains("not implemented") }
  }

  @Test func builtInSetsAreStable() throws {
    let v1 = try FormulaSet.builtIn("v1")
    #expect(v1.canonicalJSON.hasPrefix("{\"edx\":"))
    #expect(v1.sha256.count == 32 && v1.stamp != 0)
    #expect(try FormulaSet.builtIn("v1") == v1)
    #expect(try FormulaSet.builtIn("v1-ref").constants.ta.form == .window)
  }
}

/// Logs of real candles for the tests.
enum TestLogs {
  static let dataDirectory: String = {
    var c = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    c.removeLast(3)
    return c.joined(separator: "/") + "/data"
  }()

  static func dailyBars() throws -> [ParsedBar] {
    let file = try CandleCSVParser.parse(
      fileAt: dataDirectory + "/coinbase_btcusd_1d.csv", timeframe: nil)
    return file.series[0].bars
  }

  static func temp(_ label: String) -> String {
    let path =
      FileManager.default.temporaryDirectory.path + "/ledger-process-\(label)-\(UUID().uuidString)"
    return path
  }

  /// Appends daily bars as `Candle` events of `BTC@coinbase/1d`.
  static func append(_ bars: [ParsedBar], to log: String) throws {
    let w = try LogWriter(directory: log)
    defer { try? w.close() }
    let events = bars.map { b in
      Event(
        eventTime: b.openTime + 86_400_000, type: .candle, stream: ProcessTests.stream,
        payload: CandlePayload(
          open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume,
          quoteVolume: b.quoteVolume, venue: "coinbase"
        ).encoded())
    }
    _ = try w.append(events)
  }
}
