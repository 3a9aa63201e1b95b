import Foundation
import SwiftProtobuf
import Testing

@testable import EventLog

/// A realistic event of one catalog type with the JSON text `cat` shows for it.
struct CatalogExample {
  var type: EventType
  var stream: String
  var eventTime: Int64
  var payload: [UInt8]
  var json: String
  /// Offsets of the causes (derived examples; see `DerivedFixtures`).
  var causes: [UInt64] = []
  /// The formula stamp; 0 for a source example.
  var formula: UInt64 = 0

  var event: Event {
    Event(
      eventTime: eventTime, type: type, isDerived: formula != 0, stream: stream, formula: formula,
      causes: causes, payload: payload)
  }
}

enum CatalogFixtures {
  static let token = "solana:7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU"
  static let hourClose: Int64 = 1_717_243_200_000  // 2024-06-01T12:00Z
  static let observed: Int64 = 1_717_243_237_512

  static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

  static let sha: [UInt8] = (0..<32).map { UInt8($0 * 7 + 3) }
  static let content = #"{"sr":{"policy":"hourly"},"ta":{"warmup":333}}"#

  static func kv(_ key: String, _ value: String) -> Ledger_V1_KeyValue {
    var kv = Ledger_V1_KeyValue()
    kv.key = key
    kv.value = value
    return kv
  }

  static func level(_ price: Double, _ strength: Double, _ kind: Ledger_V1_SrKind)
    -> Ledger_V1_SrLevel
  {
    var l = Ledger_V1_SrLevel()
    l.price = price
    l.strength = strength
    l.kind = kind
    return l
  }

  static func dominance() -> Ledger_V1_DominanceReading {
    var m = Ledger_V1_DominanceReading()
    m.btcPct = 54.32
    m.usdtPct = 4.71
    m.tetherMarketCapUsd = 112_300_000_000
    m.totalMarketCapUsd = 2_385_000_000_000
    return m
  }

  static func marketCap() -> Ledger_V1_TokenMarketCap {
    var m = Ledger_V1_TokenMarketCap()
    m.marketCapUsd = 12_345_678.9
    m.source = "coingecko"
    return m
  }

  static func intent() -> Ledger_V1_IntentSignal {
    var m = Ledger_V1_IntentSignal()
    m.curatorID = "cur_0x42"
    m.recordKind = .tradingPlan
    m.tags = ["Buy High", "ct_alpha"]
    m.ref = "tg:1234567"
    return m
  }

  static func curator() -> Ledger_V1_CuratorWeightSet {
    var m = Ledger_V1_CuratorWeightSet()
    m.weight = 0.85
    return m
  }

  static func srLevels() -> Ledger_V1_SrLevelsInjected {
    var m = Ledger_V1_SrLevelsInjected()
    m.levels = [level(1.25, 15, .cluster), level(1.1, 3, .fibRetracement), level(0.9, 137, .atl)]
    return m
  }

  static func phase() -> Ledger_V1_BucketPhaseObserved {
    var m = Ledger_V1_BucketPhaseObserved()
    m.phase = "Good"
    m.score = 0.62
    m.slope = -0.18
    m.confidence = 0.275
    m.population = 23
    return m
  }

  static func formulaSet() -> Ledger_V1_FormulaSetDefined {
    var m = Ledger_V1_FormulaSetDefined()
    m.name = "v1"
    m.sha256 = Data(sha)
    m.content = Data(content.utf8)
    var p1 = Ledger_V1_FormulaProfile()
    p1.engine = "regime"
    p1.profile = "rg.normative"
    var p2 = Ledger_V1_FormulaProfile()
    p2.engine = "uptrend"
    p2.profile = "uptrend.v4.c1"
    m.profiles = [p1, p2]
    return m
  }

  static func command() -> Ledger_V1_OperatorCommand {
    var m = Ledger_V1_OperatorCommand()
    m.command = "rebuild"
    m.args = [kv("formula", "v1"), kv("log", "/data/log")]
    m.actor = "ops"
    m.note = "after the \"v1\" fix\n"
    return m
  }

  static func simulation() -> Ledger_V1_SimulationConfigured {
    var m = Ledger_V1_SimulationConfigured()
    m.generator = "lowcap-walk"
    m.generatorVersion = "1.0.2"
    m.seed = 0xDEAD_BEEF_CAFE_BABE
    m.tokenCount = 40
    m.start = 1_704_067_200_000
    m.end = 1_706_745_600_000
    m.params = [kv("drift", "0.001"), kv("vol", "0.05")]
    return m
  }

  /// swift-protobuf's own deterministic bytes: the reference encoding.
  static func pb<M: SwiftProtobuf.Message>(_ m: M) -> [UInt8] { try! m.serializedBytes() }

