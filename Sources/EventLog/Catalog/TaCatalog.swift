/// `TaUpdated` (EVENTS §8.2): the streaming TA snapshot of one bar.
extension EventCatalog {
  /// The cause types of a bar-derived event: the bar itself. A driver
  /// series' bar is its `RegimeBar` (301), which joins this set when the
  /// regime family adds that type; until then only `Candle` is accepted.
  static let barCauses: Set<EventType> = [.candle]

  /// The JSON keys (= proto field names) of `TaUpdated`, in field order.
  static let taUpdatedFields = JSONFieldTable<Ledger_V1_TaUpdated>([
    .int("bar_index", \.barIndex),
    .double("ema20", \.ema20), .double("ema30", \.ema30), .double("ema50", \.ema50),
    .double("ema60", \.ema60), .double("ema144", \.ema144), .double("ema250", \.ema250),
    .double("ema333", \.ema333),
    .double("slope20", \.slope20), .double("slope60", \.slope60),
    .double("slope144", \.slope144), .double("slope250", \.slope250),
    .double("slope333", \.slope333),
    .double("d_slope144", \.dSlope144),
    .optionalDouble("d_slope60", \.dSlope60, \.hasDSlope60),
    .optionalDouble("d_slope250", \.dSlope250, \.hasDSlope250),
    .optionalDouble("d_slope333", \.dSlope333, \.hasDSlope333),
    .double("dsep_fast5", \.dsepFast5), .double("dsep_mid5", \.dsepMid5),
    .double("atr", \.atr), .double("atr_mean20", \.atrMean20),
    .double("adx", \.adx), .double("adx_slope10", \.adxSlope10),
    .double("rsi", \.rsi), .double("rsi_slope10", \.rsiSlope10),
    .double("vo_z", \.voZ),
    .optionalDouble("atr_norm", \.atrNorm, \.hasAtrNorm),
    .optionalDouble("atr_peak10", \.atrPeak10, \.hasAtrPeak10),
    .optionalBool("vo_z_cluster", \.voZCluster, \.hasVoZCluster),
  ])

  static func renderTaUpdated(_ m: Ledger_V1_TaUpdated) throws(PayloadError) -> JSONValue {
    var b = JSONObjectBuilder()
    try taUpdatedFields.render(m, into: &b)
    return b.value
  }

  /// `TaUpdated` (201), derived: bar_index ≥ 0, every double finite (the
  /// optional ones when present). Causes: the bar (`barCauses`).
  static let taUpdatedEntry = CatalogEntry.derived(
    .taUpdated, "ta_updated", Ledger_V1_TaUpdated.self, causes: barCauses,
    stream: StreamRules.taUpdated,
    check: { m throws(PayloadError) in
      try PayloadChecks.barIndex("bar_index", m.barIndex)
      try PayloadChecks.renderable(m, renderTaUpdated)
    },
    render: renderTaUpdated,
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(json, known: taUpdatedFields.keys)
      var m = Ledger_V1_TaUpdated()
      try taUpdatedFields.parse(r, into: &m)
      return m
    })
}
