import Foundation
import SwiftProtobuf

@testable import EventLog

/// Derived engine events for the catalog tests: each type fully populated
/// and minimal, with causes that point into `CatalogFixtures.all` followed
/// by `DerivedFixtures.full` (offsets 0… of a log that holds them in order).
enum DerivedFixtures {
  static let stream = "BTC@coinbase/1h"
  static let formula: UInt64 = 0x1234_5678_9abc_def0
  /// Offsets in a log holding `CatalogFixtures.all` then `full`.
  static let candleOffset: UInt64 = 0
  static let injectedOffset: UInt64 = 5
  static let taOffset: UInt64 = 10
  static let srOffset: UInt64 = 11
  static let stateOffset: UInt64 = 12

  static func event(_ type: EventType, _ payload: [UInt8], causes: [UInt64]) -> Event {
    Event(
      eventTime: CatalogFixtures.hourClose, type: type, isDerived: true, stream: stream,
      formula: formula, causes: causes, payload: payload)
  }

  static func causes(of type: EventType) -> [UInt64] {
    switch type {
    case .taUpdated, .srLevels: return [candleOffset]
    case .uptrendState: return [candleOffset, taOffset, srOffset]
    default: return [stateOffset]
    }
  }

  /// One fully populated example of each derived type, at offsets 10… after
  /// `CatalogFixtures.all`, with the JSON text `cat` shows for it.
  static var full: [CatalogExample] {
    func example(_ type: EventType, _ payload: [UInt8], _ json: String) -> CatalogExample {
      CatalogExample(
        type: type, stream: stream, eventTime: CatalogFixtures.hourClose, payload: payload,
        json: json, causes: causes(of: type), formula: formula)
    }
    return [
      example(
        .taUpdated, CatalogFixtures.pb(ta()),
        #"{"bar_index":20110,"ema20":8221.5,"ema30":8219.25,"ema50":8210.125,"ema60":8105.56509599135,"ema144":8204.8033023487,"ema250":8254.596797393353,"ema333":8305.563650387357,"slope20":0.00031,"slope60":-0.00012,"slope144":-0.0004021285569586241,"slope250":-0.0002746946344946933,"slope333":-0.00024111695610431086,"d_slope144":7.024119961390263e-05,"d_slope60":-1.5e-05,"d_slope250":2.5e-06,"d_slope333":-3.75e-06,"dsep_fast5":0.0012,"dsep_mid5":-0.0005051327522883984,"atr":41.75,"atr_mean20":44.5,"adx":18.25,"adx_slope10":-0.35,"rsi":47.5,"rsi_slope10":0.8,"vo_z":-1.6235250322776504,"atr_norm":0.005084,"atr_peak10":52.0,"vo_z_cluster":false}"#
      ),
      example(
        .srLevels, CatalogFixtures.pb(sr()),
        #"{"bar_index":20100,"levels":[{"price":9000.0,"strength":3.0,"kind":"cluster"},{"price":8500.0,"strength":137.0,"kind":"ath"},{"price":8500.0,"strength":1.0,"kind":"fib_retracement"},{"price":7200.5,"strength":2.0,"kind":"atl"}],"swing_highs":14,"swing_lows":11}"#
      ),
      example(
        .uptrendState, CatalogFixtures.pb(state()),
        #"{"bar_index":20110,"state":"S3","prev_state":"S3","bootstrapped":true,"price":8300.5,"ema":{"ema20":8221.5,"ema30":8219.25,"ema60":8105.5,"ema144":8204.75,"ema250":8254.5,"ema333":8305.5},"atr":41.75,"#
          + #""buy_signal":false,"buy_flag":true,"trim_flag":true,"first_dip_buy_flag":true,"emergency_exit":true,"reclaimed_ema333":true,"exit_position":true,"watch_only":true,"buy_kind":"s3_dx","exit_reason":"state_transition_to_s0","#
          + #""scores":{"ts":0.61,"ts_with_boost":0.71,"sr_boost":0.1,"ox":0.25,"dx":0.824504,"edx":0.219},"meta":{"s3_start_bar_index":19000,"s3_start_ts":"2024-04-16T06:00:00.000Z","bars_since_s3":1110},"#
          + #""diagnostics":{"buy_check":{"entry_zone_ok":true,"slope_ok":true,"ts_ok":false,"pass":false,"ts_score":0.55,"ts_with_boost":0.6,"sr_boost":0.05,"atr":41.75,"halo":20.875,"price":8300.5,"ema_anchor":8105.5,"ema60_slope":-0.00012,"ema144_slope":0.0002},"#
          + #""s2_retest_check":{"entry_zone_ok":true,"slope_ok":false,"ts_ok":true,"pass":true,"ts_score":0.5,"ts_with_boost":0.65,"sr_boost":0.15,"atr":41.75,"halo":41.75,"price":8300.5,"ema_anchor":8305.5,"ema250_slope":-0.0002746946344946933,"ema333_slope":0.000125},"#
          + #""trim":{"ox":0.72,"near_sr":true,"closest_level":8500.0,"closest_distance":199.5,"halo":41.75},"#
          + #""s3_buy_check":{"price":8300.5,"ema144":8204.75,"ema333":8305.5,"price_in_discount_zone":true,"dx":0.824504,"dx_threshold_base":0.6,"edx_suppression":0.05,"dx_threshold_adjusted":0.65,"price_position_boost":-0.02,"dx_threshold_final":0.63,"dx_ok":true,"slope_ok":true,"ema250_slope":0.00021,"ema333_slope":0.00011,"ts_ok":true,"ts_score":0.61,"ts_with_boost":0.71,"sr_boost":0.1,"emergency_exit":false,"buy_flag":true},"#
          + #""ox":{"rail_fast":0.1,"rail_mid":0.2,"rail_144":0.3,"rail_250":0.4,"exp_fast":0.5,"exp_mid":0.6,"atr_surge":0.7,"fragility":0.8,"base":0.9,"multiplier":1.25},"#
          + #""dx":{"x":0.25,"band_width":3.5,"comp_mult":1.1,"dx_location":0.75,"exhaustion":0.125,"atr_relief":0.05,"rsi_relief":0.0625,"adx_relief":0.03125,"relief":0.14375,"curl":-0.01,"base":0.8,"suppression":0.02},"#
          + #""edx":{"status":"computed","bars_since_s3":1110,"window1_bars":370,"window2_bars":740,"window3_bars":1110,"w1_slow":0.31,"w2_slow":0.32,"w3_slow":0.33,"w1_struct":0.41,"w2_struct":0.42,"w3_struct":0.43,"w1_part":0.51,"w2_part":0.52,"w3_part":0.53,"w1_comp":0.61,"w2_comp":0.62,"w3_comp":0.63,"edx_slow":0.32,"edx_struct":0.42,"edx_part":0.52,"edx_geom":0.62},"#
          + #""first_dip":{"reason":"already_taken","bars_since_s3":1110,"option1":true,"option2":false,"slope_ok":true,"ts_ok":true,"pass":true,"ts_with_boost":0.71,"sr_boost":0.1},"bootstrap":"s3_from_s4"}}"#
      ),
      example(
        .uptrendStateChanged, CatalogFixtures.pb(changed()),
        #"{"bar_index":20110,"from":"S3","to":"S0","is_emergency_exit":true,"exit_reason":"all_emas_below_333","bootstrapped":true}"#
      ),
    ]
  }

