import EventLog
import Foundation
import Testing

/// `ledgerd cat` and its inverse `ledgerd import --events`.
@Suite struct CatTests {
  static func importAll(_ log: String) throws {
    let files = ["bitstamp_btc_eth_ltc_1d.csv", "coinbase_btcusd_1d.csv", "coinbase_btcusd_1h.csv"]
      .map {
        Ledgerd.root + "/data/" + $0
      }
    let r = try Ledgerd.run(["import", "--log", log] + files)
    #expect(r.status == 0)
  }

  static func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

  @Test func catOfTheRealLogReimportsByteIdentically() throws {
    let dir = TempDir("cat")
    defer { dir.cleanup() }
    try Self.importAll(dir.log)
    let cat = try Ledgerd.run(["cat", "--log", dir.log])
    #expect(cat.status == 0)
    let out = Self.lines(cat.stdout)
    #expect(out.count == 25_459)
    #expect(
      out[0]
        == #"{"offset":0,"event_time":"2014-11-29T00:00:00.000Z","type":"candle","stream":"BTC@bitstamp/1d","schema_version":1,"formula":null,"causes":[],"payload":{"open":363.59,"high":381.34,"low":360.57,"close":376.28,"volume":8617.15,"venue":"bitstamp"}}"#
    )
    let ndjson = dir.path + "/all.ndjson"
    try cat.stdout.write(toFile: ndjson, atomically: true, encoding: .utf8)
    let copy = dir.path + "/copy"
    let r = try Ledgerd.run(["import", "--log", copy, "--events", ndjson])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "all.ndjson: 25459 imported (offsets 0..<25459), 0 duplicates skipped, 0 rejected"))
    #expect(try LogReader(directory: copy).records() == LogReader(directory: dir.log).records())
    // Again into the same log: all duplicates, nothing appended.
    let again = try Ledgerd.run(["import", "--log", copy, "--events", ndjson])
    #expect(again.status == 0)
    #expect(again.stdout.contains("0 imported, 25459 duplicates skipped, 0 rejected"))
  }

  @Test func filters() throws {
    let dir = TempDir("cat")
    defer { dir.cleanup() }
    try Self.importAll(dir.log)
    func count(_ args: [String]) throws -> Int {
      let r = try Ledgerd.run(["cat", "--log", dir.log] + args)
      #expect(r.status == 0, "\(args): \(r.stderr)")
      return Self.lines(r.stdout).count
    }
    #expect(try count(["--limit", "5"]) == 5)
    #expect(try count(["--from", "25000"]) == 459)
    #expect(try count(["--stream", "ETH@bitstamp/1d"]) == 788)
    #expect(try count(["--type", "candle", "--stream", "BTC@coinbase/1h"]) == 20_111)
    // March 2019 holds the 12-day gap of the daily files: 31 − 12 closes remain (closes 03-02 … 03-20 and 04-01).
    #expect(
      try count([
        "--stream", "BTC@coinbase/1d", "--since", "2019-03-02T00:00:00Z", "--until",
        "2019-04-01T00:00:00Z",
      ]) == 19)
    #expect(try count(["--since", "2019-10-17T09:00:00Z", "--stream", "BTC@coinbase/1h"]) == 2)
    let bad = try Ledgerd.run(["cat", "--log", dir.log, "--type", "nope"])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("--type: unknown type \"nope\" (known: candle"))
  }

  @Test func badNDJSONCorpus() throws {
    let dir = TempDir("cat")
    defer { dir.cleanup() }
    let good =
      #"{"offset":7,"event_time":"2020-01-01T00:00:00.000Z","type":"candle","stream":"X/1d","schema_version":1,"formula":null,"causes":[],"payload":{"open":1.0,"high":2.0,"low":0.5,"close":1.5,"volume":3.0}}"#
    let lines = [
      good,
      #"{"event_time":"2020-01-02T00:00:00.000Z","type":"candle","stream":"X/1d","payload":{"open":1,"high":2,"low":0.5,"close":1.5,"volume":3}}"#,
      "{not json",
      #"{"event_time":"2020-01-03T00:00:00.000Z","type":"nope","stream":"X/1d","payload":{}}"#,
      #"{"event_time":"2020-01-03T00:00:00.000Z","type":"candle","stream":"X/1d","schema_version":2,"payload":{"open":1,"high":2,"low":0.5,"close":1.5,"volume":3}}"#,
      #"{"event_time":"2020-01-03T00:00:00.000Z","type":"candle","stream":"X/1d","formula":"v1@0000000000000001","payload":{"open":1,"high":2,"low":0.5,"close":1.5,"volume":3}}"#,
      #"{"event_time":"yesterday","type":"candle","stream":"X/1d","payload":{"open":1,"high":2,"low":0.5,"close":1.5,"volume":3}}"#,
      #"{"event_time":"2020-01-03T00:00:00.000Z","type":"candle","stream":"X/1d","payload":{"open":1,"high":0.4,"low":0.5,"close":1.5,"volume":3}}"#,
      #"{"event_time":"2019-12-01T00:00:00.000Z","type":"candle","stream":"X/1d","payload":{"open":1,"high":2,"low":0.5,"close":1.5,"volume":3}}"#,
      #"{"event_time":"2020-01-04T00:00:00.000Z","type":"candle","stream":"X/1d","extra":1,"payload":{"open":1,"high":2,"low":0.5,"close":1.5,"volume":3}}"#,
      "",
      good,
    ]
    let path = dir.path + "/bad.ndjson"
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let r = try Ledgerd.run(["import", "--log", dir.log, "--events", path])
    #expect(r.status == 1)
    #expect(
      r.stdout.contains("bad.ndjson: 2 imported (offsets 0..<2), 1 duplicates skipped, 8 rejected"))
    let expected = [
      "bad.ndjson:3: malformed JSON",
      "bad.ndjson:4: unknown event type \"nope\"",
      "bad.ndjson:5: field \"schema_version\": candle is at version 1, got 2",
      "bad.ndjson:6: field \"formula\": source events carry no formula",
      "bad.ndjson:7: field \"event_time\": \"yesterday\" is not an ISO-8601 UTC time",
      "bad.ndjson:8: candle payload: high 0.4 < low 0.5",
      "bad.ndjson:9: event time 2019-12-01T00:00:00.000Z is older than X/1d's last event (2020-01-02T00:00:00.000Z)",
      "bad.ndjson:10: unknown field \"extra\"",
    ]
    for e in expected { #expect(r.stderr.contains("rejected: " + e), "\(e)\n\(r.stderr)") }
    #expect(try LogReader(directory: dir.log).records().count == 2)
  }

  @Test func everySourceTypeRoundTripsThroughCatAndImport() throws {
    let dir = TempDir("cat")
    defer { dir.cleanup() }
    let fixture = Ledgerd.root + "/data/fixtures/all-source-events.ndjson"
    let a = dir.path + "/a"
    let b = dir.path + "/b"
    let first = try Ledgerd.run(["import", "--log", a, "--events", fixture])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("10 imported (offsets 0..<10), 0 duplicates skipped, 0 rejected"))
    let cat = try Ledgerd.run(["cat", "--log", a])
    let out = Self.lines(cat.stdout)
    let input = Self.lines(try String(contentsOfFile: fixture, encoding: .utf8))
    #expect(out.count == input.count)
    // Each printed payload is the fixture's payload, field for field.
    for (printed, given) in zip(out, input) {
      let p = try JSONValue.parse(printed)
      let g = try JSONValue.parse(given)
      #expect(p["payload"] == g["payload"], "\(printed)")
      #expect(p["type"] == g["type"])
      #expect(p["stream"] == g["stream"])
      #expect(p["event_time"] == g["event_time"])
    }
    let ndjson = dir.path + "/a.ndjson"
    try cat.stdout.write(toFile: ndjson, atomically: true, encoding: .utf8)
    #expect(try Ledgerd.run(["import", "--log", b, "--events", ndjson]).status == 0)
    #expect(try LogReader(directory: b).records() == LogReader(directory: a).records())
    #expect(try Ledgerd.run(["verify", "--log", b]).status == 0)
    let stats = try ImportTests.stats(b)
    #expect(
      stats.types.map(\.name) == [
        "candle", "dominance_reading", "token_market_cap", "intent_signal", "curator_weight_set",
        "sr_levels_injected",
        "bucket_phase_observed", "formula_set_defined", "operator_command", "simulation_configured",
      ])
  }

  /// The derived engine events as `cat` prints them (`import --events`
  /// refuses derived events: they are recomputed, never imported).
  @Test func catRendersTheDerivedEngineEvents() throws {
    let dir = TempDir("cat")
    defer { dir.cleanup() }
    let stream = "BTC@coinbase/1h"
    let close: Int64 = 1_571_302_800_000  // 2019-10-17T09:00Z
    let payloads: [(EventType, String)] = [
      (.candle, #"{"open":8000.0,"high":8100.0,"low":7950.0,"close":8050.0,"volume":12.5}"#),
      (
        .taUpdated,
        #"{"bar_index":400,"ema20":8021.5,"ema30":8019.25,"ema50":8010.125,"ema60":8005.5,"ema144":7990.0,"ema250":7980.0,"ema333":7970.0,"slope20":0.0003,"slope60":0.0002,"slope144":0.0001,"slope250":5.0e-05,"slope333":2.5e-05,"d_slope144":1.0e-05,"d_slope60":2.0e-05,"dsep_fast5":0.001,"dsep_mid5":-0.0005,"atr":40.5,"atr_mean20":42.0,"adx":21.0,"adx_slope10":0.3,"rsi":55.5,"rsi_slope10":0.2,"vo_z":0.75,"vo_z_cluster":true}"#
      ),
      (
        .srLevels,
        #"{"bar_index":400,"levels":[{"price":8500.0,"strength":3.0,"kind":"cluster"},{"price":7500.0,"strength":1.0,"kind":"atl"}],"swing_highs":4,"swing_lows":3}"#
      ),
      (
        .uptrendState,
        #"{"bar_index":400,"state":"S1","prev_state":"S0","bootstrapped":false,"price":8050.0,"ema":{"ema20":8021.5,"ema30":8019.25,"ema60":8005.5,"ema144":7990.0,"ema250":7980.0,"ema333":7970.0},"atr":40.5,"buy_signal":true,"buy_flag":false,"trim_flag":false,"first_dip_buy_flag":false,"emergency_exit":false,"reclaimed_ema333":false,"exit_position":false,"watch_only":false,"buy_kind":"s1_ema60","scores":{"ts":0.62,"ts_with_boost":0.67,"sr_boost":0.05},"diagnostics":{"buy_check":{"entry_zone_ok":true,"slope_ok":true,"ts_ok":true,"pass":true,"ts_score":0.62,"ts_with_boost":0.67,"sr_boost":0.05,"atr":40.5,"halo":20.25,"price":8050.0,"ema_anchor":8005.5,"ema60_slope":0.0002,"ema144_slope":0.0001}}}"#
      ),
      (
        .uptrendStateChanged,
        #"{"bar_index":400,"from":"S0","to":"S1","is_emergency_exit":false,"bootstrapped":false}"#
      ),
    ]
    let causes: [[UInt64]] = [[], [0], [0], [0, 1, 2], [3]]
    var events: [Event] = []
    for ((type, json), c) in zip(payloads, causes) {
      let payload = try EventCatalog.jsonCodec(for: type)!.parse(try JSONValue.parse(json))
      events.append(
        Event(
          eventTime: close, type: type, isDerived: !c.isEmpty, stream: stream,
          formula: c.isEmpty ? 0 : 0x0102_0304_0506_0708, causes: c, payload: payload))
    }
    let w = try LogWriter(directory: dir.log)
    try w.append(events)
    try w.close()
    #expect(try Ledgerd.run(["verify", "--log", dir.log]).status == 0)
    let cat = try Ledgerd.run(["cat", "--log", dir.log])
    #expect(cat.status == 0, "\(cat.stderr)")
    let out = Self.lines(cat.stdout)
    #expect(out.count == payloads.count)
    for (k, line) in out.enumerated() {
      let v = try JSONValue.parse(line)
      #expect(v["payload"] == (try JSONValue.parse(payloads[k].1)), "\(line)")
      #expect(v["causes"] == .array(causes[k].map { .int(Int64($0)) }))
    }
    #expect(
      out[4]
        == #"{"offset":4,"event_time":"2019-10-17T09:00:00.000Z","type":"uptrend_state_changed","stream":"BTC@coinbase/1h","schema_version":1,"formula":"?@0807060504030201","causes":[3],"payload":{"bar_index":400,"from":"S0","to":"S1","is_emergency_exit":false,"bootstrapped":false}}"#
    )
    let state = try Ledgerd.run(["cat", "--log", dir.log, "--type", "uptrend_state"])
    #expect(Self.lines(state.stdout).count == 1)
    #expect(state.stdout.contains(#""ema_anchor":8005.5"#))
  }
}
