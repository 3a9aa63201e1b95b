/// The engine family's S/R events (EVENTS §8.2): the provider's derived
/// `SrLevels` and the injected `SrLevelsInjected`, which share one level
/// list with one set of rules and one JSON form.
extension EventCatalog {
  /// The most levels one set holds (engines-ta-uptrend.md §4: up to 12).
  static let maxSrLevels = 12

  static let srLevelFields = ["price", "strength", "kind"]

  /// At most 12 levels, price descending (ties allowed), each price > 0,
  /// strength ≥ 0, kind written.
  static func checkSrLevels(_ levels: [Ledger_V1_SrLevel]) throws(PayloadError) {
    guard levels.count <= maxSrLevels else {
      throw PayloadError("levels holds \(levels.count) levels, at most \(maxSrLevels)")
    }
    for (k, level) in levels.enumerated() {
      try PayloadChecks.positive("levels[\(k)].price", level.price)
      try PayloadChecks.nonNegative("levels[\(k)].strength", level.strength)
      try PayloadChecks.known("levels[\(k)].kind", level.kind)
      if k > 0, level.price > levels[k - 1].price {
        throw PayloadError(
          "levels must be price descending (levels[\(k)].price \(level.price) > levels[\(k - 1)].price \(levels[k - 1].price))"
        )
      }
    }
  }

  /// Renders `levels` as the array `levels` of `{price, strength, kind}`.
  static func renderSrLevels(_ levels: [Ledger_V1_SrLevel], into b: inout JSONObjectBuilder)
    throws(PayloadError)
  {
    try b.messages("levels", levels) { (e: inout JSONObjectBuilder, level) throws(PayloadError) in
      try e.double("price", level.price)
      try e.double("strength", level.strength)
      try e.enumValue("kind", level.kind)
    }
  }

  /// Reads the array `levels` of `r`.
  static func parseSrLevels(_ r: JSONFieldReader) throws(PayloadError) -> [Ledger_V1_SrLevel] {
    try r.messages("levels", known: srLevelFields) { (e: JSONFieldReader) throws(PayloadError) in
      var level = Ledger_V1_SrLevel()
      level.price = try e.double("price")
      level.strength = try e.double("strength")
      level.kind = try e.enumValue("kind")
      return level
    }
  }

  /// `SrLevels` (202), derived: bar_index ≥ 0, the level rules of
  /// `checkSrLevels`, swing counts ≥ 0. Causes: the refresh bar's `Candle`
  /// (a driver's `RegimeBar` joins `barCauses` with the regime family).
  static let srLevelsEntry = CatalogEntry.derived(
    .srLevels, "sr_levels", Ledger_V1_SrLevels.self, causes: barCauses,
    stream: StreamRules.srLevels,
    check: { m throws(PayloadError) in
      try PayloadChecks.barIndex("bar_index", m.barIndex)
      try checkSrLevels(m.levels)
      try PayloadChecks.nonNegative("swing_highs", m.swingHighs)
      try PayloadChecks.nonNegative("swing_lows", m.swingLows)
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      b.int("bar_index", m.barIndex)
      try renderSrLevels(m.levels, into: &b)
      b.int("swing_highs", Int64(m.swingHighs))
      b.int("swing_lows", Int64(m.swingLows))
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(
        json, known: ["bar_index", "levels", "swing_highs", "swing_lows"])
      var m = Ledger_V1_SrLevels()
      m.barIndex = try r.int64("bar_index")
      m.levels = try parseSrLevels(r)
      m.swingHighs = try r.int32("swing_highs")
      m.swingLows = try r.int32("swing_lows")
      return m
    })

  /// `SrLevelsInjected` (203): the level rules of `checkSrLevels`. Not market data.
  static let srLevelsInjectedEntry = CatalogEntry.source(
    .srLevelsInjected, "sr_levels_injected", Ledger_V1_SrLevelsInjected.self, marketData: false,
    stream: StreamRules.srLevelsInjected,
    check: { m throws(PayloadError) in try checkSrLevels(m.levels) },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      try renderSrLevels(m.levels, into: &b)
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(json, known: ["levels"])
      var m = Ledger_V1_SrLevelsInjected()
      m.levels = try parseSrLevels(r)
      return m
    })
}
