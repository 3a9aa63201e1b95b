import Engines
import EventLog
import SwiftProtobuf

/// The engine records as the payloads of EVENTS §8.2 (`Schemas/engine.proto`).
enum EnginePayloads {
  /// `TaUpdated` (201).
  static func taUpdated(_ s: TASnapshot) -> Ledger_V1_TaUpdated {
    var m = Ledger_V1_TaUpdated()
    m.barIndex = Int64(s.barIndex)
    (m.ema20, m.ema30, m.ema50, m.ema60) = (s.ema20, s.ema30, s.ema50, s.ema60)
    (m.ema144, m.ema250, m.ema333) = (s.ema144, s.ema250, s.ema333)
    (m.slope20, m.slope60, m.slope144) = (s.slope20, s.slope60, s.slope144)
    (m.slope250, m.slope333, m.dSlope144) = (s.slope250, s.slope333, s.dSlope144)
    (m.dSlope60, m.dSlope250, m.dSlope333) = (s.dSlope60, s.dSlope250, s.dSlope333)
    (m.dsepFast5, m.dsepMid5, m.atr, m.atrMean20) = (s.dsepFast5, s.dsepMid5, s.atr, s.atrMean20)
    (m.adx, m.adxSlope10, m.rsi, m.rsiSlope10) = (s.adx, s.adxSlope10, s.rsi, s.rsiSlope10)
    m.voZ = s.voZ
    m.atrNorm = s.atrNorm
    m.atrPeak10 = s.atrPeak10
    m.voZCluster = s.voZCluster
    return m
  }

  /// `SrLevels` (202), levels price descending.
  static func srLevels(_ r: SRRefresh, barIndex: Int) -> Ledger_V1_SrLevels {
    var m = Ledger_V1_SrLevels()
    m.barIndex = Int64(barIndex)
    m.levels = r.levels.map(level)
    m.swingHighs = Int32(clamping: r.swingHighs)
    m.swingLows = Int32(clamping: r.swingLows)
    return m
  }

  static func level(_ l: SRLevel) -> Ledger_V1_SrLevel {
    var m = Ledger_V1_SrLevel()
    m.price = l.price
    m.strength = l.strength
    m.kind =
      switch l.kind {
      case .cluster: .cluster
      case .ath: .ath
      case .atl: .atl
      case .fibRetracement: .fibRetracement
      case .fibExtension: .fibExtension
      }
    return m
  }

  /// Engine levels from an `SrLevels` / `SrLevelsInjected` payload.
  static func levels(_ levels: [Ledger_V1_SrLevel]) -> [SRLevel] {
    levels.map { l in
      let kind: SRLevel.Kind =
        switch l.kind {
        case .ath: .ath
        case .atl: .atl
        case .fibRetracement: .fibRetracement
        case .fibExtension: .fibExtension
        default: .cluster
        }
      return SRLevel(price: l.price, strength: l.strength, kind: kind)
    }
  }

  static func trendState(_ s: UptrendState) -> Ledger_V1_TrendState {
    switch s {
    case .s0: .s0
    case .s1: .s1
    case .s2: .s2
    case .s3: .s3
    case .s4: .s4
    }
  }

  /// `UptrendState` (204).
  static func uptrendState(_ o: UptrendBarOutput) -> Ledger_V1_UptrendState {
    var m = Ledger_V1_UptrendState()
    m.barIndex = Int64(o.barIndex)
    m.state = trendState(o.state)
    if let p = o.prevState { m.prevState = trendState(p) }
    m.bootstrapped = o.bootstrapped
    m.price = o.price
    m.ema = ladder(o.ema)
    m.atr = o.atr
    let f = o.flags
    (m.buySignal, m.buyFlag, m.trimFlag, m.firstDipBuyFlag) =
      (f.buySignal, f.buyFlag, f.trimFlag, f.firstDipBuyFlag)
    (m.emergencyExit, m.reclaimedEma333, m.exitPosition, m.watchOnly) =
      (f.emergencyExit, f.reclaimedEma333, f.exitPosition, f.watchOnly)
    if let k = o.buyKind { m.buyKind = buyKind(k) }
    if let r = o.exitReason { m.exitReason = exitReason(r) }
    m.scores = scores(o.scores)
    if let v = o.s3StartBarIndex { m.s3StartBarIndex = Int64(v) }
    if let v = o.s3StartTime { m.s3StartTime = v }
    if let v = o.barsSinceS3 { m.barsSinceS3 = Int64(v) }
    m.diagnostics = EngineDiagnosticPayloads.diagnostics(o.diagnostics)
    return m
  }

  /// `UptrendStateChanged` (205) of a bar with a transition.
  static func uptrendStateChanged(_ o: UptrendBarOutput, _ t: UptrendTransition)
    -> Ledger_V1_UptrendStateChanged
  {
    var m = Ledger_V1_UptrendStateChanged()
    m.barIndex = Int64(o.barIndex)
    m.from = trendState(t.from)
    m.to = trendState(t.to)
    m.isEmergencyExit = t.isEmergencyExit
    if let r = o.exitReason { m.exitReason = exitReason(r) }
    m.bootstrapped = o.bootstrapped
    return m
  }

  static func ladder(_ e: EmaLadder) -> Ledger_V1_EmaLadder {
    var m = Ledger_V1_EmaLadder()
    (m.ema20, m.ema30, m.ema60, m.ema144, m.ema250, m.ema333) =
      (e.ema20, e.ema30, e.ema60, e.ema144, e.ema250, e.ema333)
    return m
  }

  static func scores(_ s: UptrendScores) -> Ledger_V1_UptrendScores {
    var m = Ledger_V1_UptrendScores()
    if let v = s.ts { m.ts = v }
    if let v = s.tsWithBoost { m.tsWithBoost = v }
    if let v = s.srBoost { m.srBoost = v }
    if let v = s.ox { m.ox = v }
    if let v = s.dx { m.dx = v }
    if let v = s.edx { m.edx = v }
    return m
  }

  static func buyKind(_ k: BuyKind) -> Ledger_V1_BuyKind {
    switch k {
    case .s1Ema60: .s1Ema60
    case .s2RetestEma333: .s2RetestEma333
    case .s3Dx: .s3Dx
    }
  }

  static func exitReason(_ r: ExitReason) -> Ledger_V1_ExitReason {
    switch r {
    case .s1ToS0BearishOrder: .s1ToS0BearishOrder
    case .s2ToS0BearishOrder: .s2ToS0BearishOrder
    case .allEmasBelow333: .allEmasBelow333
    }
  }
}
