import Foundation

/// The overextension (OX) and discount (DX) scores of §7.2 and §7.3.
public enum UptrendScoring {
  /// The ATR mean OX and DX compare with: the 20-mean, else the ATR, else 1.
  static func atrMean(_ x: UptrendInputs) -> Double {
    x.ta.atrMean20 > 0 ? x.ta.atrMean20 : (x.ta.atr > 0 ? x.ta.atr : 1.0)
  }

  /// SC-10…SC-12: OX, clamped, with its EDX multiplier (`edx` nil in S2).
  public static func ox(edx: Double?, _ x: UptrendInputs) -> (value: Double, terms: OxComponents) {
    let c = x.constants
    let ta = x.ta
    let p = x.price
    let atr = ta.atr
    let e = x.ema
    func rail(_ ema: Double, _ k: Double) -> Double {
      atr > 0 ? TAPrimitives.sigmoid((p - ema) / max(atr * k, 1e-9)) : 0
    }
    let railFast = rail(e.ema20, c.oxRailK[0])
    let railMid = rail(e.ema60, c.oxRailK[1])
    let rail144 = rail(e.ema144, c.oxRailK[2])
    let rail250 = rail(e.ema250, c.oxRailK[3])
    let expFast = TAPrimitives.sigmoid(ta.dsepFast5 / c.oxExpFastK)
    let expMid = TAPrimitives.sigmoid(ta.dsepMid5 / c.oxExpMidK)
    let atrSurge = TAPrimitives.sigmoid(atr / max(atrMean(x), 1e-9) - 1)
    let fragility = TAPrimitives.sigmoid(-ta.slope20 / c.oxFragilityK)
    let w = c.oxWeights
    let base =
      w[0] * railFast + w[1] * railMid + w[2] * rail144 + w[3] * rail250 + w[4] * expFast
      + w[5] * expMid + w[6] * atrSurge + w[7] * fragility
    var multiplier = 1.0
    if let edx {
      multiplier = 1 + c.oxEdxBoost * min(max(edx - c.oxEdxBoostCentre, 0), c.oxEdxBoostCap)
    }
    let terms = OxComponents(
      railFast: railFast, railMid: railMid, rail144: rail144, rail250: rail250, expFast: expFast,
      expMid: expMid, atrSurge: atrSurge, fragility: fragility, base: base, multiplier: multiplier)
    return (TAPrimitives.clamp01(base * multiplier), terms)
  }

  /// SC-20: DX, with the EDX suppression.
  public static func dx(edx: Double, _ x: UptrendInputs) -> (value: Double, terms: DxComponents) {
    let c = x.constants
    let ta = x.ta
    let p = x.price
    let e144 = x.ema.ema144
    let e333 = x.ema.ema333
    let position: Double
    let bw: Double
    if e144 > e333 {
      position = TAPrimitives.clamp01((p - e333) / max(e144 - e333, 1e-9))
      bw = e144 - e333
    } else if e333 > e144 {
      position = TAPrimitives.clamp01((p - e144) / max(e333 - e144, 1e-9))
      bw = e333 - e144
    } else {
      position = p <= e144 ? 1 : 0
      bw = max(e333, e144) * c.dxEqualBandFraction
    }
    let compMult = TAPrimitives.sigmoid(
      (c.dxCompressionCentre - bw / max(p, 1e-9)) / c.dxCompressionScale)
    let location = exp(-c.dxLocationDecay * position) * (1 + c.dxCompressionWeight * compMult)
    let exhaustion = TAPrimitives.clamp01(TAPrimitives.sigmoid(-ta.voZ))
    let atrRelief = TAPrimitives.sigmoid(
      (ta.atr / max(atrMean(x), 1e-9) - c.dxAtrReliefCentre) / c.dxAtrReliefScale)
    let rsiRelief = TAPrimitives.sigmoid(ta.rsiSlope10 / c.dxRsiReliefK)
    let adxRelief =
      ta.adx >= c.dxAdxFloor ? TAPrimitives.sigmoid(ta.adxSlope10 / c.dxAdxReliefK) : 0
    let relief = 0.5 * atrRelief + 0.5 * (0.5 * rsiRelief + 0.5 * adxRelief)
    let curl = ta.dSlope144 > 0 ? 1.0 : 0.0
    let w = c.dxWeights
    let base = w[0] * location + w[1] * exhaustion + w[2] * relief + w[3] * curl
    let supp = min(max(edx - c.dxEdxSuppressionStart, 0), c.dxEdxSuppressionCap)
    let terms = DxComponents(
      x: position, bandWidth: bw, compMult: compMult, location: location, exhaustion: exhaustion,
      atrRelief: atrRelief, rsiRelief: rsiRelief, adxRelief: adxRelief, relief: relief, curl: curl,
      base: base, suppression: supp)
    return (TAPrimitives.clamp01(base * (1 - c.dxEdxSuppressionFactor * supp)), terms)
  }
}
