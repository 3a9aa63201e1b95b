import Engines
import Testing

/// The hand-checkable examples of engines-ta-uptrend.md §9.2–§9.5, under `v1`.
@Suite struct WorkedExampleTests {
  /// A TA snapshot holding just the EMAs and ATR (the other inputs neutral).
  static func ta(_ e: [Double], atr: Double, barIndex: Int = 0) -> TASnapshot {
    var s = TASnapshot(barIndex: barIndex)
    (s.ema20, s.ema30, s.ema60, s.ema144, s.ema250, s.ema333) = (e[0], e[1], e[2], e[3], e[4], e[5])
    s.atr = atr
    s.atrMean20 = atr
    return s
  }

  static func bar(_ p: Double, _ t: Int) -> Bar {
    Bar(openTime: Int64(t) * 3_600_000, open: p, high: p, low: p, close: p)
  }

  /// §9.2, bar by bar: states, the pulse, reclaim, emergency and no event on bootstrap.
  @Test func transitionWalkThrough() {
    let rows: [(p: Double, e: [Double], state: UptrendState)] = [
      (0.88, [0.90, 0.91, 0.95, 1.00, 1.05, 1.10], .s0),
      (0.98, [0.97, 0.965, 0.96, 0.99, 1.04, 1.09], .s1),
      (1.12, [1.02, 1.00, 0.98, 0.99, 1.03, 1.08], .s2),
      (1.10, [1.06, 1.04, 1.00, 1.00, 1.04, 1.08], .s2),
      (1.32, [1.30, 1.28, 1.20, 1.15, 1.12, 1.10], .s3),
      (1.08, [1.25, 1.24, 1.19, 1.15, 1.12, 1.10], .s3),
      (1.11, [1.24, 1.23, 1.19, 1.15, 1.12, 1.10], .s3),
      (0.98, [1.00, 1.01, 1.03, 1.05, 1.07, 1.08], .s0),
      (0.97, [0.99, 1.00, 1.02, 1.05, 1.07, 1.08], .s0),
    ]
    var engine = UptrendEngine(constants: .v1)
    var out: [UptrendBarOutput] = []
    for (t, row) in rows.enumerated() {
      let o = engine.step(
        barIndex: t, bar: Self.bar(row.p, t), closeTime: Int64(t + 1) * 3_600_000,
        ta: Self.ta(row.e, atr: 0.03, barIndex: t), levels: [])
      #expect(o.state == row.state, "bar \(t)")
      out.append(o)
    }
    #expect(out[0].prevState == nil && out[0].transition == nil)
    #expect(out[2].flags == UptrendFlags() && out[2].scores == UptrendScores())
    #expect(out[3].flags.buyFlag == false && out[3].flags.trimFlag == false)
    #expect(out[4].barsSinceS3 == 0 && out[4].scores.edx == 0.5 && out[4].s3StartBarIndex == 4)
    #expect(!out[4].flags.emergencyExit && !out[4].flags.reclaimedEma333 && !out[4].bootstrapped)
    #expect(out[5].flags.emergencyExit && !out[5].flags.buyFlag)
    #expect(!out[6].flags.emergencyExit && out[6].flags.reclaimedEma333)
    #expect(out[7].transition == UptrendTransition(from: .s3, to: .s0))
    #expect(out[7].flags.exitPosition && !out[7].flags.emergencyExit)
    #expect(out[7].exitReason == .allEmasBelow333 && out[7].s3StartBarIndex == nil)
    #expect(out[8].prevState == .s0 && out[8].transition == nil)  // the pulse is one bar
    #expect(engine.memory.s3StartIndex == nil && engine.memory.s3Bars.isEmpty)
  }

  static let s1Bar = (p: 0.98, e: [0.97, 0.965, 0.96, 0.99, 1.04, 1.09])

  static func s1Inputs(rsiSlope: Double, adxSlope: Double, levels: [SRLevel]) -> UptrendInputs {
    var ta = Self.ta(s1Bar.e, atr: 0.03)
    ta.slope60 = 0.0004
    ta.slope144 = -0.0002
    ta.rsiSlope10 = rsiSlope
    ta.adxSlope10 = adxSlope
    return UptrendInputs(price: s1Bar.p, ta: ta, levels: levels, constants: .v1)
  }

