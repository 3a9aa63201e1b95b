/// The stream patterns of EVENTS §3 that each catalog type must fit
/// ("the stream fits the type", EVENTS §2). Each rule returns nil when the
/// stream fits, else the reason `stream "X" does not fit <wire> (expected …)`.
/// Called by the validator only after the generic stream rules (1…255 bytes,
/// no empty segment) passed.
public enum StreamRules {
  /// A stream rule: nil when `stream` fits, else why not.
  public typealias Rule = @Sendable (_ stream: String) -> String?

  /// Every timeframe text (`1m`, `5m`, `15m`, `1h`, `4h`, `1d`).
  public static let timeframes: [String] = Ledger_V1_Timeframe.textTable.texts
  /// The timeframes of regime driver series (EVENTS §3).
  public static let regimeTimeframes: [String] = ["1m", "1h", "1d"]
  /// The regime drivers (EVENTS §3, §10 `Driver`).
  public static let drivers: [String] = [
    "BTC", "ALT", "nano", "small", "mid", "big", "BTC.d", "USDT.d",
  ]
  /// Bucket-phase horizons (EVENTS §10 `Horizon`).
  public static let horizons: [String] = ["micro", "meso", "macro"]
  /// First segments that name a stream family of EVENTS §3, so never a
  /// candle symbol (`regime/1h` is not a major's candle stream).
  public static let familyPrefixes: [String] = [
    "token", "curator", "dominance", "regime", "phase", "ae", "portfolio", "position",
    "learning", "research", "control",
  ]

  /// `<SYM>/<tf>`, `<SYM>@<venue>/<tf>` or `token/<tid>/<tf>`.
  public static let candle: Rule = { s in
    let g = segments(s)
    let fits =
      (g.count == 2 && isSymbol(g[0]) && isOneOf(g[1], timeframes))
      || (g.count == 3 && g[0] == "token" && !g[1].isEmpty && isOneOf(g[2], timeframes))
    return fits ? nil : misfit(s, "candle", "<SYM>/<tf>, <SYM>@<venue>/<tf> or token/<tid>/<tf>")
  }

  /// Exactly `dominance`.
  public static let dominanceReading: Rule = { s in
    s == "dominance" ? nil : misfit(s, "dominance_reading", "dominance")
  }

  /// `token/<tid>/mcap`.
  public static let tokenMarketCap: Rule = { s in
    tokenSuffix(s, "mcap") ? nil : misfit(s, "token_market_cap", "token/<tid>/mcap")
  }

  /// `token/<tid>/intent`.
  public static let intentSignal: Rule = { s in
    tokenSuffix(s, "intent") ? nil : misfit(s, "intent_signal", "token/<tid>/intent")
  }

  /// `curator/<id>`.
  public static let curatorWeightSet: Rule = { s in
    let g = segments(s)
    return g.count == 2 && g[0] == "curator" && !g[1].isEmpty
      ? nil : misfit(s, "curator_weight_set", "curator/<id>")
  }

  /// The engine series pattern, as the misfit message names it.
  static let seriesPattern =
    "token/<tid>/<tf>, regime/<driver>/<tf>, <SYM>/<tf> or <SYM>@<venue>/<tf>"

  /// The engine types' rule: a series stream (`isSeries`), the major candle
  /// streams included (D-18).
  static func series(_ wire: String) -> Rule {
    { s in isSeries(s) ? nil : misfit(s, wire, seriesPattern) }
  }

  /// A series (D-18): injected levels serve every stream the engines run on.
  public static let srLevelsInjected: Rule = series("sr_levels_injected")
  /// A series (D-18).
  public static let taUpdated: Rule = series("ta_updated")
  /// A series (D-18).
  public static let srLevels: Rule = series("sr_levels")
  /// A series (D-18).
  public static let uptrendState: Rule = series("uptrend_state")
  /// A series (D-18).
  public static let uptrendStateChanged: Rule = series("uptrend_state_changed")

  /// `phase/<label>/<horizon>`, horizon one of `horizons`.
  public static let bucketPhaseObserved: Rule = { s in
    let g = segments(s)
    return g.count == 3 && g[0] == "phase" && !g[1].isEmpty && isOneOf(g[2], horizons)
      ? nil : misfit(s, "bucket_phase_observed", "phase/<label>/<horizon>")
  }

  /// Exactly `control/formula`.
  public static let formulaSetDefined: Rule = exactly("control/formula", "formula_set_defined")
  /// Exactly `control/operator`.
  public static let operatorCommand: Rule = exactly("control/operator", "operator_command")
  /// Exactly `control/simulation`.
  public static let simulationConfigured: Rule = exactly(
    "control/simulation", "simulation_configured")

  /// True for a series stream (EVENTS §7 with D-18): `token/<tid>/<tf>` (any
  /// of the six timeframes), `regime/<driver>/<tf>` (a driver of `drivers`, a
  /// timeframe of `regimeTimeframes`), or a major's candle stream
  /// `<SYM>/<tf>` / `<SYM>@<venue>/<tf>`.
  public static func isSeries(_ s: String) -> Bool {
    let g = segments(s)
    if g.count == 2 { return isSymbol(g[0]) && isOneOf(g[1], timeframes) }
    guard g.count == 3, !g[1].isEmpty else { return false }
    if g[0] == "token" { return isOneOf(g[2], timeframes) }
    if g[0] == "regime" { return isOneOf(g[1], drivers) && isOneOf(g[2], regimeTimeframes) }
    return false
  }

  // MARK: Helpers

  static func misfit(_ stream: String, _ wire: String, _ expected: String) -> String {
    "stream \(JSONValue.string(stream).rendered()) does not fit \(wire) (expected \(expected))"
  }

  static func exactly(_ pattern: String, _ wire: String) -> Rule {
    { s in s.utf8.elementsEqual(pattern.utf8) ? nil : misfit(s, wire, pattern) }
  }

  static func segments(_ s: String) -> [Substring.UTF8View] {
    s.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
  }

  static func isOneOf(_ segment: Substring.UTF8View, _ options: [String]) -> Bool {
    options.contains { segment.elementsEqual($0.utf8) }
  }

  static func tokenSuffix(_ s: String, _ last: String) -> Bool {
    let g = segments(s)
    return g.count == 3 && g[0].elementsEqual("token".utf8) && !g[1].isEmpty
      && g[2].elementsEqual(last.utf8)
  }

  /// `<SYM>` or `<SYM>@<venue>`: non-empty parts, at most one `@`, not a family prefix.
  static func isSymbol(_ segment: Substring.UTF8View) -> Bool {
    let parts = segment.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
    guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
    return !isOneOf(parts[0], familyPrefixes)
  }
}

extension Substring.UTF8View {
  /// Compares with a literal segment.
  fileprivate static func == (a: Substring.UTF8View, b: String) -> Bool {
    a.elementsEqual(b.utf8)
  }
}
