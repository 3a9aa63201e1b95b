/// The engine family's source event (EVENTS §8.2): injected S/R levels.
extension EventCatalog {
  /// The most levels one set holds (engines-ta-uptrend.md §4: up to 12).
  static let maxSrLevels = 12

  static let srLevelFields = ["price", "strength", "kind"]

  /// `SrLevelsInjected` (203): at most 12 levels, price descending (ties
  /// allowed), each price > 0, strength ≥ 0, kind written. Not market data.
  static let srLevelsInjectedEntry = CatalogEntry.source(
    .srLevelsInjected, "sr_levels_injected", Ledger_V1_SrLevelsInjected.self, marketData: false,
    stream: StreamRules.srLevelsInjected,
    check: { m throws(PayloadError) in
      guard m.levels.count <= maxSrLevels else {
        throw PayloadError("levels holds \(m.levels.count) levels, at most \(maxSrLevels)")
      }
      for (k, level) in m.levels.enumerated() {
        try PayloadChecks.positive("levels[\(k)].price", level.price)
        try PayloadChecks.nonNegative("levels[\(k)].strength", level.strength)
        try PayloadChecks.known("levels[\(k)].kind", level.kind)
        if k > 0, level.price > m.levels[k - 1].price {
          throw PayloadError(
            "levels must be price descending (levels[\(k)].price \(level.price) > levels[\(k - 1)].price \(m.levels[k - 1].price))"
          )
        }
      }
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      try b.messages("levels", m.levels) {
        (e: inout JSONObjectBuilder, level) throws(PayloadError) in
        try e.double("price", level.price)
        try e.double("strength", level.strength)
        try e.enumValue("kind", level.kind)
      }
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(json, known: ["levels"])
      var m = Ledger_V1_SrLevelsInjected()
      m.levels = try r.messages("levels", known: srLevelFields) {
        (e: JSONFieldReader) throws(PayloadError) in
        var level = Ledger_V1_SrLevel()
        level.price = try e.double("price")
        level.strength = try e.double("strength")
        level.kind = try e.enumValue("kind")
        return level
      }
      return m
    })
}
