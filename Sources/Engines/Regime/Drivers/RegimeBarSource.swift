/// Where a regime bar came from (EVENTS §10 `BarSource`, regime-ae.md §2.1).
public enum RegimeBarSource: String, Codable, Sendable, CaseIterable {
  /// BTC: the preferred venue's candle (D-18).
  case exchange
  /// ALT and bucket composites (D-12).
  case composite
  /// A dominance 1m bar from readings (§3.5).
  case dominance
  /// A dominance 1h / 1d bar rolled up from 1m bars (§3.5).
  case rollup
}
