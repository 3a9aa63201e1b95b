/// The uptrend engine's events (EVENTS §8.2): the per-bar `UptrendState`
/// and the `UptrendStateChanged` summary of a transition.
extension EventCatalog {
  /// The causes of an `UptrendState`: the bar (`barCauses`), its `TaUpdated`
  /// and the S/R event in force.
  static let uptrendStateCauses: Set<EventType> = barCauses.union([
    .taUpdated, .srLevels, .srLevelsInjected,
  ])

  /// `UptrendState` (204), derived. Rules the payload alone can show:
  /// bar_index ≥ 0; state written; price > 0, atr ≥ 0; `ema`, `scores` and
  /// `diagnostics` always written; every double finite and every enum known
  /// (via the JSON renderer, naming the field); buy_kind present exactly
  /// when buy_signal or buy_flag is (OUT-01); the S3 episode fields
  /// (`s3_start_bar_index`, `s3_start_time`, `bars_since_s3`) all present or
  /// all absent, with 0 ≤ s3_start_bar_index ≤ bar_index and bars_since_s3
  /// ≥ 0; EDX and first-dip bar counts ≥ 0. Whether `prev_state` is absent
  /// exactly on the bootstrap bar depends on the stream's history and is the
  /// engine's to keep.
  static let uptrendStateEntry = CatalogEntry.derived(
    .uptrendState, "uptrend_state", Ledger_V1_UptrendState.self, causes: uptrendStateCauses,
    stream: StreamRules.uptrendState,
    check: { m throws(PayloadError) in
      try PayloadChecks.barIndex("bar_index", m.barIndex)
      for (name, present) in [
        ("ema", m.hasEma), ("scores", m.hasScores), ("diagnostics", m.hasDiagnostics),
      ] where !present {
        throw PayloadError("\(name) must be written")
      }
      try PayloadChecks.renderable(m, UptrendStateJSON.render)
      try PayloadChecks.positive("price", m.price)
      try PayloadChecks.nonNegative("atr", m.atr)
      let buys = m.buySignal || m.buyFlag
      guard buys == m.hasBuyKind else {
        throw PayloadError(
          buys
            ? "buy_kind must be written when buy_signal or buy_flag is true"
            : "buy_kind must be absent when buy_signal and buy_flag are false")
      }
      try checkS3Episode(m)
      if m.diagnostics.hasEdx {
        try PayloadChecks.barIndex("diagnostics.edx.bars_since_s3", m.diagnostics.edx.barsSinceS3)
      }
      if m.diagnostics.hasFirstDip {
        try PayloadChecks.barIndex(
          "diagnostics.first_dip.bars_since_s3", m.diagnostics.firstDip.barsSinceS3)
      }
    },
    render: UptrendStateJSON.render,
    parse: UptrendStateJSON.parse)

  /// The S3 episode fields: all or none, start ≤ bar, counts ≥ 0.
  static func checkS3Episode(_ m: Ledger_V1_UptrendState) throws(PayloadError) {
    let present = [m.hasS3StartBarIndex, m.hasS3StartTime, m.hasBarsSinceS3]
    guard present.allSatisfy({ $0 }) || !present.contains(true) else {
      throw PayloadError(
        "s3_start_bar_index, s3_start_time and bars_since_s3 must be all present or all absent")
    }
    guard m.hasS3StartBarIndex else { return }
    try PayloadChecks.barIndex("s3_start_bar_index", m.s3StartBarIndex)
    try PayloadChecks.barIndex("bars_since_s3", m.barsSinceS3)
    guard m.s3StartBarIndex <= m.barIndex else {
      throw PayloadError(
        "s3_start_bar_index \(m.s3StartBarIndex) is after bar_index \(m.barIndex)")
    }
  }

  /// `UptrendStateChanged` (205), derived: bar_index ≥ 0, from and to
  /// written and different, is_emergency_exit exactly when to is S0 and
  /// from is S1, S2 or S3 (S4→S0 is no emergency, OUT-11), exit_reason only
  /// on a change to S0. Causes: the bar's `UptrendState`.
  static let uptrendStateChangedEntry = CatalogEntry.derived(
    .uptrendStateChanged, "uptrend_state_changed", Ledger_V1_UptrendStateChanged.self,
    causes: [.uptrendState], stream: StreamRules.uptrendStateChanged,
    check: { m throws(PayloadError) in
      try PayloadChecks.barIndex("bar_index", m.barIndex)
      try PayloadChecks.known("from", m.from)
      try PayloadChecks.known("to", m.to)
      if m.hasExitReason { try PayloadChecks.known("exit_reason", m.exitReason) }
      let (from, to) = (m.from.text ?? "", m.to.text ?? "")
      guard m.from != m.to else { throw PayloadError("from and to are both \(from)") }
      let emergency = m.to == .s0 && [.s1, .s2, .s3].contains(m.from)
      guard m.isEmergencyExit == emergency else {
        throw PayloadError(
          "is_emergency_exit must be \(emergency) for \(from) → \(to) (true exactly for S1, S2, S3 → S0)"
        )
      }
      guard !m.hasExitReason || m.to == .s0 else {
        throw PayloadError("exit_reason is written only on a change to S0 (got \(from) → \(to))")
      }
    },
    render: { m throws(PayloadError) in
      var b = JSONObjectBuilder()
      b.int("bar_index", m.barIndex)
      try b.enumValue("from", m.from)
      try b.enumValue("to", m.to)
      b.bool("is_emergency_exit", m.isEmergencyExit)
      try b.optionalEnum("exit_reason", m.hasExitReason ? m.exitReason : nil)
      b.bool("bootstrapped", m.bootstrapped)
      return b.value
    },
    parse: { json throws(PayloadError) in
      let r = try JSONFieldReader(
        json,
        known: ["bar_index", "from", "to", "is_emergency_exit", "exit_reason", "bootstrapped"])
      var m = Ledger_V1_UptrendStateChanged()
      m.barIndex = try r.int64("bar_index")
      m.from = try r.enumValue("from")
      m.to = try r.enumValue("to")
      m.isEmergencyExit = try r.bool("is_emergency_exit")
      if let v = try r.optionalEnum("exit_reason", Ledger_V1_ExitReason.self) { m.exitReason = v }
      m.bootstrapped = try r.bool("bootstrapped")
      return m
    })
}