  // MARK: Full payloads

  static func ta() -> Ledger_V1_TaUpdated {
    var m = Ledger_V1_TaUpdated()
    m.barIndex = 20110
    m.ema20 = 8221.5
    m.ema30 = 8219.25
    m.ema50 = 8210.125
    m.ema60 = 8105.56509599135
    m.ema144 = 8204.8033023487
    m.ema250 = 8254.596797393353
    m.ema333 = 8305.563650387357
    m.slope20 = 0.00031
    m.slope60 = -0.00012
    m.slope144 = -0.0004021285569586241
    m.slope250 = -0.0002746946344946933
    m.slope333 = -0.00024111695610431086
    m.dSlope144 = 7.024119961390263e-05
    m.dSlope60 = -1.5e-05
    m.dSlope250 = 2.5e-06
    m.dSlope333 = -3.75e-06
    m.dsepFast5 = 0.0012
    m.dsepMid5 = -0.0005051327522883984
    m.atr = 41.75
    m.atrMean20 = 44.5
    m.adx = 18.25
    m.adxSlope10 = -0.35
    m.rsi = 47.5
    m.rsiSlope10 = 0.8
    m.voZ = -1.6235250322776504
    m.atrNorm = 0.005084
    m.atrPeak10 = 52.0
    m.voZCluster = false
    return m
  }

