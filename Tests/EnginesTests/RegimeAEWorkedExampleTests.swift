import Engines
import Testing

/// regime-ae.md §10.1 and §10.2, with D-13's and D-20's settlements.
@Suite struct RegimeAEWorkedExampleTests {
  /// §10.1: the seed's example, corrected (A 0.533, not 0.535).
  @Test func seedExample() throws {
    let r = try AE.run(
      [
        RegimeChannelInput(.btc, .oneDay, .s3),
        RegimeChannelInput(.alt, .oneHour, .s1, flags: RegimeChannelFlags(buySignal: true)),
        RegimeChannelInput(.nano, .oneHour, .s3, flags: RegimeChannelFlags(trimFlag: true)),
        RegimeChannelInput(.usdtd, .oneDay, .s1),
      ], exec: "1h",
      bucket: RegimeBucket(marketCapUsd: 5e6, bounds: RegimeConstants.v1.regimeBuckets))
    #expect(r.bucketDriver == .nano)
    #expect(r.aValue == 0.5330000000000001)
    #expect(r.eValue == 0.6425)
    #expect(r.positionSizeFrac == 0.36650000000000005)
    #expect(AE.near(r.aValue, 0.533) && AE.near(r.positionSizeFrac, 0.3665))
    #expect(r.bucket.multiplier == 1.0)
    #expect(r.aMode == .med && r.eMode == .med)
    #expect(SizeTierLevel.mid.size(in: PortfolioConstants.v1.buys.s1Entry) == 0.60)
    #expect(r.aSizeTier == .mid && r.eSizeTier == .mid)
    let terms = r.channels.filter(\.present).map { [$0.aTerm, $0.eTerm] }
    let expected: [[Double]] = [
      [0.03, -0.0075], [0.1485, -0.0825], [-0.033, 0.165], [-0.1125, 0.0675],
    ]
    #expect(terms.count == 4)
    for (t, e) in zip(terms, expected) { #expect(AE.near(t[0], e[0]) && AE.near(t[1], e[1])) }
    #expect(r.channels.count == 15)
    #expect(r.missingChannels.count == 11 && r.staleChannels.isEmpty)
  }

  /// §10.1 without the nano channel (D-13): A 0.566, E 0.4775.
  @Test func seedExampleWithoutBucket() throws {
    let r = try AE.run(
      [
        RegimeChannelInput(.btc, .oneDay, .s3),
        RegimeChannelInput(.alt, .oneHour, .s1, flags: RegimeChannelFlags(buySignal: true)),
        RegimeChannelInput(.nano, .oneHour, .s3, flags: RegimeChannelFlags(trimFlag: true)),
        RegimeChannelInput(.usdtd, .oneDay, .s1),
      ], exec: "1h", bucket: .unknown)
    #expect(AE.near(r.aValue, 0.566) && AE.near(r.eValue, 0.4775))
    #expect(r.channels.filter { $0.driverClass == .bucket }.allSatisfy { $0.driver == nil })
  }

  /// §10.2's 13 channel inputs.
  static let example2Channels: [RegimeChannelInput] = [
    RegimeChannelInput(.btc, .oneDay, .s3),
    RegimeChannelInput(.btc, .oneHour, .s3, flags: RegimeChannelFlags(buyFlag: true)),
    RegimeChannelInput(.btc, .oneMinute, .s2, flags: RegimeChannelFlags(trimFlag: true)),
    RegimeChannelInput(.alt, .oneDay, .s1),
    RegimeChannelInput(.alt, .oneHour, .s0, prev: .s1),
    RegimeChannelInput(.mid, .oneDay, .s2, flags: RegimeChannelFlags(buyFlag: true)),
    RegimeChannelInput(.mid, .oneHour, .s1, flags: RegimeChannelFlags(buyFlag: true)),
    RegimeChannelInput(.mid, .oneMinute, .s4),
    RegimeChannelInput(.btcd, .oneDay, .s0, prev: .s0),
    RegimeChannelInput(.btcd, .oneHour, .s3, flags: RegimeChannelFlags(trimFlag: true)),
    RegimeChannelInput(.usdtd, .oneDay, .s0, prev: .s3),
    RegimeChannelInput(.usdtd, .oneHour, .s2),
    RegimeChannelInput(.usdtd, .oneMinute, .s1, flags: RegimeChannelFlags(buySignal: true)),
  ]

  /// §10.2's meso phase snapshot.
  static let example2Phases = BucketPhaseContext(phases: [
    .micro: BucketPhase(score: 0.9, slope: 0.0, confidence: 0.8),
    .big: BucketPhase(score: 0.7, slope: 0.25, confidence: 0.55),
    .nano: BucketPhase(score: 0.5, slope: -0.1, confidence: 0.6),
    .mid: BucketPhase(score: 0.1, slope: 0.3, confidence: 0.9),
  ])

  /// §10.2: intents, multiplier, transitions, flag mapping; binary64 exact.
  @Test func example2() throws {
    let v1 = RegimeConstants.v1
    let r = try AE.run(
      Self.example2Channels, exec: "15m",
      bucket: RegimeBucket(marketCapUsd: 60e6, bounds: v1.regimeBuckets),
      label: CapLabel(marketCapUsd: 60e6, bounds: v1.capLabels),
      intents: IntentMetrics(hiBuy: 0.2, medBuy: 0.0, profit: 0.3, sell: 0.4, mock: 0.5),
      phases: Self.example2Phases)
    #expect(r.bucketDriver == .mid && r.bucket.label == .big)
    #expect(AE.near(r.intent.dA, -0.245) && AE.near(r.intent.rawE, 0.415) && r.intent.dE == 0.4)
    #expect(AE.near(r.aSum, 0.813125) && AE.near(r.eSum, 0.264375))
    #expect(r.aPre == 0.5681250000000001)
    #expect(r.ePre == 0.6643750000000002)
    #expect(Self.example2Phases.rank == [.micro, .big, .nano, .mid])
    #expect(r.bucket.rank == 2 && r.bucket.applied)
    #expect(r.bucket.multiplier == 1.1600000000000001)
    #expect(r.aValue == 0.6590250000000002)
    #expect(r.eValue == 0.5727370689655173)
    #expect(r.positionSizeFrac == 0.4295125000000001)
    #expect(r.aMode == .med && r.eMode == .med && r.aSizeTier == .mid && r.eSizeTier == .mid)
  }

  /// §10.2's per-channel terms, rows 1–15 in accumulation order.
  @Test func example2Rows() throws {
    let r = try AE.run(Self.example2Channels, exec: "15m", bucket: .mid)
    let a: [Double] = [
      0.015, 0.055, -0.003, 0.028125, -0.231, 0, 0.045, 0.297, 0, 0.0225, 0.011, 0, 0.18, -0.066,
      -0.0405,
    ]
    let e: [Double] = [
      -0.00375, -0.022, 0.009, -0.016875, 0.231, 0, 0, -0.165, 0, -0.0225, -0.055, 0, -0.18,
      -0.033, 0.0225,
    ]
    #expect(r.channels.count == 15)
    for (i, row) in r.channels.enumerated() {
      #expect(AE.near(row.aTerm, a[i]) && AE.near(row.eTerm, e[i]), "row \(i + 1)")
    }
    #expect(r.channels[4].delta.transition && !r.channels[9].delta.transition)
    #expect(r.channels[12].delta.transition && r.channels[7].delta.buy)
    #expect(r.missingChannels == ["ALT/1m", "BTC.d/1m"])
    #expect(AE.near(r.channels[13].weight, -0.66))
  }
}
