/// The TS gate, S/R boost and every buy, trim and first-dip check of §6.
public enum UptrendGates {
  /// TS (§7.1): `clamp01((rsiW + adxW) / 2)`.
  public static func trendStrength(_ x: UptrendInputs) -> Double {
    let c = x.constants
    let rsiW = TAPrimitives.clamp01((x.ta.rsiSlope10 + c.tsRsiSlopeOffset) / c.tsRsiSlopeRange)
    let adxW = TAPrimitives.clamp01((x.ta.adxSlope10 + c.tsAdxSlopeOffset) / c.tsAdxSlopeRange)
    return TAPrimitives.clamp01((rsiW + adxW) / 2)
  }

  /// FL-02: the S/R boost at an anchor EMA, saturating at 0.25.
  public static func srBoost(anchor a: Double, _ x: UptrendInputs) -> Double {
    let c = x.constants
    let atr = x.ta.atr
    if x.levels.isEmpty || atr <= 0 { return 0 }
    let halo = c.srBoostHaloAtr * atr
    var best = 0.0
    for level in x.levels {
      let d = abs(level.price - a)
      if d <= halo { best = max(best, level.strength * (1 - d / halo) * c.srBoostScale) }
    }
    return min(best, c.srBoostMax)
  }

  /// FL-10: the S1 buy signal, anchored on EMA60.
  public static func s1BuyCheck(_ x: UptrendInputs) -> GateCheck {
    let e = x.ema
    let ta = x.ta
    return gate(
      x, anchor: e.ema60, haloAtr: x.constants.s1EntryHaloAtr,
      slopes: (ta.slope60, ta.slope144), slopeOk: ta.slope60 > 0 || ta.slope144 >= 0)
  }

  /// FL-11: the S2 retest buy, anchored on EMA333.
  public static func s2RetestCheck(_ x: UptrendInputs) -> GateCheck {
    let ta = x.ta
    return gate(
      x, anchor: x.ema.ema333, haloAtr: x.constants.s2RetestHaloAtr,
      slopes: (ta.slope250, ta.slope333), slopeOk: ta.slope250 > 0 || ta.slope333 >= 0)
  }

  private static func gate(
    _ x: UptrendInputs, anchor: Double, haloAtr: Double, slopes: (Double, Double), slopeOk: Bool
  ) -> GateCheck {
    let atr = x.ta.atr
    let halo = haloAtr * atr
    let ts = trendStrength(x)
    let boost = srBoost(anchor: anchor, x)
    // D-14: with zero ATR the entry zone is closed.
    let entryOk = atr > 0 && abs(x.price - anchor) <= halo
    let tsOk = ts + boost >= x.constants.tsThreshold
    return GateCheck(
      entryZoneOk: entryOk, slopeOk: slopeOk, tsOk: tsOk, pass: entryOk && slopeOk && tsOk,
      tsScore: ts, tsWithBoost: ts + boost, srBoost: boost, atr: atr, halo: halo, price: x.price,
      anchor: anchor, slopeA: slopes.0, slopeB: slopes.1)
  }

  /// FL-12: trim when OX reaches 0.65 and any level lies within 1 ATR of the price.
  public static func trimCheck(ox: Double, _ x: UptrendInputs) -> (flag: Bool, check: TrimCheck) {
    let atr = x.ta.atr
    let halo = x.constants.trimHaloAtr * atr
    var near = false
    var closest: (price: Double, distance: Double)?
    for level in x.levels where level.price > 0 {
      let d = abs(x.price - level.price)
      if atr > 0 && d <= halo { near = true }
      if closest == nil || d < closest!.distance { closest = (level.price, d) }
    }
    let check = TrimCheck(
      ox: ox, nearSR: near, closestLevel: closest?.price, closestDistance: closest?.distance,
      halo: halo)
    return (ox >= x.constants.trimOxThreshold && near, check)
  }

