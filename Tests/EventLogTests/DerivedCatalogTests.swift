import Foundation
import SwiftProtobuf
import Testing

@testable import EventLog

/// The derived engine types (201, 202, 204, 205): minimal payloads, value
/// rules, cause types and stream shapes.
@Suite struct DerivedCatalogTests {
  /// A log holding `CatalogFixtures.all` then `DerivedFixtures.full`, so the
  /// fixtures' cause offsets exist with the right types.
  func seededWriter(_ dir: TempDir) throws -> LogWriter {
    let w = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    try w.append((CatalogFixtures.all + DerivedFixtures.full).map(\.event))
    return w
  }

  /// Appends `[good, bad]` to a seeded log: the batch must be rejected whole
  /// with `reason` for index 1.
  func expectRejected(
    _ bad: Event, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let dir = TempDir("derived-reject")
    defer { dir.cleanup() }
    let w = try seededWriter(dir)
    let good = DerivedFixtures.full[0].event
    #expect(
      throws: LogError.invalidEvent(index: 1, reason: reason), sourceLocation: sourceLocation
    ) {
      try w.append([good, bad])
    }
    #expect(try w.append([good]) == 14..<15, sourceLocation: sourceLocation)
    try w.close()
  }

  func event<M: SwiftProtobuf.Message>(_ type: EventType, _ m: M) -> Event {
    DerivedFixtures.event(type, CatalogFixtures.pb(m), causes: DerivedFixtures.causes(of: type))
  }

  // MARK: Round trip

  @Test func minimalPayloadsRoundTripThroughTheLogAndJSON() throws {
    let dir = TempDir("derived-minimal")
    defer { dir.cleanup() }
    let w = try seededWriter(dir)
    let minimal = DerivedFixtures.minimal
    try w.append(
      minimal.map { DerivedFixtures.event($0, $1, causes: DerivedFixtures.causes(of: $0)) })
    try w.close()
    #expect(try LogVerifier.verify(directory: dir.log).ok)
    let records = try LogReader(directory: dir.log).records(from: 14)
    #expect(records.count == minimal.count)
    for (r, (type, payload)) in zip(records, minimal) {
      #expect(r.event.type == type)
      #expect(r.event.payload == payload)
      let codec = try #require(EventCatalog.jsonCodec(for: type))
      let json = try codec.render(payload)
      #expect(try codec.parse(try JSONValue.parse(json.rendered())) == payload)
    }
    // Minimal UptrendState still writes its ema, scores and diagnostics.
    let state = try EventCatalog.jsonCodec(for: .uptrendState)!.render(minimal[2].1)
    #expect(state["scores"] == .object([]))
    #expect(state["diagnostics"] == .object([]))
    #expect(state["meta"] == nil)
    #expect(state["prev_state"] == nil)
  }

  @Test func uptrendStateJSONUsesTheWireKeys() throws {
    let codec = EventCatalog.jsonCodec(for: .uptrendState)!
    let json = try codec.render(CatalogFixtures.pb(DerivedFixtures.state()))
    #expect(json["meta"]?["s3_start_ts"] == .string("2024-04-16T06:00:00.000Z"))
    #expect(json["meta"]?["bars_since_s3"] == .int(1110))
    let buy = json["diagnostics"]?["buy_check"]
    #expect(buy?["ema_anchor"] == .double(8105.5))
    #expect(buy?["ema60_slope"] == .double(-0.00012))
    #expect(json["diagnostics"]?["s2_retest_check"]?["ema333_slope"] == .double(0.000125))
    #expect(json["diagnostics"]?["s3_buy_check"]?["buy_flag"] == .bool(true))
    #expect(json["diagnostics"]?["s3_buy_check"]?["ema144"] == .double(8204.75))
    // A copy in s3_buy_check that is not the bar's value is refused on input.
    let text = json.rendered().replacingOccurrences(
      of: #""ema144":8204.75,"ema333":8305.5,"price_in"#,
      with: #""ema144":1.0,"ema333":8305.5,"price_in"#)
    #expect(
      throws: PayloadError(
        #"field "diagnostics.s3_buy_check.ema144": 1.0 is not the bar's ema.ema144 8204.75"#)
    ) {
      try codec.parse(try JSONValue.parse(text))
    }
    // An epoch-ms start time is read too.
    let s = try JSONValue.parse(
      json.rendered().replacingOccurrences(
        of: #""s3_start_ts":"2024-04-16T06:00:00.000Z""#, with: #""s3_start_ts":1713247200000"#))
    #expect(try codec.parse(s) == CatalogFixtures.pb(DerivedFixtures.state()))
  }

  // MARK: Value rules

  @Test func nonFiniteValuesAreRejectedNamingTheField() throws {
    var ta = DerivedFixtures.ta()
    ta.ema20 = .nan
    try expectRejected(
      event(.taUpdated, ta), #"ta_updated payload: field "ema20": not finite (nan)"#)
    ta = DerivedFixtures.ta()
    ta.dSlope250 = .infinity
    try expectRejected(
      event(.taUpdated, ta), #"ta_updated payload: field "d_slope250": not finite (inf)"#)
    ta = DerivedFixtures.ta()
    ta.barIndex = -1
    try expectRejected(event(.taUpdated, ta), "ta_updated payload: bar_index must be >= 0 (-1)")

    var st = DerivedFixtures.state()
    st.ema.ema333 = .nan
    try expectRejected(
      event(.uptrendState, st), #"uptrend_state payload: field "ema.ema333": not finite (nan)"#)
    st = DerivedFixtures.state()
    st.diagnostics.buyCheck.tsScore = -.infinity
    try expectRejected(
      event(.uptrendState, st),
      #"uptrend_state payload: field "diagnostics.buy_check.ts_score": not finite (-inf)"#)
    st = DerivedFixtures.state()
    st.diagnostics.edx.slowW2 = .nan
    try expectRejected(
      event(.uptrendState, st),
      #"uptrend_state payload: field "diagnostics.edx.w2_slow": not finite (nan)"#)
    st = DerivedFixtures.state()
    st.scores.dx = .nan
    try expectRejected(
      event(.uptrendState, st), #"uptrend_state payload: field "scores.dx": not finite (nan)"#)
  }

  @Test func uptrendStateRules() throws {
    var st = DerivedFixtures.state()
    st.state = .unspecified
    try expectRejected(
      event(.uptrendState, st),
      #"uptrend_state payload: field "state": UNSPECIFIED is never written"#)
    st = DerivedFixtures.state()
    st.prevState = .unspecified
    try expectRejected(
      event(.uptrendState, st),
      #"uptrend_state payload: field "prev_state": UNSPECIFIED is never written"#)
    st = DerivedFixtures.state()
    st.diagnostics.edx.status = .unspecified
    try expectRejected(
      event(.uptrendState, st),
      #"uptrend_state payload: field "diagnostics.edx.status": UNSPECIFIED is never written"#)
    st = DerivedFixtures.state()
    st.clearScores()
    try expectRejected(event(.uptrendState, st), "uptrend_state payload: scores must be written")
    st = DerivedFixtures.state()
    st.price = 0
    try expectRejected(event(.uptrendState, st), "uptrend_state payload: price must be > 0 (0.0)")
    st = DerivedFixtures.state()
    st.clearBuyKind()
    try expectRejected(
      event(.uptrendState, st),
      "uptrend_state payload: buy_kind must be written when buy_signal or buy_flag is true")
    st = DerivedFixtures.minimalState()
    st.buyKind = .s1Ema60
    try expectRejected(
      event(.uptrendState, st),
      "uptrend_state payload: buy_kind must be absent when buy_signal and buy_flag are false")
    st = DerivedFixtures.state()
    st.clearS3StartTime()
    try expectRejected(
      event(.uptrendState, st),
      "uptrend_state payload: s3_start_bar_index, s3_start_time and bars_since_s3 must be all present or all absent"
    )
    st = DerivedFixtures.state()
    st.s3StartBarIndex = st.barIndex + 1
    try expectRejected(
      event(.uptrendState, st),
      "uptrend_state payload: s3_start_bar_index 20111 is after bar_index 20110")
  }

  @Test func srLevelsRules() throws {
    var sr = DerivedFixtures.sr()
    sr.levels.swapAt(0, 3)
    try expectRejected(
      event(.srLevels, sr),
      "sr_levels payload: levels must be price descending (levels[1].price 8500.0 > levels[0].price 7200.5)"
    )
    sr = DerivedFixtures.sr()
    sr.levels = (0..<13).map { CatalogFixtures.level(Double(100 - $0), 1, .cluster) }
    try expectRejected(
      event(.srLevels, sr), "sr_levels payload: levels holds 13 levels, at most 12")
    sr = DerivedFixtures.sr()
    sr.swingLows = -2
    try expectRejected(event(.srLevels, sr), "sr_levels payload: swing_lows must be >= 0 (-2)")
  }

  @Test func transitionsMustBeConsistent() throws {
    var c = DerivedFixtures.changed()
    c.to = .s3
    c.clearExitReason()
    try expectRejected(
      event(.uptrendStateChanged, c), "uptrend_state_changed payload: from and to are both S3")
    c = DerivedFixtures.changed()
    c.isEmergencyExit = false
    try expectRejected(
      event(.uptrendStateChanged, c),
      "uptrend_state_changed payload: is_emergency_exit must be true for S3 → S0 (true exactly for S1, S2, S3 → S0)"
    )
    c = DerivedFixtures.changed()
    c.from = .s4
    try expectRejected(
      event(.uptrendStateChanged, c),
      "uptrend_state_changed payload: is_emergency_exit must be false for S4 → S0 (true exactly for S1, S2, S3 → S0)"
    )
    c = DerivedFixtures.minimalChanged()
    c.exitReason = .allEmasBelow333
    try expectRejected(
      event(.uptrendStateChanged, c),
      "uptrend_state_changed payload: exit_reason is written only on a change to S0 (got S4 → S3)")
    c = DerivedFixtures.changed()
    c.to = .unspecified
    try expectRejected(
      event(.uptrendStateChanged, c), "uptrend_state_changed payload: to is UNSPECIFIED")
  }

  // MARK: Causes

  @Test func causesMustHaveAllowedTypes() throws {
    var e = event(.uptrendStateChanged, DerivedFixtures.changed())
    e.causes = [DerivedFixtures.candleOffset]
    try expectRejected(
      e, "cause 0 is a candle, but uptrend_state_changed may cite only uptrend_state")
    e = event(.taUpdated, DerivedFixtures.ta())
    e.causes = [0, 1]
    try expectRejected(e, "cause 1 is a dominance_reading, but ta_updated may cite only candle")
    e = event(.uptrendState, DerivedFixtures.state())
    e.causes = [0, 2]
    try expectRejected(
      e,
      "cause 2 is a token_market_cap, but uptrend_state may cite only candle, ta_updated, sr_levels, sr_levels_injected"
    )
    // The injected S/R event is an allowed cause too; a cause inside the batch is checked by the batch.
    let dir = TempDir("derived-causes")
    defer { dir.cleanup() }
    let w = try seededWriter(dir)
    e.causes = [DerivedFixtures.candleOffset, DerivedFixtures.injectedOffset, 14]
    #expect(try w.append([event(.taUpdated, DerivedFixtures.ta()), e]) == 14..<16)
    var change = event(.uptrendStateChanged, DerivedFixtures.changed())
    change.causes = [14]
    #expect(
      throws: LogError.invalidEvent(
        index: 0,
        reason: "cause 14 is a ta_updated, but uptrend_state_changed may cite only uptrend_state")
    ) {
      try w.append([change])
    }
    try w.close()
    // After a reopen the types of earlier offsets are read back from the segments.
    let w2 = try LogWriter(directory: dir.log, options: LogWriter.testOptions())
    #expect(
      throws: LogError.invalidEvent(
        index: 0,
        reason: "cause 14 is a ta_updated, but uptrend_state_changed may cite only uptrend_state")
    ) {
      try w2.append([change])
    }
    change.causes = [15]
    #expect(try w2.append([change]) == 16..<17)
    try w2.close()
    #expect(try LogVerifier.verify(directory: dir.log).ok)
  }

  @Test func verifyChecksCauseTypes() throws {
    let dir = TempDir("derived-verify")
    defer { dir.cleanup() }
    // A registry that does not restrict causes writes what the catalog forbids.
    var options = LogWriter.testOptions()
    var lax = EventCatalog.registry[.taUpdated]!
    lax.allowedCauses = nil
    options.registry.register(lax)
    let w = try LogWriter(directory: dir.log, options: options)
    try w.append(CatalogFixtures.all.map(\.event))
    var e = event(.taUpdated, DerivedFixtures.ta())
    e.causes = [1]
    try w.append([e])
    try w.close()
    #expect(try LogVerifier.verify(directory: dir.log, registry: options.registry).ok)
    let report = try LogVerifier.verify(directory: dir.log)
    #expect(!report.ok)
    #expect(report.problems.first?.offset == 10)
    #expect(
      report.problems.first?.reason
        == "cause 1 is a dominance_reading, but ta_updated may cite only candle")
  }

  // MARK: Streams

  @Test func derivedTypesLiveOnSeriesAndMajorStreams() throws {
    let types: [EventType] = [.taUpdated, .srLevels, .uptrendState, .uptrendStateChanged]
    let full = Dictionary(uniqueKeysWithValues: DerivedFixtures.full.map { ($0.type, $0) })
    let pattern = "token/<tid>/<tf>, regime/<driver>/<tf>, <SYM>/<tf> or <SYM>@<venue>/<tf>"
    for type in types {
      let wire = EventCatalog.registry.name(of: type)
      for stream in [
        "BTC/2h", "BTC@/1h", "dominance", "regime/BTC/4h", "regime/btc/1h", "token/x/mcap",
        "token/x/2h", "position/p1", "BTC@coinbase/1h/x",
      ] {
        var e = full[type]!.event
        e.stream = stream
        try expectRejected(
          e, "stream \"\(stream)\" does not fit \(wire) (expected \(pattern))")
      }
    }
    let dir = TempDir("derived-streams")
    defer { dir.cleanup() }
    let w = try seededWriter(dir)
    for type in types {
      for stream in [
        "BTC@coinbase/1h", "BTC/1d", "ETH@bitstamp/1d", "token/sim:0001/4h", "regime/BTC.d/1m",
        "regime/ALT/1d",
      ] {
        var e = full[type]!.event
        e.stream = stream
        try w.append([e])
      }
    }
    try w.close()
    #expect(try LogVerifier.verify(directory: dir.log).ok)
  }

  @Test func derivedEnumTextTables() {
    #expect(Ledger_V1_TrendState.textTable.texts == ["S0", "S1", "S2", "S3", "S4"])
    #expect(
      Ledger_V1_ExitReason.textTable.texts == [
        "s1_to_s0_bearish_order", "s2_to_s0_bearish_order", "all_emas_below_333",
        "state_transition_to_s0",
      ])
    #expect(Ledger_V1_BuyKind.textTable.texts == ["s1_ema60", "s2_retest_ema333", "s3_dx"])
    #expect(Ledger_V1_BootstrapKind.textTable.texts == ["s0_from_s4", "s3_from_s4"])
    #expect(
      Ledger_V1_EdxStatus.textTable.texts == [
        "insufficient_s3_bars", "insufficient_data", "computed",
      ])
    #expect(
      Ledger_V1_FirstDipReason.textTable.texts == [
        "already_taken", "emergency_exit_below_333", "invalid_emas", "invalid_atr",
      ])
    #expect(Ledger_V1_TrendState(text: "s0") == nil)
    #expect(Ledger_V1_TrendState(text: "S4") == .s4)
  }
}
