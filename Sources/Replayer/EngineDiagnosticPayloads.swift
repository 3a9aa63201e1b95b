import Engines
import EventLog

/// The diagnostics of an `UptrendState` payload (engines-ta-uptrend.md §8.1).
enum EngineDiagnosticPayloads {
  static func diagnostics(_ d: UptrendDiagnostics) -> Ledger_V1_UptrendDiagnostics {
    var m = Ledger_V1_UptrendDiagnostics()
    if let g = d.buyCheck { m.buyCheck = s1Check(g) }
    if let g = d.s2RetestCheck { m.s2RetestCheck = s2Check(g) }
    if let t = d.trim { m.trim = trim(t) }
    if let b = d.s3BuyCheck { m.s3BuyCheck = s3Check(b) }
    if let o = d.ox { m.ox = ox(o) }
    if let x = d.dx { m.dx = dx(x) }
    if let e = d.edx { m.edx = edx(e) }
    if let f = d.firstDip { m.firstDip = firstDip(f) }
    if let b = d.bootstrap { m.bootstrap = b == .s0FromS4 ? .s0FromS4 : .s3FromS4 }
    return m
  }

  static func s1Check(_ g: GateCheck) -> Ledger_V1_S1BuyCheck {
    var m = Ledger_V1_S1BuyCheck()
    (m.entryZoneOk, m.slopeOk, m.tsOk, m.pass) = (g.entryZoneOk, g.slopeOk, g.tsOk, g.pass)
    (m.tsScore, m.tsWithBoost, m.srBoost, m.atr) = (g.tsScore, g.tsWithBoost, g.srBoost, g.atr)
    (m.halo, m.price, m.anchor, m.slope60, m.slope144) = (
      g.halo, g.price, g.anchor, g.slopeA, g.slopeB
    )
    return m
  }

  static func s2Check(_ g: GateCheck) -> Ledger_V1_S2RetestCheck {
    var m = Ledger_V1_S2RetestCheck()
    (m.entryZoneOk, m.slopeOk, m.tsOk, m.pass) = (g.entryZoneOk, g.slopeOk, g.tsOk, g.pass)
    (m.tsScore, m.tsWithBoost, m.srBoost, m.atr) = (g.tsScore, g.tsWithBoost, g.srBoost, g.atr)
    (m.halo, m.price, m.anchor, m.slope250, m.slope333) = (
      g.halo, g.price, g.anchor, g.slopeA, g.slopeB
    )
    return m
  }

  static func trim(_ t: TrimCheck) -> Ledger_V1_TrimCheck {
    var m = Ledger_V1_TrimCheck()
    m.ox = t.ox
    m.nearSr = t.nearSR
    if let v = t.closestLevel { m.closestLevel = v }
    if let v = t.closestDistance { m.closestDistance = v }
    m.halo = t.halo
    return m
  }

  static func s3Check(_ b: S3BuyCheck) -> Ledger_V1_S3BuyCheck {
    var m = Ledger_V1_S3BuyCheck()
    (m.inDiscount, m.dx, m.thresholdBase, m.edxSuppression) =
      (b.inDiscount, b.dx, b.thresholdBase, b.edxSuppression)
    (m.thresholdAdjusted, m.pricePositionBoost, m.thresholdFinal) =
      (b.thresholdAdjusted, b.pricePositionBoost, b.thresholdFinal)
    (m.dxOk, m.slopeOk, m.tsOk, m.slope250, m.slope333) = (
      b.dxOk, b.slopeOk, b.tsOk, b.slope250, b.slope333
    )
    (m.tsScore, m.tsWithBoost, m.srBoost) = (b.tsScore, b.tsWithBoost, b.srBoost)
    (m.emergencyExit, m.pass) = (b.emergencyExit, b.pass)
    return m
  }

  static func ox(_ o: OxComponents) -> Ledger_V1_OxComponents {
    var m = Ledger_V1_OxComponents()
    (m.railFast, m.railMid, m.rail144, m.rail250) = (o.railFast, o.railMid, o.rail144, o.rail250)
    (m.expFast, m.expMid, m.atrSurge, m.fragility) = (o.expFast, o.expMid, o.atrSurge, o.fragility)
    (m.base, m.multiplier) = (o.base, o.multiplier)
    return m
  }

  static func dx(_ d: DxComponents) -> Ledger_V1_DxComponents {
    var m = Ledger_V1_DxComponents()
    (m.x, m.bandWidth, m.compMult, m.location) = (d.x, d.bandWidth, d.compMult, d.location)
    (m.exhaustion, m.atrRelief, m.rsiRelief, m.adxRelief) = (
      d.exhaustion, d.atrRelief, d.rsiRelief, d.adxRelief
    )
    (m.relief, m.curl, m.base, m.suppression) = (d.relief, d.curl, d.base, d.suppression)
    return m
  }

  static func edx(_ e: EdxDiagnostics) -> Ledger_V1_EdxDiagnostics {
    var m = Ledger_V1_EdxDiagnostics()
    m.status =
      switch e.status {
      case .insufficientS3Bars: .insufficientS3Bars
      case .insufficientData: .insufficientData
      case .computed: .computed
      }
    m.barsSinceS3 = Int64(e.barsSinceS3)
    if let v = e.w1 { m.w1 = Int64(v) }
    if let v = e.w2 { m.w2 = Int64(v) }
    if let v = e.w3 { m.w3 = Int64(v) }
    func at(_ a: [Double?], _ i: Int) -> Double? { i < a.count ? a[i] : nil }
    if let v = at(e.slow, 0) { m.slowW1 = v }
    if let v = at(e.slow, 1) { m.slowW2 = v }
    if let v = at(e.slow, 2) { m.slowW3 = v }
    if let v = at(e.structure, 0) { m.structureW1 = v }
    if let v = at(e.structure, 1) { m.structureW2 = v }
    if let v = at(e.structure, 2) { m.structureW3 = v }
    if let v = at(e.participation, 0) { m.participationW1 = v }
    if let v = at(e.participation, 1) { m.participationW2 = v }
    if let v = at(e.participation, 2) { m.participationW3 = v }
    if let v = at(e.compression, 0) { m.compressionW1 = v }
    if let v = at(e.compression, 1) { m.compressionW2 = v }
    if let v = at(e.compression, 2) { m.compressionW3 = v }
    if let v = e.slowCombined { m.slowCombined = v }
    if let v = e.structureCombined { m.structureCombined = v }
    if let v = e.participationCombined { m.participationCombined = v }
    if let v = e.compressionCombined { m.compressionCombined = v }
    return m
  }

  static func firstDip(_ f: FirstDipCheck) -> Ledger_V1_FirstDipCheck {
    var m = Ledger_V1_FirstDipCheck()
    if let r = f.reason {
      m.reason =
        switch r {
        case .alreadyTaken: .alreadyTaken
        case .emergencyExitBelow333: .emergencyExitBelow333
        case .invalidEmas: .invalidEmas
        case .invalidAtr: .invalidAtr
        }
    }
    m.barsSinceS3 = Int64(f.barsSinceS3)
    (m.option1, m.option2, m.slopeOk, m.tsOk, m.pass) = (
      f.option1, f.option2, f.slopeOk, f.tsOk, f.pass
    )
    (m.tsWithBoost, m.srBoost) = (f.tsWithBoost, f.srBoost)
    return m
  }
}