  /// FL-13: the S3 discount buy from DX, EDX and the EMA144–EMA333 hallway.
  public static func s3BuyCheck(dx: Double, edx: Double, emergencyExit: Bool, _ x: UptrendInputs)
    -> S3BuyCheck
  {
    let c = x.constants
    let e = x.ema
    let p = x.price
    let inDiscount = e.ema144 > 0 && p <= e.ema144
    let slopeOk = x.ta.slope250 > 0 || x.ta.slope333 >= 0
    let ts = trendStrength(x)
    let boost = srBoost(anchor: e.ema333, x)
    let tsOk = ts + boost >= c.tsThreshold
    let supp =
      edx >= c.dxBuyEdxHigh
      ? c.dxBuyEdxHighAdd : (edx >= c.dxBuyEdxLow ? (edx - c.dxBuyEdxLow) * c.dxBuyEdxSlope : 0)
    let adjusted = c.dxBuyThreshold + supp
    let ppBoost = pricePositionBoost(inDiscount: inDiscount, x)
    let final = max(0, adjusted - ppBoost)
    let dxOk = dx >= final
    return S3BuyCheck(
      inDiscount: inDiscount, dx: dx, thresholdBase: c.dxBuyThreshold, edxSuppression: supp,
      thresholdAdjusted: adjusted, pricePositionBoost: ppBoost, thresholdFinal: final, dxOk: dxOk,
      slopeOk: slopeOk, tsOk: tsOk, slope250: x.ta.slope250, slope333: x.ta.slope333, tsScore: ts,
      tsWithBoost: ts + boost, srBoost: boost, emergencyExit: emergencyExit,
      pass: dxOk && inDiscount && slopeOk && tsOk && !emergencyExit)
  }

  /// The price-position boost of FL-13 as the reference computes it (spec
  /// D-15), or as intended under `dxPricePositionIntended`.
  private static func pricePositionBoost(inDiscount: Bool, _ x: UptrendInputs) -> Double {
    let c = x.constants
    let e = x.ema
    guard inDiscount else { return 0 }
    var pos: Double?
    if c.dxPricePositionIntended {
      if e.ema144 > e.ema333 { pos = (e.ema144 - x.price) / (e.ema144 - e.ema333) }
    } else if e.ema333 > e.ema144 {
      pos = (x.price - e.ema144) / (e.ema333 - e.ema144)
    }
    guard let pos else { return 0 }
    return pos * c.dxBuyPositionUp - (1 - pos) * c.dxBuyPositionDown
  }

  /// FL-14: the one-shot first-dip buy of an S3 episode (stay bars only).
  public static func firstDipCheck(barsSinceS3 k: Int, taken: Bool, _ x: UptrendInputs)
    -> FirstDipCheck
  {
    let c = x.constants
    let e = x.ema
    let atr = x.ta.atr
    let boost = srBoost(anchor: e.ema333, x)
    let ts = trendStrength(x)
    var check = FirstDipCheck(
      reason: nil, barsSinceS3: k, option1: false, option2: false, slopeOk: false, tsOk: false,
      pass: false, tsWithBoost: ts + boost, srBoost: boost)
    if taken {
      check.reason = .alreadyTaken
    } else if e.ema20 <= 0 || e.ema30 <= 0 || e.ema60 <= 0 || e.ema333 <= 0 {
      check.reason = .invalidEmas
    } else if x.price < e.ema333 {
      check.reason = .emergencyExitBelow333
    } else if atr <= 0 {
      check.reason = .invalidAtr
    }
    guard check.reason == nil else { return check }
    let halo = c.firstDipHaloAtr * atr
    let p = x.price
    check.slopeOk = x.ta.slope144 > 0 || x.ta.slope250 >= 0
    check.tsOk = ts + boost >= c.firstDipTsThreshold
    check.option1 =
      k <= c.firstDipFastBars && (abs(p - e.ema20) <= halo || abs(p - e.ema30) <= halo)
    check.option2 = k <= c.firstDipMidBars && abs(p - e.ema60) <= halo
    check.pass = (check.option1 || check.option2) && check.slopeOk && check.tsOk
    return check
  }
}
