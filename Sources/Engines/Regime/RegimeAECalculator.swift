/// The regime A/E calculator and lever pipeline as one pure function
/// (regime-ae.md §4, §5, §6, §8; D-12, D-13): channel snapshots and a
/// token's context in, A, E, size and the full breakdown out. No state, no
/// clock; every sum in a fixed order, so the result does not depend on the
/// order the channels arrive in.
public enum RegimeAECalculator {
  /// Evaluates with the formula set's regime constants and the PM's tier thresholds.
  public static func evaluate(
    channels: [RegimeChannelInput], token: RegimeTokenContext, formula: FormulaConstants
  ) throws(RegimeAEError) -> RegimeAEResult {
    try evaluate(
      channels: channels, token: token, constants: formula.regime,
      tiers: formula.portfolio.tierThresholds)
  }

  /// Evaluates §7's pipeline: rows (§4.2, §4.4), sums, intents (§5.1), the
  /// intermediate clamp (§4.8), the multiplier (§6), final clamps, size and
  /// modes (§8). Refuses two inputs for the same channel.
  public static func evaluate(
    channels: [RegimeChannelInput], token: RegimeTokenContext, constants c: RegimeConstants,
    tiers: PortfolioConstants.TierThresholds
  ) throws(RegimeAEError) -> RegimeAEResult {
    let snapshot = try index(channels)
    let row =
      RegimeConstants.ExecTimeframe(rawValue: token.executionTimeframe)
      ?? c.execMultipliers.fallbackRow
    let rows = RegimeChannelRow.rows(
      snapshot: snapshot, bucket: token.bucket, execMultipliers: c.execMultipliers.row(row),
      constants: c)
    let sums = sum(rows, baseline: c.levers.baseline)
    let intent = IntentDeltas(token.intents, constants: c.intents)
    let cap = c.intents.cap
    let aPre = c.levers.aClamp.clamp(sums.a + clampAE(intent.dA, -cap, cap))
    let ePre = c.levers.eClamp.clamp(sums.e + clampAE(intent.dE, -cap, cap))
    let bucket = BucketMultiplierResult(
      label: token.capLabel, context: token.bucketPhases, config: c.bucketMultiplier)
    let m = bucket.multiplier
    let a = c.levers.aClamp.clamp(aPre * m)
    let e = c.levers.eClamp.clamp(ePre / max(m, c.levers.eDivisorFloor))
    return RegimeAEResult(
      executionTimeframe: token.executionTimeframe, execRow: row, bucketDriver: token.bucket,
      channels: rows, staleChannels: names(rows, .stale), missingChannels: names(rows, .missing),
      snapshotMissing: rows.allSatisfy { $0.status == .missing }, aSum: sums.a, eSum: sums.e,
      intent: intent, aPre: aPre, ePre: ePre, bucket: bucket, aValue: a, eValue: e,
      positionSizeFrac: c.levers.positionSizeIntercept + c.levers.positionSizeSlope * a,
      aMode: AEMode(a, thresholds: c.aeModes), eMode: AEMode(e, thresholds: c.aeModes),
      aSizeTier: SizeTierLevel(a, thresholds: tiers), eSizeTier: SizeTierLevel(e, thresholds: tiers)
    )
  }

  /// The inputs by channel (lookup only, never iterated into a sum);
  /// `missing` inputs are dropped, duplicates refused.
  static func index(
    _ channels: [RegimeChannelInput]
  ) throws(RegimeAEError) -> [RegimeChannelKey: RegimeChannelInput] {
    var byKey: [RegimeChannelKey: RegimeChannelInput] = [:]
    for channel in channels {
      guard byKey[channel.key] == nil else { throw .duplicateChannel(channel.key) }
      byKey[channel.key] = channel
    }
    return byKey
  }

  /// §4.4: start from the baseline and add each row's terms in row order.
  static func sum(_ rows: [RegimeChannelRow], baseline: RegimeConstants.AEPair) -> (
    a: Double, e: Double
  ) {
    var a = baseline.a
    var e = baseline.e
    for row in rows {
      a += row.aTerm
      e += row.eTerm
    }
    return (a, e)
  }

  /// Names of the rows with a status, in row order; bucket rows of a token
  /// without a bucket driver are not listed (they have no channel).
  static func names(_ rows: [RegimeChannelRow], _ status: RegimeChannelStatus) -> [String] {
    rows.compactMap { row in
      guard row.status == status, let driver = row.driver else { return nil }
      return RegimeChannelKey(driver: driver, timeframe: row.timeframe).name
    }
  }
}

extension RegimeConstants.Interval {
  /// `clamp(x, lower, upper)` (§0.3).
  func clamp(_ x: Double) -> Double { clampAE(x, lower, upper) }
}

extension RegimeConstants.ExecMultipliers {
  /// The multiplier row of an execution timeframe (§4.1).
  func row(_ tf: RegimeConstants.ExecTimeframe) -> RegimeConstants.PerHorizon<Double> {
    switch tf {
    case .oneMinute: oneMinute
    case .fiveMinutes: fiveMinutes
    case .fifteenMinutes: fifteenMinutes
    case .oneHour: oneHour
    case .fourHours: fourHours
    case .oneDay: oneDay
    }
  }
}
