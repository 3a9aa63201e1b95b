import Engines
import Foundation
import Testing

/// regime-ae.md §10.4's edge-case vectors T1–T21 (T12 and T20 with D-13's
/// inputs, T12's A_sum per D-20).
@Suite struct RegimeAEVectorTests {
  typealias Flags = RegimeChannelFlags

  @Test func t1NoChannels() throws {
    let r = try AE.run([], exec: "1h")
    #expect(r.aValue == 0.5 && r.eValue == 0.5 && r.positionSizeFrac == 0.35)
    #expect(r.snapshotMissing && r.missingChannels.count == 15)
  }

  @Test func t2UnknownExecTimeframeUsesOneHourRow() throws {
    let r = try AE.run([RegimeChannelInput(.btc, .oneDay, .s3)], exec: "30m")
    #expect(r.execRow == .oneHour)
    #expect(AE.near(r.aValue, 0.53) && AE.near(r.eValue, 0.4925))
  }

  @Test func t3BuyFlagTakesTheS1BuyRow() throws {
    let c = RegimeChannelInput(.btc, .oneHour, .s1, flags: Flags(buySignal: false, buyFlag: true))
    let d = AE.delta(c)
    #expect(AE.near(d.dA, 0.45) && AE.near(d.dE, -0.25) && d.buy)
    let r = try AE.run([c], exec: "1h")
    #expect(AE.near(r.aValue, 0.599) && AE.near(r.eValue, 0.445))
  }

  @Test(arguments: [UptrendState.s0, .s4])
  func t4t5NoPulseFromS0OrS4(prev: UptrendState) {
    let d = AE.delta(RegimeChannelInput(.btc, .oneDay, .s0, prev: prev))
    #expect(d.dA == -0.30 && d.dE == 0.30 && !d.transition)
  }

  @Test func t6PulseFromS2() {
    let d = AE.delta(RegimeChannelInput(.btc, .oneDay, .s0, prev: .s2))
    #expect(AE.near(d.dA, -0.65) && AE.near(d.dE, 0.65) && d.transition)
  }

  @Test func t7AllS3Flags() {
    let flags = Flags(buyFlag: true, trimFlag: true, firstDipBuyFlag: true)
    let d = AE.delta(RegimeChannelInput(.btc, .oneDay, .s3, flags: flags))
    #expect(AE.near(d.dA, 0.15) && AE.near(d.dE, 0.10))
    #expect(d.buy && d.firstDip && d.trim && !d.transition)
  }

  @Test func t8FlagsWithoutARowAreIgnored() {
    let s1 = AE.delta(RegimeChannelInput(.btc, .oneDay, .s1, flags: Flags(trimFlag: true)))
    let s2 = AE.delta(RegimeChannelInput(.btc, .oneDay, .s2, flags: Flags(firstDipBuyFlag: true)))
    let s0 = AE.delta(RegimeChannelInput(.btc, .oneDay, .s0, flags: Flags(buySignal: true)))
    #expect(s1.dA == 0.25 && s1.dE == -0.15 && !s1.trim)
    #expect(s2.dA == 0.10 && s2.dE == 0.05 && !s2.firstDip)
    #expect(s0.dA == -0.30 && s0.dE == 0.30 && !s0.buy)
  }

  @Test(arguments: ["S5", nil, "s1", "", "S0 "] as [String?])
  func t9UnknownStatesAreNeutral(state: String?) {
    let d = AE.delta(
      RegimeChannelInput(.btc, .oneDay, state: state, prevState: "S3", flags: Flags(buyFlag: true)))
    #expect(d == .zero)
  }

  @Test func t10MockIntent() {
    let d = IntentDeltas(IntentMetrics(mock: 1), constants: RegimeConstants.v1.intents)
    #expect(AE.near(d.dA, -0.30) && AE.near(d.dE, 0.40) && AE.near(d.rawE, 0.50))
  }

  @Test func t11SellIntent() {
    let d = IntentDeltas(IntentMetrics(sell: 1), constants: RegimeConstants.v1.intents)
    #expect(AE.near(d.dA, -0.25) && AE.near(d.dE, 0.35))
  }

  /// T12 with D-13's inputs: exec 1d; nano 1d S1 + buy_signal, ALT 1d S1,
  /// BTC.d 1d S0; m = 0.8 (here a rank-1 adjustment of −0.2).
  @Test func t12IntermediateClampBeforeTheMultiplier() throws {
    var c = RegimeConstants.v1
    c.bucketMultiplier.rankAdjustments = [-0.2]
    let r = try AE.run(
      [
        RegimeChannelInput(.nano, .oneDay, .s1, flags: Flags(buySignal: true)),
        RegimeChannelInput(.alt, .oneDay, .s1), RegimeChannelInput(.btcd, .oneDay, .s0),
      ], exec: "1d", bucket: .nano, label: .nano,
      phases: BucketPhaseContext(phases: AE.phases(label: .nano, rank: 1)), constants: c)
    #expect(r.bucket.multiplier == 0.8)
    #expect(AE.near(r.aSum, 1.31) && AE.near(r.eSum, -0.01))
    #expect(r.aPre == 1.0 && r.ePre == 0.0 && r.aValue == 0.8 && r.eValue == 0.0)
  }

