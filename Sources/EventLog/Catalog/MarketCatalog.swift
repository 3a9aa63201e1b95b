/// The market family (EVENTS §8.1): candle, dominance readings, market caps,
/// intent signals, curator weights. All source events; all but curator
/// weights are market data (D-20).
extension EventCatalog {
  /// `Candle` (101): the hand-written `CandlePayload` codec and validator
  /// (byte-identical to swift-protobuf) plus its stream rule.
  static let candleEntry: CatalogEntry = {
    var info = CandlePayload.typeInfo
    info.validateStream = StreamRules.candle
    let codec = PayloadJSONCodec(
      render: { payload throws(PayloadError) in
        let c = try CandlePayload.decode(payload)
        var b = JSONObjectBuilder()
        try b.double("open", c.open)
        try b.double("high", c.high)
        try b.double("low", c.low)
        try b.double("close", c.close)
        try b.double("volume", c.volume)
        try b.optionalDouble("quote_volume", c.quoteVolume)
        b.optionalString("venue", c.venue)
        return b.value
      },
      parse: { json throws(PayloadError) in
        let r = try JSONFieldReader(
          json, known: ["open", "high", "low", "close", "volume", "quote_volume", "venue"])
        return CandlePayload(
          open: try r.double("open"), high: try r.double("high"), low: try r.double("low"),
          close: try r.double("close"), volume: try r.double("volume"),
          quoteVolume: try r.optionalDouble("quote_volume"), venue: try r.optionalString("venue")
        ).encoded()
      })
    return CatalogEntry(info: info, codec: codec, upcasters: UpcastChain())
  }()

  /// `DominanceReading` (102): btc_pct > 0; the optional shares and caps ≥ 0.
  static let dominanceReadingEntry = CatalogEntry.source(
    .dominanceReading, "dominance_reading", Ledger_V1_DominanceReading.self, marketData: true,
    stream: StreamRules.dominanceReading,
    check: { m throws(PayloadError) in
      try PayloadChecks.positive("btc_pct", m.btcPct)
      if m.hasUsdtPct { try PayloadChecks.nonNegative("usdt_pct", m.usdtPct) }
      if m.hasTetherMarketCapUsd {
        try PayloadChecks.nonNegative("tether_market_cap_usd", m.tetherMarketCapUsd)
      }
      if m.hasTotalMarketCapUsd {
        try PayloadChecks.nonNegative("total_market_cap_usd", m.totalMarketCapUsd)
      }
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      try b.double("btc_pct", m.btcPct)
      try b.optionalDouble("usdt_pct", m.hasUsdtPct ? m.usdtPct : nil)
      try b.optionalDouble(
        "tether_market_cap_usd", m.hasTetherMarketCapUsd ? m.tetherMarketCapUsd : nil)
      try b.optionalDouble(
        "total_market_cap_usd", m.hasTotalMarketCapUsd ? m.totalMarketCapUsd : nil)
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(
        json, known: ["btc_pct", "usdt_pct", "tether_market_cap_usd", "total_market_cap_usd"])
      var m = Ledger_V1_DominanceReading()
      m.btcPct = try r.double("btc_pct")
      if let v = try r.optionalDouble("usdt_pct") { m.usdtPct = v }
      if let v = try r.optionalDouble("tether_market_cap_usd") { m.tetherMarketCapUsd = v }
      if let v = try r.optionalDouble("total_market_cap_usd") { m.totalMarketCapUsd = v }
      return m
    })

  /// `TokenMarketCap` (103): market_cap_usd ≥ 0; source non-empty when present.
  static let tokenMarketCapEntry = CatalogEntry.source(
    .tokenMarketCap, "token_market_cap", Ledger_V1_TokenMarketCap.self, marketData: true,
    stream: StreamRules.tokenMarketCap,
    check: { m throws(PayloadError) in
      try PayloadChecks.nonNegative("market_cap_usd", m.marketCapUsd)
      if m.hasSource { try PayloadChecks.nonEmpty("source", m.source) }
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      try b.double("market_cap_usd", m.marketCapUsd)
      b.optionalString("source", m.hasSource ? m.source : nil)
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(json, known: ["market_cap_usd", "source"])
      var m = Ledger_V1_TokenMarketCap()
      m.marketCapUsd = try r.double("market_cap_usd")
      if let v = try r.optionalString("source") { m.source = v }
      return m
    })

  /// `IntentSignal` (104): curator_id non-empty, record_kind written.
  static let intentSignalEntry = CatalogEntry.source(
    .intentSignal, "intent_signal", Ledger_V1_IntentSignal.self, marketData: true,
    stream: StreamRules.intentSignal,
    check: { m throws(PayloadError) in
      try PayloadChecks.nonEmpty("curator_id", m.curatorID)
      try PayloadChecks.known("record_kind", m.recordKind)
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      b.string("curator_id", m.curatorID)
      try b.enumValue("record_kind", m.recordKind)
      b.strings("tags", m.tags)
      b.optionalString("ref", m.hasRef ? m.ref : nil)
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(json, known: ["curator_id", "record_kind", "tags", "ref"])
      var m = Ledger_V1_IntentSignal()
      m.curatorID = try r.string("curator_id")
      m.recordKind = try r.enumValue("record_kind")
      m.tags = try r.stringArray("tags")
      if let v = try r.optionalString("ref") { m.ref = v }
      return m
    })

  /// `CuratorWeightSet` (105): weight finite. Not market data (D-20).
  static let curatorWeightSetEntry = CatalogEntry.source(
    .curatorWeightSet, "curator_weight_set", Ledger_V1_CuratorWeightSet.self, marketData: false,
    stream: StreamRules.curatorWeightSet,
    check: { m throws(PayloadError) in try PayloadChecks.finite("weight", m.weight) },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      try b.double("weight", m.weight)
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(json, known: ["weight"])
      var m = Ledger_V1_CuratorWeightSet()
      m.weight = try r.double("weight")
      return m
    })
}
