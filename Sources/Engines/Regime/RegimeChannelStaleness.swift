/// D-12's stale rule for driver snapshots: stale once the evaluation time ≥
/// the bar's close + `staleAfterTimeframes` × tf + grace(tf). Pure, so the
/// caller can set `RegimeChannelInput.status` from event times.
public enum RegimeChannelStaleness {
  /// Whether a snapshot of a bar closing at `barCloseMs` is stale at `evaluatedAtMs`.
  public static func isStale(
    barCloseMs: Int64, evaluatedAtMs: Int64, timeframe: RegimeTimeframe,
    drivers: RegimeConstants.Drivers
  ) -> Bool {
    let grace = Int64(timeframe.value(of: drivers.finalisationGraceMs))
    let limit = barCloseMs + Int64(drivers.staleAfterTimeframes) * timeframe.lengthMs + grace
    return evaluatedAtMs >= limit
  }
}