  /// §9.3: the S1 buy signal, cases A and B.
  @Test func s1BuySignal() {
    let a = UptrendGates.s1BuyCheck(Self.s1Inputs(rsiSlope: 1.5, adxSlope: 0.6, levels: []))
    #expect(a.entryZoneOk && a.slopeOk && a.tsOk && a.pass)
    #expect(matchesPrinted(a.tsScore, 0.65, decimals: 12) && a.srBoost == 0)
    let strong = SRLevel(price: 0.965, strength: 3, kind: .cluster)
    let b1 = UptrendGates.s1BuyCheck(Self.s1Inputs(rsiSlope: 0.5, adxSlope: -0.4, levels: [strong]))
    #expect(matchesPrinted(b1.tsScore, 0.475, decimals: 12))
    #expect(b1.srBoost == 0.25 && matchesPrinted(b1.tsWithBoost, 0.725, decimals: 12) && b1.pass)
    let weak = SRLevel(price: 0.985, strength: 1, kind: .cluster)
    let b2 = UptrendGates.s1BuyCheck(Self.s1Inputs(rsiSlope: 0.5, adxSlope: -0.4, levels: [weak]))
    #expect(matchesPrinted(b2.srBoost, 0.0417, decimals: 4))
    #expect(matchesPrinted(b2.tsWithBoost, 0.5167, decimals: 4) && !b2.tsOk && !b2.pass)
  }

  /// §9.4: OX_S2 = 0.827279 and the trim flag with a level 0.02 away.
  @Test func s2Trim() {
    var ta = Self.ta([1.20, 1.22, 1.10, 1.00, 0.95, 0.97], atr: 0.04)
    ta.dsepFast5 = 0.003
    ta.dsepMid5 = 0.001
    ta.slope20 = 0.004
    let level = SRLevel(price: 1.32, strength: 1, kind: .cluster)
    let x = UptrendInputs(price: 1.30, ta: ta, levels: [level], constants: .v1)
    let ox = UptrendScoring.ox(edx: nil, x)
    #expect(matchesPrinted(ox.value, 0.827279, decimals: 6))
    #expect(matchesPrinted(ox.terms.railFast, 0.841131, decimals: 6))
    #expect(matchesPrinted(ox.terms.fragility, 0.006693, decimals: 6))
    #expect(UptrendGates.trimCheck(ox: ox.value, x).flag)
    let far = UptrendInputs(
      price: 1.30, ta: ta, levels: [SRLevel(price: 1.35, strength: 9, kind: .cluster)],
      constants: .v1)
    #expect(!UptrendGates.trimCheck(ox: ox.value, far).flag)
  }

  /// §9.5 (with D-14's DX 0.824504): the S3 DX buy, and the bar's OX 0.341962.
  @Test func s3DxBuy() {
    var ta = Self.ta([0.99, 1.00, 1.03, 1.10, 1.02, 0.95], atr: 0.036)
    ta.voZ = -1.5
    ta.rsiSlope10 = 0.5
    ta.adx = 22
    ta.adxSlope10 = 0.3
    ta.dSlope144 = 0.00005
    ta.slope250 = 0.0001
    ta.dsepFast5 = -0.001
    ta.dsepMid5 = -0.0005
    ta.slope20 = -0.001
    let x = UptrendInputs(
      price: 0.96, ta: ta, levels: [SRLevel(price: 0.955, strength: 2, kind: .cluster)],
      constants: .v1)
    let dx = UptrendScoring.dx(edx: 0.55, x)
    #expect(matchesPrinted(dx.value, 0.824504, decimals: 6))
    #expect(matchesPrinted(dx.terms.x, 0.0667, decimals: 4))
    #expect(matchesPrinted(dx.terms.compMult, 0.001810, decimals: 6))
    #expect(matchesPrinted(dx.terms.location, 0.819175, decimals: 6))
    #expect(matchesPrinted(dx.terms.relief, 0.805928, decimals: 6))
    let buy = UptrendGates.s3BuyCheck(dx: dx.value, edx: 0.55, emergencyExit: false, x)
    #expect(matchesPrinted(buy.edxSuppression, 0.025, decimals: 12))
    #expect(matchesPrinted(buy.thresholdFinal, 0.625, decimals: 12) && buy.pricePositionBoost == 0)
    #expect(matchesPrinted(buy.tsScore, 0.5625, decimals: 12) && buy.srBoost == 0.25)
    #expect(buy.dxOk && buy.inDiscount && buy.slopeOk && buy.tsOk && buy.pass)
    #expect(matchesPrinted(UptrendScoring.ox(edx: 0.55, x).value, 0.341962, decimals: 6))
  }
}