  @Test func t13RankOne() {
    #expect(AE.near(AE.multiplier(.big, AE.phases(label: .big, rank: 1)), 1.12))
  }

  @Test func t14RanksTwoAndFour() {
    #expect(AE.near(AE.multiplier(.big, AE.phases(label: .big, rank: 2)), 1.06))
    #expect(AE.near(AE.multiplier(.big, AE.phases(label: .big, rank: 4)), 0.98))
  }

  @Test func t15Slope() {
    #expect(AE.near(AE.multiplier(.mid, AE.phases(label: .mid, rank: 1, slope: 0.2)), 1.20))
    #expect(AE.near(AE.multiplier(.mid, AE.phases(label: .mid, rank: 1, slope: -0.15)), 1.06))
  }

  @Test func t16BelowMinConfidence() {
    #expect(AE.multiplier(.mid, AE.phases(label: .mid, rank: 1, confidence: 0.3)) == 1.0)
  }

  @Test func t17ClampedHigh() {
    var config = RegimeConstants.v1.bucketMultiplier
    config.rankAdjustments = [0.5]
    #expect(AE.multiplier(.xl, AE.phases(label: .xl, rank: 1, slope: 0.5), config: config) == 1.3)
  }

  @Test func t18ClampedLow() {
    var config = RegimeConstants.v1.bucketMultiplier
    config.rankAdjustments = [0, 0, 0, 0, -0.5]
    let phases = AE.phases(label: .nano, rank: 5, slope: -0.5)
    #expect(AE.multiplier(.nano, phases, config: config) == 0.7)
  }

  /// T19: m 1.16 on A_pre 1.0 (S2 + buy channels: ΔE 0, A_sum > 1) and E_pre 0.5.
  @Test func t19MultiplierOnClampedA() throws {
    let channels = [RegimeDriver.btc, .alt, .big].flatMap { d in
      [RegimeTimeframe.oneDay, .oneHour].map {
        RegimeChannelInput(d, $0, .s2, flags: Flags(buyFlag: true))
      }
    }
    let r = try AE.run(
      channels, exec: "1d", bucket: .big, label: .big,
      phases: BucketPhaseContext(phases: AE.phases(label: .big, rank: 1, slope: 0.1)))
    #expect(r.aSum > 1 && r.aPre == 1.0 && r.ePre == 0.5)
    #expect(AE.near(r.bucket.multiplier, 1.16))
    #expect(r.aValue == 1.0 && AE.near(r.eValue, 0.43103448275862066))
  }

  /// T20 with D-13's inputs: min_multiplier 0.05, {"6": −0.9}, rank 6, conf 0.7.
  @Test func t20DivisorFloor() throws {
    var c = RegimeConstants.v1
    c.bucketMultiplier.minMultiplier = 0.05
    c.bucketMultiplier.rankAdjustments = [0, 0, 0, 0, 0, -0.9]
    let phases = BucketPhaseContext(phases: AE.phases(label: .mid, rank: 6))
    let neutral = try AE.run([], label: .mid, phases: phases, constants: c)
    #expect(neutral.bucket.rank == 6 && neutral.bucket.multiplier == 0.09999999999999998)
    #expect(neutral.aValue == 0.04999999999999999)
    #expect(neutral.eValue == 1.0)
    // E_pre below 0.1: USDT.d 1d S0 and big 1d S3 on exec 1d.
    let low = try AE.run(
      [RegimeChannelInput(.usdtd, .oneDay, .s0), RegimeChannelInput(.big, .oneDay, .s3)],
      exec: "1d", bucket: .big, label: .mid, phases: phases, constants: c)
    #expect(AE.near(low.ePre, 0.08) && low.ePre > 0)
    #expect(low.eValue == low.ePre / 0.2 && low.aValue == 0.09999999999999998)
  }

  @Test func t21LabelAbsentFromThePhases() throws {
    let phases = AE.phases(label: .big, rank: 1).filter { $0.key != .xl }
    #expect(AE.multiplier(.xl, phases) == 1.0)
    let missing = RegimeConstants.BucketMultiplier.missingKeyDefaults
    #expect(AE.multiplier(.xl, phases, config: missing) == 1.0)
    let empty = try JSONDecoder().decode(
      RegimeConstants.BucketMultiplier.self, from: Data("{}".utf8))
    #expect(AE.multiplier(.big, AE.phases(label: .big, rank: 1, slope: 0.3), config: empty) == 1.0)
    let result = BucketMultiplierResult(
      label: .xl, context: BucketPhaseContext(phases: phases),
      config: RegimeConstants.v1.bucketMultiplier)
    #expect(result.rank == nil && result.slope == 0 && result.confidence == 0 && !result.applied)
  }
}