  static func sr() -> Ledger_V1_SrLevels {
    var m = Ledger_V1_SrLevels()
    m.barIndex = 20100
    m.levels = [
      CatalogFixtures.level(9000, 3, .cluster), CatalogFixtures.level(8500, 137, .ath),
      CatalogFixtures.level(8500, 1, .fibRetracement), CatalogFixtures.level(7200.5, 2, .atl),
    ]
    m.swingHighs = 14
    m.swingLows = 11
    return m
  }

  static func state() -> Ledger_V1_UptrendState {
    var m = Ledger_V1_UptrendState()
    m.barIndex = 20110
    m.state = .s3
    m.prevState = .s3
    m.bootstrapped = true
    m.price = 8300.5
    m.ema.ema20 = 8221.5
    m.ema.ema30 = 8219.25
    m.ema.ema60 = 8105.5
    m.ema.ema144 = 8204.75
    m.ema.ema250 = 8254.5
    m.ema.ema333 = 8305.5
    m.atr = 41.75
    m.buySignal = false
    m.buyFlag = true
    m.trimFlag = true
    m.firstDipBuyFlag = true
    m.emergencyExit = true
    m.reclaimedEma333 = true
    m.exitPosition = true
    m.watchOnly = true
    m.buyKind = .s3Dx
    m.exitReason = .stateTransitionToS0
    m.scores.ts = 0.61
    m.scores.tsWithBoost = 0.71
    m.scores.srBoost = 0.1
    m.scores.ox = 0.25
    m.scores.dx = 0.824504
    m.scores.edx = 0.219
    m.s3StartBarIndex = 19000
    m.s3StartTime = 1_713_247_200_000
    m.barsSinceS3 = 1110
    var buy: Ledger_V1_S1BuyCheck = gate(
      oks: (true, true, false, false), ts: (0.55, 0.6, 0.05), halo: 20.875, anchor: 8105.5)
    (buy.slope60, buy.slope144) = (-0.00012, 0.0002)
    m.diagnostics.buyCheck = buy
    var retest: Ledger_V1_S2RetestCheck = gate(
      oks: (true, false, true, true), ts: (0.5, 0.65, 0.15), halo: 41.75, anchor: 8305.5)
    (retest.slope250, retest.slope333) = (-0.0002746946344946933, 0.000125)
    m.diagnostics.s2RetestCheck = retest
    var trim = Ledger_V1_TrimCheck()
    trim.ox = 0.72
    trim.nearSr = true
    trim.closestLevel = 8500
    trim.closestDistance = 199.5
    trim.halo = 41.75
    m.diagnostics.trim = trim
    var s3 = Ledger_V1_S3BuyCheck()
    s3.inDiscount = true
    s3.dx = 0.824504
    s3.thresholdBase = 0.6
    s3.edxSuppression = 0.05
    s3.thresholdAdjusted = 0.65
    s3.pricePositionBoost = -0.02
    s3.thresholdFinal = 0.63
    s3.dxOk = true
    s3.slopeOk = true
    s3.tsOk = true
    s3.slope250 = 0.00021
    s3.slope333 = 0.00011
    s3.tsScore = 0.61
    s3.tsWithBoost = 0.71
    s3.srBoost = 0.1
    s3.emergencyExit = false
    s3.pass = true
    m.diagnostics.s3BuyCheck = s3
    var ox = Ledger_V1_OxComponents()
    (ox.railFast, ox.railMid, ox.rail144, ox.rail250) = (0.1, 0.2, 0.3, 0.4)
    (ox.expFast, ox.expMid, ox.atrSurge, ox.fragility) = (0.5, 0.6, 0.7, 0.8)
    (ox.base, ox.multiplier) = (0.9, 1.25)
    m.diagnostics.ox = ox
    var dx = Ledger_V1_DxComponents()
    (dx.x, dx.bandWidth, dx.compMult, dx.location) = (0.25, 3.5, 1.1, 0.75)
    (dx.exhaustion, dx.atrRelief, dx.rsiRelief, dx.adxRelief) = (0.125, 0.05, 0.0625, 0.03125)
    (dx.relief, dx.curl, dx.base, dx.suppression) = (0.14375, -0.01, 0.8, 0.02)
    m.diagnostics.dx = dx
    var edx = Ledger_V1_EdxDiagnostics()
    edx.status = .computed
    edx.barsSinceS3 = 1110
    (edx.w1, edx.w2, edx.w3) = (370, 740, 1110)
    (edx.slowW1, edx.slowW2, edx.slowW3) = (0.31, 0.32, 0.33)
    (edx.structureW1, edx.structureW2, edx.structureW3) = (0.41, 0.42, 0.43)
    (edx.participationW1, edx.participationW2, edx.participationW3) = (0.51, 0.52, 0.53)
    (edx.compressionW1, edx.compressionW2, edx.compressionW3) = (0.61, 0.62, 0.63)
    (edx.slowCombined, edx.structureCombined) = (0.32, 0.42)
    (edx.participationCombined, edx.compressionCombined) = (0.52, 0.62)
    m.diagnostics.edx = edx
    var dip = Ledger_V1_FirstDipCheck()
    dip.reason = .alreadyTaken
    dip.barsSinceS3 = 1110
    (dip.option1, dip.option2, dip.slopeOk, dip.tsOk, dip.pass) = (true, false, true, true, true)
    (dip.tsWithBoost, dip.srBoost) = (0.71, 0.1)
    m.diagnostics.firstDip = dip
    m.diagnostics.bootstrap = .s3FromS4
    return m
  }