  /// One example of every catalog type, candle included.
  static var all: [CatalogExample] {
    [
      CatalogExample(
        type: .candle, stream: "BTC@coinbase/1h", eventTime: hourClose,
        payload: CandlePayload(
          open: 64123.5, high: 64410.25, low: 63980, close: 64300.75, volume: 123.456,
          quoteVolume: 7_930_000.5, venue: "coinbase"
        ).encoded(),
        json:
          #"{"open":64123.5,"high":64410.25,"low":63980.0,"close":64300.75,"volume":123.456,"quote_volume":7930000.5,"venue":"coinbase"}"#
      ),
      CatalogExample(
        type: .dominanceReading, stream: "dominance", eventTime: observed, payload: pb(dominance()),
        json:
          #"{"btc_pct":54.32,"usdt_pct":4.71,"tether_market_cap_usd":112300000000.0,"total_market_cap_usd":2385000000000.0}"#
      ),
      CatalogExample(
        type: .tokenMarketCap, stream: "token/\(token)/mcap", eventTime: observed,
        payload: pb(marketCap()), json: #"{"market_cap_usd":12345678.9,"source":"coingecko"}"#),
      CatalogExample(
        type: .intentSignal, stream: "token/\(token)/intent", eventTime: observed,
        payload: pb(intent()),
        json:
          #"{"curator_id":"cur_0x42","record_kind":"trading_plan","tags":["Buy High","ct_alpha"],"ref":"tg:1234567"}"#
      ),
      CatalogExample(
        type: .curatorWeightSet, stream: "curator/cur_0x42", eventTime: observed,
        payload: pb(curator()), json: #"{"weight":0.85}"#),
      CatalogExample(
        type: .srLevelsInjected, stream: "token/\(token)/1h", eventTime: hourClose,
        payload: pb(srLevels()),
        json:
          #"{"levels":[{"price":1.25,"strength":15.0,"kind":"cluster"},{"price":1.1,"strength":3.0,"kind":"fib_retracement"},{"price":0.9,"strength":137.0,"kind":"atl"}]}"#
      ),
      CatalogExample(
        type: .bucketPhaseObserved, stream: "phase/mid/meso", eventTime: observed,
        payload: pb(phase()),
        json:
          #"{"phase":"Good","score":0.62,"slope":-0.18,"confidence":0.275,"population":23}"#),
      CatalogExample(
        type: .formulaSetDefined, stream: "control/formula", eventTime: hourClose,
        payload: pb(formulaSet()),
        json:
          #"{"name":"v1","sha256":""# + hex(sha) + #"","content":""# + hex(Array(content.utf8))
          + #"","profiles":[{"engine":"regime","profile":"rg.normative"},{"engine":"uptrend","profile":"uptrend.v4.c1"}]}"#
      ),
      CatalogExample(
        type: .operatorCommand, stream: "control/operator", eventTime: hourClose,
        payload: pb(command()),
        json:
          #"{"command":"rebuild","args":[{"key":"formula","value":"v1"},{"key":"log","value":"/data/log"}],"actor":"ops","note":"after the \"v1\" fix\n"}"#
      ),
      CatalogExample(
        type: .simulationConfigured, stream: "control/simulation", eventTime: 1_704_067_200_000,
        payload: pb(simulation()),
        json:
          #"{"generator":"lowcap-walk","generator_version":"1.0.2","seed":16045690984503098046,"token_count":40,"start":1704067200000,"end":1706745600000,"params":[{"key":"drift","value":"0.001"},{"key":"vol","value":"0.05"}]}"#
      ),
    ]
  }
}

@Suite struct CatalogTests {
  // MARK: Round trip through the log

  @Test func everyTypeRoundTripsThroughTheLogAndJSON() throws {
    // Sources first, then the derived types, whose causes point into the first batch.
    let examples = CatalogFixtures.all + DerivedFixtures.full
    #expect(examples.map(\.type).sorted() == EventCatalog.registry.all.map(\.type))
    let dir = TempDir("catalog")
    defer { dir.cleanup() }
    let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    try w.append(examples.map(\.event))
    // Each type alone too (a lone candle takes the candle codec).
    for e in examples { try w.append([e.event]) }
    try w.close()
    let records = try LogReader(directory: dir.log).records()
    #expect(records.count == 2 * examples.count)
    #expect(try LogVerifier.verify(directory: dir.log).ok)
    for (k, r) in records.enumerated() {
      let example = examples[k % examples.count]
      #expect(r.event == example.event)
      let codec = try #require(EventCatalog.jsonCodec(for: r.event.type))
      let payload = try EventCatalog.upcast(
        payload: r.event.payload, type: r.event.type, version: r.event.schemaVersion)
      #expect(payload == example.payload)
      let json = try codec.render(payload)
      let text = json.rendered()
      #expect(text == example.json, "\(EventCatalog.registry.name(of: r.event.type))")
      let reparsed = try JSONValue.parse(text)
      #expect(reparsed == json)
      #expect(try codec.parse(reparsed) == example.payload)
    }
  }

  @Test func registryIsTheCatalog() throws {
    let standard = EventTypeRegistry.standard.all
    let catalog = EventCatalog.registry.all
    #expect(standard.map(\.type) == catalog.map(\.type))
    #expect(
      catalog.map(\.type.rawValue) == [
        101, 102, 103, 104, 105, 201, 202, 203, 204, 205, 302, 901, 904, 905,
      ])
    #expect(
      catalog.map(\.wireName) == [
        "candle", "dominance_reading", "token_market_cap", "intent_signal", "curator_weight_set",
        "ta_updated", "sr_levels", "sr_levels_injected", "uptrend_state", "uptrend_state_changed",
        "bucket_phase_observed", "formula_set_defined", "operator_command",
        "simulation_configured",
      ])
    #expect(catalog.filter { $0.kind == .derived }.map(\.type.rawValue) == [201, 202, 204, 205])
    #expect(
      catalog.filter { $0.allowedCauses != nil }.map(\.type.rawValue) == [201, 202, 204, 205])
    #expect(EventCatalog.registry[.taUpdated]?.allowedCauses == [.candle])
    #expect(EventCatalog.registry[.srLevels]?.allowedCauses == [.candle])
    #expect(
      EventCatalog.registry[.uptrendState]?.allowedCauses == [
        .candle, .taUpdated, .srLevels, .srLevelsInjected,
      ])
    #expect(EventCatalog.registry[.uptrendStateChanged]?.allowedCauses == [.uptrendState])
    #expect(catalog.filter(\.isMarketData).map(\.type.rawValue) == [101, 102, 103, 104, 302])
    for info in catalog {
      #expect(info.schemaVersion == 1)
      #expect(info.validateStream != nil)
      #expect(EventCatalog.type(named: info.wireName) == info.type)
      #expect(EventCatalog.jsonCodec(for: info.type) != nil)
      #expect(EventCatalog.upcasters(for: info.type)?.newestVersion == info.schemaVersion)
    }
    #expect(EventCatalog.type(named: "Candle") == nil)
    #expect(EventCatalog.type(named: "regime_bar") == nil)
    #expect(EventCatalog.jsonCodec(for: EventType(rawValue: 301)) == nil)
  }

  @Test func enumTextTablesGoBothWays() {
    #expect(
      Ledger_V1_RecordKind.textTable.texts == [
        "social_lowcap", "signal", "trading_plan", "intelligence",
      ])
    #expect(
      Ledger_V1_SrKind.textTable.texts == [
        "cluster", "ath", "atl", "fib_retracement", "fib_extension",
      ])
    #expect(Ledger_V1_Timeframe.textTable.texts == ["1m", "5m", "15m", "1h", "4h", "1d"])
    for kind in Ledger_V1_RecordKind.allCases where kind != .unspecified {
      #expect(Ledger_V1_RecordKind(text: kind.text!) == kind)
    }
    for kind in Ledger_V1_SrKind.allCases where kind != .unspecified {
      #expect(Ledger_V1_SrKind(text: kind.text!) == kind)
    }
    for tf in Ledger_V1_Timeframe.allCases where tf != .unspecified {
      #expect(Ledger_V1_Timeframe(text: tf.text!) == tf)
    }
    #expect(Ledger_V1_Timeframe.timeframe15M.text == "15m")
    #expect(Ledger_V1_RecordKind.unspecified.text == nil)
    #expect(Ledger_V1_RecordKind(text: "SIGNAL") == nil)
    #expect(Ledger_V1_SrKind(text: "unspecified") == nil)
  }

  // MARK: JSON parser

  @Test func parserReadsEscapesAndUnicode() throws {
    #expect(
      try JSONValue.parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{08}\u{0C}\n\r\t"))
    #expect(try JSONValue.parse(#""\u00e9\u00C9""#) == .string("éÉ"))
    #expect(try JSONValue.parse(#""\ud83d\ude00 x""#) == .string("😀 x"))
    #expect(try JSONValue.parse("\"é😀\u{2028}\"") == .string("é😀\u{2028}"))
    #expect(try JSONValue.parse(#""\u0000""#) == .string("\u{0}"))
    // Rendering escapes only what RFC 8259 requires.
    let s = JSONValue.string("a\"b\\c/\u{01}\u{1F}\n\té😀")
    #expect(s.rendered() == #""a\"b\\c/\u0001\u001f\n\té😀""#)
    #expect(try JSONValue.parse(s.rendered()) == s)
    // Keys are compared as written: composed and decomposed é are two keys.
    let both = try JSONValue.parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
    guard case .object(let members) = both else {
      Issue.record("not an object")
      return
    }
    #expect(members.count == 2)
  }

  @Test func parserReadsNumbers() throws {
    #expect(try JSONValue.parse("0") == .int(0))
    #expect(try JSONValue.parse("-0") == .int(0))
    #expect(try JSONValue.parse("42") == .int(42))
    #expect(try JSONValue.parse("9223372036854775807") == .int(.max))
    #expect(try JSONValue.parse("-9223372036854775808") == .int(.min))
    #expect(try JSONValue.parse("9223372036854775808") == .uint(9_223_372_036_854_775_808))
    #expect(try JSONValue.parse("18446744073709551615") == .uint(.max))
    #expect(try JSONValue.parse("18446744073709551616") == .double(18_446_744_073_709_551_616))
    #expect(try JSONValue.parse("-9223372036854775809") == .double(-9_223_372_036_854_775_808.0))
    #expect(try JSONValue.parse("1.5") == .double(1.5))
    #expect(try JSONValue.parse("1.0") == .double(1))
    #expect(try JSONValue.parse("1e3") == .double(1000))
    #expect(try JSONValue.parse("-2.5E-3") == .double(-0.0025))
    #expect(try JSONValue.parse("1e+2") == .double(100))
    #expect(try JSONValue.parse("1e-400") == .double(0))
    guard case .double(let negZero) = try JSONValue.parse("-0.0") else {
      Issue.record("-0.0 is not a double")
      return
    }
    #expect(negZero.bitPattern == (-0.0 as Double).bitPattern)
  }

  @Test func doublesRenderShortestAndReadBackAsDoubles() throws {
    let cases: [(Double, String)] = [
      (1, "1.0"), (100, "100.0"), (0.1, "0.1"), (-0.0, "-0.0"), (1e16, "1e+16"),
      (1e-5, "1e-05"), (.leastNonzeroMagnitude, "5e-324"),
      (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
      (0.1 + 0.2, "0.30000000000000004"), (123_456_789_012.5, "123456789012.5"),
    ]
    for (d, text) in cases {
      #expect(JSONValue.double(d).rendered() == text)
      guard case .double(let back) = try JSONValue.parse(text) else {
        Issue.record("\(text) did not read back as a double")
        continue
      }
      #expect(back.bitPattern == d.bitPattern, "\(text)")
    }
    #expect(JSONValue.double(.nan).rendered() == "null")
    #expect(JSONValue.double(-.infinity).rendered() == "null")
    #expect(JSONValue.int(-7).rendered() == "-7")
    #expect(JSONValue.uint(.max).rendered() == "18446744073709551615")
  }

  @Test func parserKeepsNestingAndKeyOrder() throws {
    let text = " {\"z\" : [1, {\"b\":null, \"a\":[true,false,[]]}, \"x\"],\n\t\"a\":{} }\r\n"
    let v = try JSONValue.parse(text)
    let expected = JSONValue.object([
      (
        "z",
        .array([
          .int(1),
          .object([("b", .null), ("a", .array([.bool(true), .bool(false), .array([])]))]),
          .string("x"),
        ])
      ),
      ("a", .object([])),
    ])
    #expect(v == expected)
    #expect(v.rendered() == #"{"z":[1,{"b":null,"a":[true,false,[]]},"x"],"a":{}}"#)
    #expect(v["a"] == .object([]))
    #expect(v["missing"] == nil)
    #expect(
      JSONValue.object([("a", .int(1)), ("b", .int(2))])
        != .object([("b", .int(2)), ("a", .int(1))]))
    #expect(JSONValue.int(1) != .double(1))
    let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(try JSONValue.parse(deep).rendered() == deep)
  }

  @Test func parserErrorsNameOffsetAndExpectation() {
    let cases: [(String, Int, String, String)] = [
      ("", 0, "a value", "end of input"),
      ("  ", 2, "a value", "end of input"),
      ("\u{01}", 0, "a value", "U+0001"),
      ("NaN", 0, "a value", "\"N\""),
      ("'a'", 0, "a value", "\"'\""),
      ("[1,]", 3, "a value", "\"]\""),
      ("[1 2]", 3, "\",\" or \"]\"", "\"2\""),
      ("[1", 2, "\",\" or \"]\"", "end of input"),
      ("{", 1, "a string key or \"}\"", "end of input"),
      ("{\"a\":1,}", 7, "a string key", "\"}\""),
      ("{a:1}", 1, "a string key or \"}\"", "\"a\""),
      ("{\"a\" 1}", 5, "\":\"", "\"1\""),
      ("{\"a\":1 \"b\":2}", 7, "\",\" or \"}\"", "\"\"\""),
      ("{\"a\":1,\"a\":2}", 7, "a key not already in the object", "duplicate key \"a\""),
      ("[1] x", 4, "end of input", "\"x\""),
      ("[\"é\", x]", 6, "a value", "\"x\""),
      ("tru", 3, "\"true\"", "end of input"),
      ("fals3", 4, "\"false\"", "\"3\""),
      ("nul", 3, "\"null\"", "end of input"),
      ("01", 1, "\".\", \"e\" or the end of the number (no leading zeros)", "\"1\""),
      ("-", 1, "a digit", "end of input"),
      ("-a", 1, "a digit", "\"a\""),
      ("1.", 2, "a digit after the decimal point", "end of input"),
      ("1.e5", 2, "a digit after the decimal point", "\"e\""),
      ("1e", 2, "a digit in the exponent", "end of input"),
      ("1e+", 3, "a digit in the exponent", "end of input"),
      ("[1e400]", 1, "a number within the range of a double", "1e400"),
      ("\"abc", 4, "a closing quote", "end of input"),
      ("\"a\nb\"", 2, "an escape sequence instead of a raw control character", "U+000A"),
      ("\"\\x\"", 2, "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", "\"x\""),
      ("\"\\", 2, "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", "end of input"),
      ("\"\\u12g4\"", 5, "a hex digit", "\"g\""),
      ("\"\\udc00\"", 1, "a high surrogate (\\uD800-\\uDBFF) before a low one", "\\uDC00"),
      ("\"\\ud800x\"", 7, "a low surrogate escape (\\uDC00-\\uDFFF)", "\"x\""),
      ("\"\\ud800\\u0041\"", 7, "a low surrogate escape (\\uDC00-\\uDFFF)", "\\u0041"),
      (String(repeating: "[", count: 513), 512, "nesting at most 512 deep", "\"[\""),
    ]
    for (text, offset, expected, found) in cases {
      let want = JSONParseError(offset: offset, expected: expected, found: found)
      #expect(throws: want, "\(text)") { try JSONValue.parse(text) }
    }
    let e = JSONParseError(offset: 3, expected: "a value", found: "\"]\"")
    #expect(e.description == "JSON at character 3: expected a value, found \"]\"")
  }

  // MARK: JSON codec errors

  @Test func codecParseErrorsNameTheField() throws {
    func parse(_ type: EventType, _ text: String) throws -> [UInt8] {
      try EventCatalog.jsonCodec(for: type)!.parse(try JSONValue.parse(text))
    }
    let cases: [(EventType, String, String)] = [
      (.dominanceReading, #"{"usdt_pct":4}"#, #"missing field "btc_pct""#),
      (.dominanceReading, #"{"btc_pct":54,"x":1}"#, #"unknown field "x""#),
      (.dominanceReading, "[]", "payload JSON must be an object"),
      (.curatorWeightSet, #"{"weight":"1"}"#, #"field "weight": expected a number"#),
      (.curatorWeightSet, #"{"weight":null}"#, #"field "weight": expected a number"#),
      (
        .intentSignal, #"{"curator_id":"c","record_kind":"foo"}"#,
        #"field "record_kind": unknown value "foo" (expected social_lowcap, signal, trading_plan, intelligence)"#
      ),
      (
        .intentSignal, #"{"curator_id":"c","record_kind":"signal","tags":"buy"}"#,
        #"field "tags": expected an array"#
      ),
      (
        .intentSignal, #"{"curator_id":"c","record_kind":"signal","tags":["a",1]}"#,
        #"field "tags[1]": expected a string"#
      ),
      (
        .intentSignal, #"{"curator_id":7,"record_kind":"signal"}"#,
        #"field "curator_id": expected a string"#
      ),
      (
        .srLevelsInjected, #"{"levels":[{"price":1,"strength":2,"kind":"cluster"},{"price":1}]}"#,
        #"missing field "levels[1].strength""#
      ),
      (
        .srLevelsInjected, #"{"levels":[{"price":1,"strength":2,"kind":"top"}]}"#,
        #"field "levels[0].kind": unknown value "top" (expected cluster, ath, atl, fib_retracement, fib_extension)"#
      ),
      (
        .srLevelsInjected, #"{"levels":[{"price":1,"strength":2,"kind":"ath","w":1}]}"#,
        #"unknown field "levels[0].w""#
      ),
      (.srLevelsInjected, #"{"levels":[3]}"#, #"field "levels[0]": expected an object"#),
      (
        .bucketPhaseObserved,
        #"{"phase":"Dip","score":0,"slope":0,"confidence":0,"population":2.0}"#,
        #"field "population": expected an integer (32-bit)"#
      ),
      (
        .bucketPhaseObserved,
        #"{"phase":"Dip","score":0,"slope":0,"confidence":0,"population":2147483648}"#,
        #"field "population": expected an integer (32-bit)"#
      ),
      (
        .formulaSetDefined, #"{"name":"v1","sha256":"abc","content":""}"#,
        #"field "sha256": expected hex with an even number of digits"#
      ),
      (
        .formulaSetDefined, #"{"name":"v1","sha256":"zz","content":""}"#,
        #"field "sha256": expected hex digits"#
      ),
      (
        .operatorCommand, #"{"command":"x","args":[{"key":"a"}],"actor":"me"}"#,
        #"missing field "args[0].value""#
      ),
      (
        .simulationConfigured,
        #"{"generator":"g","generator_version":"1","seed":-1,"token_count":1,"start":0,"end":1}"#,
        #"field "seed": expected an unsigned integer (64-bit)"#
      ),
      (
        .simulationConfigured,
        #"{"generator":"g","generator_version":"1","seed":1,"token_count":1,"start":0.5,"end":1}"#,
        #"field "start": expected an integer (64-bit)"#
      ),
      (.candle, #"{"open":1,"high":1,"low":1,"close":1}"#, #"missing field "volume""#),
    ]
    for (type, text, reason) in cases {
      #expect(throws: PayloadError(reason), "\(text)") { try parse(type, text) }
    }
    // A duplicate key can only come from a built value (the parser refuses it).
    #expect(throws: PayloadError(#"duplicate field "weight""#)) {
      try EventCatalog.jsonCodec(for: .curatorWeightSet)!.parse(
        .object([("weight", .int(1)), ("weight", .int(2))]))
    }
  }

  @Test func codecParseAcceptsIntegersForDoublesAndNullForOptionals() throws {
    let codec = EventCatalog.jsonCodec(for: .dominanceReading)!
    var m = Ledger_V1_DominanceReading()
    m.btcPct = 54
    m.totalMarketCapUsd = 2e12
    let expected = CatalogFixtures.pb(m)
    #expect(
      try codec.parse(
        try JSONValue.parse(#"{"btc_pct":54,"usdt_pct":null,"total_market_cap_usd":2000000000000}"#)
      )
        == expected)
    #expect(
      try codec.parse(try JSONValue.parse(#"{"btc_pct":54.0,"total_market_cap_usd":2e12}"#))
        == expected)
    // Absent repeated fields are empty; a u64 above Int64.max renders as .uint.
    let intent = EventCatalog.jsonCodec(for: .intentSignal)!
    var i = Ledger_V1_IntentSignal()
    i.curatorID = "c"
    i.recordKind = .signal
    #expect(
      try intent.parse(try JSONValue.parse(#"{"curator_id":"c","record_kind":"signal"}"#))
        == (CatalogFixtures.pb(i)))
    let sim = try EventCatalog.jsonCodec(for: .simulationConfigured)!.render(
      CatalogFixtures.pb(CatalogFixtures.simulation()))
    #expect(sim["seed"] == .uint(0xDEAD_BEEF_CAFE_BABE))
    // Hex is read in either case.
    let formula = EventCatalog.jsonCodec(for: .formulaSetDefined)!
    let upper = try formula.parse(
      try JSONValue.parse(#"{"name":"v1","sha256":"ABCDEF","content":"7b7d"}"#))
    let lower = try formula.parse(
      try JSONValue.parse(#"{"name":"v1","sha256":"abcdef","content":"7b7d"}"#))
    #expect(upper == lower)
  }

  @Test func codecRenderRefusesWhatJSONAndD9CannotCarry() throws {
    var intent = CatalogFixtures.intent()
    intent.recordKind = .unspecified
    #expect(throws: PayloadError(#"field "record_kind": UNSPECIFIED is never written"#)) {
      try EventCatalog.jsonCodec(for: .intentSignal)!.render(CatalogFixtures.pb(intent))
    }
    var levels = CatalogFixtures.srLevels()
    levels.levels[1].kind = .UNRECOGNIZED(9)
    #expect(throws: PayloadError(#"field "levels[1].kind": unknown SrKind value 9"#)) {
      try EventCatalog.jsonCodec(for: .srLevelsInjected)!.render(CatalogFixtures.pb(levels))
    }
    var weight = CatalogFixtures.curator()
    weight.weight = .nan
    #expect(throws: PayloadError(#"field "weight": not finite (nan)"#)) {
      try EventCatalog.jsonCodec(for: .curatorWeightSet)!.render(CatalogFixtures.pb(weight))
    }
    #expect(throws: PayloadError("candle payload does not decode")) {
      try EventCatalog.jsonCodec(for: .candle)!.render([0xFF])
    }
  }

  // MARK: Validation through the writer

  /// Appends a valid event, then `[valid, bad]`: the batch must be rejected
  /// whole with `reason` for index 1.
  func expectRejected(
    _ bad: Event, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let dir = TempDir("catalog-reject")
    defer { dir.cleanup() }
    let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    let good = CatalogFixtures.all[1].event
    try w.append([good])
    #expect(
      throws: LogError.invalidEvent(index: 1, reason: reason), sourceLocation: sourceLocation
    ) {
      try w.append([good, bad])
    }
    #expect(w.endOffset == 1, sourceLocation: sourceLocation)
    #expect(try w.append([good, good]) == 1..<3, sourceLocation: sourceLocation)
    try w.close()
  }

  func event<M: SwiftProtobuf.Message>(_ type: EventType, _ stream: String, _ m: M) -> Event {
    Event(
      eventTime: CatalogFixtures.observed, type: type, stream: stream,
      payload: CatalogFixtures.pb(m))
  }

  @Test func marketPayloadRules() throws {
    let t = "token/\(CatalogFixtures.token)"
    var d = CatalogFixtures.dominance()
    d.btcPct = 0
    try expectRejected(
      event(.dominanceReading, "dominance", d),
      "dominance_reading payload: btc_pct must be > 0 (0.0)")
    d.btcPct = .nan
    try expectRejected(
      event(.dominanceReading, "dominance", d),
      "dominance_reading payload: btc_pct is not finite (nan)")
    d = CatalogFixtures.dominance()
    d.usdtPct = -1
    try expectRejected(
      event(.dominanceReading, "dominance", d),
      "dominance_reading payload: usdt_pct must be >= 0 (-1.0)")
    d = CatalogFixtures.dominance()
    d.tetherMarketCapUsd = .infinity
    try expectRejected(
      event(.dominanceReading, "dominance", d),
      "dominance_reading payload: tether_market_cap_usd is not finite (inf)")
    d = CatalogFixtures.dominance()
    d.totalMarketCapUsd = -2
    try expectRejected(
      event(.dominanceReading, "dominance", d),
      "dominance_reading payload: total_market_cap_usd must be >= 0 (-2.0)")

    var c = CatalogFixtures.marketCap()
    c.marketCapUsd = -5
    try expectRejected(
      event(.tokenMarketCap, t + "/mcap", c),
      "token_market_cap payload: market_cap_usd must be >= 0 (-5.0)")
    c.marketCapUsd = .infinity
    try expectRejected(
      event(.tokenMarketCap, t + "/mcap", c),
      "token_market_cap payload: market_cap_usd is not finite (inf)")
    c = CatalogFixtures.marketCap()
    c.source = ""
    try expectRejected(
      event(.tokenMarketCap, t + "/mcap", c), "token_market_cap payload: source must not be empty")

    var i = CatalogFixtures.intent()
    i.recordKind = .unspecified
    try expectRejected(
      event(.intentSignal, t + "/intent", i), "intent_signal payload: record_kind is UNSPECIFIED")
    i.recordKind = .UNRECOGNIZED(9)
    try expectRejected(
      event(.intentSignal, t + "/intent", i),
      "intent_signal payload: record_kind has unknown RecordKind value 9")
    i = CatalogFixtures.intent()
    i.curatorID = ""
    try expectRejected(
      event(.intentSignal, t + "/intent", i), "intent_signal payload: curator_id must not be empty")

    var w = CatalogFixtures.curator()
    w.weight = -.infinity
    try expectRejected(
      event(.curatorWeightSet, "curator/c", w),
      "curator_weight_set payload: weight is not finite (-inf)")
  }

  @Test func engineAndRegimePayloadRules() throws {
    let series = "regime/BTC.d/1h"
    var s = CatalogFixtures.srLevels()
    s.levels = (0..<13).map { CatalogFixtures.level(Double(100 - $0), 1, .cluster) }
    try expectRejected(
      event(.srLevelsInjected, series, s),
      "sr_levels_injected payload: levels holds 13 levels, at most 12")
    s = CatalogFixtures.srLevels()
    s.levels[2].price = 0
    try expectRejected(
      event(.srLevelsInjected, series, s),
      "sr_levels_injected payload: levels[2].price must be > 0 (0.0)")
    s = CatalogFixtures.srLevels()
    s.levels[0].strength = -1
    try expectRejected(
      event(.srLevelsInjected, series, s),
      "sr_levels_injected payload: levels[0].strength must be >= 0 (-1.0)")
    s = CatalogFixtures.srLevels()
    s.levels[1].kind = .unspecified
    try expectRejected(
      event(.srLevelsInjected, series, s),
      "sr_levels_injected payload: levels[1].kind is UNSPECIFIED")
    s = CatalogFixtures.srLevels()
    s.levels.swapAt(0, 1)
    try expectRejected(
      event(.srLevelsInjected, series, s),
      "sr_levels_injected payload: levels must be price descending (levels[1].price 1.25 > levels[0].price 1.1)"
    )

    var p = CatalogFixtures.phase()
    p.confidence = 1.5
    try expectRejected(
      event(.bucketPhaseObserved, "phase/mid/meso", p),
      "bucket_phase_observed payload: confidence must be in [0, 1] (1.5)")
    p = CatalogFixtures.phase()
    p.phase = ""
    try expectRejected(
      event(.bucketPhaseObserved, "phase/mid/meso", p),
      "bucket_phase_observed payload: phase must not be empty")
    p = CatalogFixtures.phase()
    p.score = .nan
    try expectRejected(
      event(.bucketPhaseObserved, "phase/mid/meso", p),
      "bucket_phase_observed payload: score is not finite (nan)")
    p = CatalogFixtures.phase()
    p.population = -1
    try expectRejected(
      event(.bucketPhaseObserved, "phase/mid/meso", p),
      "bucket_phase_observed payload: population must be >= 0 (-1)")
  }

  @Test func controlPayloadRules() throws {
    var f = CatalogFixtures.formulaSet()
    f.sha256 = Data(CatalogFixtures.sha.dropLast())
    try expectRejected(
      event(.formulaSetDefined, "control/formula", f),
      "formula_set_defined payload: sha256 must be exactly 32 bytes, got 31")
    f = CatalogFixtures.formulaSet()
    f.name = ""
    try expectRejected(
      event(.formulaSetDefined, "control/formula", f),
      "formula_set_defined payload: name must not be empty")
    f = CatalogFixtures.formulaSet()
    f.content = Data("{\"a\":".utf8)
    try expectRejected(
      event(.formulaSetDefined, "control/formula", f),
      "formula_set_defined payload: content is not JSON: JSON at character 5: expected a value, found end of input"
    )
    f.content = Data("[1]".utf8)
    try expectRejected(
      event(.formulaSetDefined, "control/formula", f),
      "formula_set_defined payload: content must be a JSON object")
    f.content = Data(#"{"ta":{"b":1,"a":2}}"#.utf8)
    try expectRejected(
      event(.formulaSetDefined, "control/formula", f),
      #"formula_set_defined payload: content keys must be sorted and unique ("a" after "b")"#)
    f.content = Data([0x7B, 0xFF, 0x7D])
    try expectRejected(
      event(.formulaSetDefined, "control/formula", f),
      "formula_set_defined payload: content is not UTF-8")
    f = CatalogFixtures.formulaSet()
    f.profiles.swapAt(0, 1)
    try expectRejected(
      event(.formulaSetDefined, "control/formula", f),
      #"formula_set_defined payload: profiles must be sorted by engine with unique engines (profiles[1].engine "regime" after "uptrend")"#
    )
    f = CatalogFixtures.formulaSet()
    f.profiles[1].profile = ""
    try expectRejected(
      event(.formulaSetDefined, "control/formula", f),
      "formula_set_defined payload: profiles[1].profile must not be empty")

    var o = CatalogFixtures.command()
    o.args = [CatalogFixtures.kv("log", "x"), CatalogFixtures.kv("formula", "v1")]
    try expectRejected(
      event(.operatorCommand, "control/operator", o),
      #"operator_command payload: args must be sorted by key with unique keys (args[1].key "formula" after "log")"#
    )
    o.args = [CatalogFixtures.kv("a", "1"), CatalogFixtures.kv("a", "2")]
    try expectRejected(
      event(.operatorCommand, "control/operator", o),
      #"operator_command payload: args must be sorted by key with unique keys (args[1].key "a" after "a")"#
    )
    // Code point order: upper case sorts before lower case.
    o.args = [CatalogFixtures.kv("b", "1"), CatalogFixtures.kv("B", "2")]
    try expectRejected(
      event(.operatorCommand, "control/operator", o),
      #"operator_command payload: args must be sorted by key with unique keys (args[1].key "B" after "b")"#
    )
    o.args = [CatalogFixtures.kv("", "1")]
    try expectRejected(
      event(.operatorCommand, "control/operator", o),
      "operator_command payload: args[0].key must not be empty")
    o = CatalogFixtures.command()
    o.command = ""
    try expectRejected(
      event(.operatorCommand, "control/operator", o),
      "operator_command payload: command must not be empty")
    o = CatalogFixtures.command()
    o.actor = ""
    try expectRejected(
      event(.operatorCommand, "control/operator", o),
      "operator_command payload: actor must not be empty")

    var m = CatalogFixtures.simulation()
    m.end = m.start - 1
    try expectRejected(
      event(.simulationConfigured, "control/simulation", m),
      "simulation_configured payload: end 1704067199999 is before start 1704067200000")
    m = CatalogFixtures.simulation()
    m.tokenCount = -1
    try expectRejected(
      event(.simulationConfigured, "control/simulation", m),
      "simulation_configured payload: token_count must be >= 0 (-1)")
    m = CatalogFixtures.simulation()
    m.params.append(CatalogFixtures.kv("vol", "0.1"))
    try expectRejected(
      event(.simulationConfigured, "control/simulation", m),
      #"simulation_configured payload: params must be sorted by key with unique keys (params[2].key "vol" after "vol")"#
    )
    m = CatalogFixtures.simulation()
    m.generatorVersion = ""
    try expectRejected(
      event(.simulationConfigured, "control/simulation", m),
      "simulation_configured payload: generator_version must not be empty")
  }

  @Test func payloadsMustBeTheDeterministicEncoding() throws {
    let good = CatalogFixtures.all[1]
    // An unknown field (number 15, varint 1) after the known ones.
    var bad = good.event
    bad.payload += [0x78, 0x01]
    try expectRejected(
      bad,
      "dominance_reading payload: payload is not the deterministic encoding of a DominanceReading (unknown, repeated or out-of-order fields)"
    )
    // The same fields out of order.
    var m = Ledger_V1_DominanceReading()
    m.btcPct = 54
    var n = Ledger_V1_DominanceReading()
    n.usdtPct = 4
    bad.payload = CatalogFixtures.pb(n) + CatalogFixtures.pb(m)
    try expectRejected(
      bad,
      "dominance_reading payload: payload is not the deterministic encoding of a DominanceReading (unknown, repeated or out-of-order fields)"
    )
    // Bytes that do not decode at all.
    bad.payload = [0x09, 0x01]
    let dir = TempDir("catalog-garbage")
    defer { dir.cleanup() }
    let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    var rejection: (index: Int, reason: String)?
    do {
      try w.append([bad])
    } catch {
      if case .invalidEvent(let index, let reason) = error { rejection = (index, reason) }
    }
    #expect(rejection?.index == 0)
    #expect(
      rejection?.reason.hasPrefix(
        "dominance_reading payload: payload does not decode as DominanceReading (") == true)
    #expect(w.endOffset == 0)
    try w.close()
  }

  @Test func envelopeRulesHoldForTheNewTypes() throws {
    var e = CatalogFixtures.all[2].event
    e.formula = 5
    try expectRejected(e, "source token_market_cap must have formula 0")
    e = CatalogFixtures.all[7].event
    e.causes = [0]
    try expectRejected(e, "source formula_set_defined must have no causes")
    e = CatalogFixtures.all[9].event
    e.schemaVersion = 2
    try expectRejected(e, "simulation_configured is written at schema version 1, got 2")
  }

  // MARK: Stream rules

  @Test func streamsMustFitTheirType() throws {
    let examples = Dictionary(uniqueKeysWithValues: CatalogFixtures.all.map { ($0.type, $0) })
    func misfit(_ stream: String, _ wire: String, _ expected: String) -> String {
      "stream \"\(stream)\" does not fit \(wire) (expected \(expected))"
    }
    let candle = "<SYM>/<tf>, <SYM>@<venue>/<tf> or token/<tid>/<tf>"
    let series = "token/<tid>/<tf>, regime/<driver>/<tf>, <SYM>/<tf> or <SYM>@<venue>/<tf>"
    let rejected: [(EventType, String, String)] = [
      (.candle, "BTC", misfit("BTC", "candle", candle)),
      (.candle, "BTC/2h", misfit("BTC/2h", "candle", candle)),
      (.candle, "BTC@/1h", misfit("BTC@/1h", "candle", candle)),
      (.candle, "@coinbase/1h", misfit("@coinbase/1h", "candle", candle)),
      (.candle, "BTC@a@b/1h", misfit("BTC@a@b/1h", "candle", candle)),
      (.candle, "BTC/1h/x", misfit("BTC/1h/x", "candle", candle)),
      (.candle, "regime/1h", misfit("regime/1h", "candle", candle)),
      (.candle, "token/x/mcap", misfit("token/x/mcap", "candle", candle)),
      (.candle, "tokens/x/1h", misfit("tokens/x/1h", "candle", candle)),
      (.dominanceReading, "dominance/1m", misfit("dominance/1m", "dominance_reading", "dominance")),
      (.dominanceReading, "Dominance", misfit("Dominance", "dominance_reading", "dominance")),
      (
        .tokenMarketCap, "token/x/intent",
        misfit("token/x/intent", "token_market_cap", "token/<tid>/mcap")
      ),
      (.tokenMarketCap, "token/mcap", misfit("token/mcap", "token_market_cap", "token/<tid>/mcap")),
      (
        .intentSignal, "token/x/mcap", misfit("token/x/mcap", "intent_signal", "token/<tid>/intent")
      ),
      (.curatorWeightSet, "curator", misfit("curator", "curator_weight_set", "curator/<id>")),
      (
        .curatorWeightSet, "curator/a/b",
        misfit("curator/a/b", "curator_weight_set", "curator/<id>")
      ),
      (.srLevelsInjected, "BTC/2h", misfit("BTC/2h", "sr_levels_injected", series)),
      (.srLevelsInjected, "dominance", misfit("dominance", "sr_levels_injected", series)),
      (.srLevelsInjected, "token/x/2h", misfit("token/x/2h", "sr_levels_injected", series)),
      (.srLevelsInjected, "regime/FOO/1h", misfit("regime/FOO/1h", "sr_levels_injected", series)),
      (.srLevelsInjected, "regime/btc/1h", misfit("regime/btc/1h", "sr_levels_injected", series)),
      (.srLevelsInjected, "regime/BTC/4h", misfit("regime/BTC/4h", "sr_levels_injected", series)),
      (
        .bucketPhaseObserved, "phase/mid/weekly",
        misfit("phase/mid/weekly", "bucket_phase_observed", "phase/<label>/<horizon>")
      ),
      (
        .bucketPhaseObserved, "phase/meso",
        misfit("phase/meso", "bucket_phase_observed", "phase/<label>/<horizon>")
      ),
      (
        .formulaSetDefined, "control/config",
        misfit("control/config", "formula_set_defined", "control/formula")
      ),
      (
        .operatorCommand, "control/operator/x",
        misfit("control/operator/x", "operator_command", "control/operator")
      ),
      (
        .simulationConfigured, "control/sim",
        misfit("control/sim", "simulation_configured", "control/simulation")
      ),
    ]
    for (type, stream, reason) in rejected {
      var e = examples[type]!.event
      e.stream = stream
      try expectRejected(e, reason)
    }
    let accepted: [(EventType, String)] = [
      (.candle, "BTC/1m"), (.candle, "crash/1m"), (.candle, "ETH@bitstamp/1d"),
      (.candle, "BTC@coinbase/15m"), (.candle, "token/sim:0001/5m"), (.candle, "HYPE/4h"),
      (.tokenMarketCap, "token/sim:0001/mcap"), (.intentSignal, "token/sim:0001/intent"),
      (.curatorWeightSet, "curator/alpha"),
      (.srLevelsInjected, "token/sim:0001/4h"), (.srLevelsInjected, "regime/USDT.d/1m"),
      (.srLevelsInjected, "regime/nano/1d"), (.srLevelsInjected, "regime/ALT/1h"),
      (.srLevelsInjected, "BTC/1h"), (.srLevelsInjected, "BTC@coinbase/1d"),
      (.bucketPhaseObserved, "phase/xl/micro"), (.bucketPhaseObserved, "phase/nano/macro"),
    ]
    let dir = TempDir("catalog-streams")
    defer { dir.cleanup() }
    let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    for (type, stream) in accepted {
      var e = examples[type]!.event
      e.stream = stream
      try w.append([e])
    }
    try w.close()
    #expect(try LogVerifier.verify(directory: dir.log).ok)
  }

  @Test func aStreamIsRecheckedWhenTheTypeChanges() throws {
    let candle = CatalogFixtures.all[0].event
    var reading = CatalogFixtures.all[1].event
    reading.stream = candle.stream
    try expectRejected(
      reading,
      "stream \"BTC@coinbase/1h\" does not fit dominance_reading (expected dominance)")
    // An all-candle batch (the candle codec's path) checks streams too.
    let dir = TempDir("catalog-candles")
    defer { dir.cleanup() }
    let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    var batch = Synthetic.candles(count: 4)
    batch[2].stream = "BTC@coinbase"
    #expect(
      throws: LogError.invalidEvent(
        index: 2,
        reason:
          "stream \"BTC@coinbase\" does not fit candle (expected <SYM>/<tf>, <SYM>@<venue>/<tf> or token/<tid>/<tf>)"
      )
    ) { try w.append(batch) }
    #expect(w.endOffset == 0)
    try w.close()
  }

  // MARK: Upcasting

  @Test func upcastIsTheIdentityAtTheNewestVersion() throws {
    for e in CatalogFixtures.all {
      #expect(try EventCatalog.upcast(payload: e.payload, type: e.type, version: 1) == e.payload)
    }
  }

  @Test func upcastRefusesNewerUnknownAndInvalidVersions() {
    let p = CatalogFixtures.all[0].payload
    #expect(
      throws: PayloadError("candle (101) schema version 2 is newer than this build reads (1)")
    ) {
      try EventCatalog.upcast(payload: p, type: .candle, version: 2)
    }
    #expect(
      throws: PayloadError(
        "operator_command (904) schema version 7 is newer than this build reads (1)")
    ) {
      try EventCatalog.upcast(payload: [], type: .operatorCommand, version: 7)
    }
    #expect(
      throws: PayloadError("candle (101) schema version 0 is invalid (versions start at 1)")
    ) {
      try EventCatalog.upcast(payload: p, type: .candle, version: 0)
    }
    #expect(throws: PayloadError("unknown event type 4242 (schema version 1)")) {
      try EventCatalog.upcast(payload: p, type: EventType(rawValue: 4242), version: 1)
    }
  }

  @Test func upcastChainsRunInOrderFromTheWrittenVersion() throws {
    let v1to2: UpcastChain.Step = { p throws(PayloadError) in
      guard p.last != 2 else { throw PayloadError("step 1 needs a v1 payload") }
      return p + [2]
    }
    let v2to3: UpcastChain.Step = { p throws(PayloadError) in
      guard p.last == 2 else { throw PayloadError("step 2 needs a v2 payload") }
      return p + [3]
    }
    let chain = UpcastChain([v1to2, v2to3])
    #expect(chain.newestVersion == 3)
    #expect(try chain.upcast([1], from: 1, to: 3, typeName: "t (1)") == [1, 2, 3])
    #expect(try chain.upcast([9, 2], from: 2, to: 3, typeName: "t (1)") == [9, 2, 3])
    #expect(try chain.upcast([7], from: 3, to: 3, typeName: "t (1)") == [7])
    #expect(throws: PayloadError("step 2 needs a v2 payload")) {
      try chain.upcast([9], from: 2, to: 3, typeName: "t (1)")
    }
    #expect(throws: PayloadError("t (1) has no upcaster from schema version 3 to 4")) {
      try chain.upcast([1], from: 1, to: 4, typeName: "t (1)")
    }
    #expect(throws: PayloadError("t (1) schema version 4 is newer than this build reads (3)")) {
      try chain.upcast([1], from: 4, to: 3, typeName: "t (1)")
    }
  }
}