  /// A gate check on the bar of `state()` (price 8300.5, atr 41.75):
  /// `oks` = (entry zone, slope, ts, pass), `ts` = (score, with boost, boost).
  static func gate<M: UptrendStateJSON.GateCheck & SwiftProtobuf.Message>(
    oks: (Bool, Bool, Bool, Bool), ts: (Double, Double, Double), halo: Double, anchor: Double
  ) -> M {
    var g = M()
    (g.entryZoneOk, g.slopeOk, g.tsOk, g.pass) = oks
    (g.tsScore, g.tsWithBoost, g.srBoost) = ts
    (g.atr, g.halo, g.price, g.anchor) = (41.75, halo, 8300.5, anchor)
    return g
  }

  static func changed() -> Ledger_V1_UptrendStateChanged {
    var m = Ledger_V1_UptrendStateChanged()
    m.barIndex = 20110
    m.from = .s3
    m.to = .s0
    m.isEmergencyExit = true
    m.exitReason = .allEmasBelow333
    m.bootstrapped = true
    return m
  }

  // MARK: Minimal payloads

  static func minimalTa() -> Ledger_V1_TaUpdated {
    var m = Ledger_V1_TaUpdated()
    m.ema20 = 1
    return m
  }

  static func minimalSr() -> Ledger_V1_SrLevels { Ledger_V1_SrLevels() }

  static func minimalState() -> Ledger_V1_UptrendState {
    var m = Ledger_V1_UptrendState()
    m.state = .s4
    m.price = 1
    m.ema = Ledger_V1_EmaLadder()
    m.scores = Ledger_V1_UptrendScores()
    m.diagnostics = Ledger_V1_UptrendDiagnostics()
    return m
  }

  static func minimalChanged() -> Ledger_V1_UptrendStateChanged {
    var m = Ledger_V1_UptrendStateChanged()
    m.from = .s4
    m.to = .s3
    return m
  }

  /// The minimal payloads, by type.
  static var minimal: [(EventType, [UInt8])] {
    [
      (.taUpdated, CatalogFixtures.pb(minimalTa())), (.srLevels, CatalogFixtures.pb(minimalSr())),
      (.uptrendState, CatalogFixtures.pb(minimalState())),
      (.uptrendStateChanged, CatalogFixtures.pb(minimalChanged())),
    ]
  }
}
