import Engines
import Foundation
import Testing

/// Properties of the regime A/E calculator over seeded random inputs and
/// targeted cases (regime-ae.md §4.5, §4.7, §12.4; D-12, D-13).
@Suite struct RegimeAEPropertyTests {
  static let stateTexts: [String?] = ["S0", "S1", "S2", "S3", "S4", nil, "S5", "s1"]
  static let execTexts = ["1m", "5m", "15m", "1h", "4h", "1d", "30m"]

  /// A random snapshot: each of the 24 channels present with probability ½.
  static func randomChannels(_ rng: inout SeededLCG) -> [RegimeChannelInput] {
    RegimeDriver.allCases.flatMap { d in
      RegimeTimeframe.allCases.compactMap { tf -> RegimeChannelInput? in
        guard Bool.random(using: &rng) else { return nil }
        let flags = RegimeChannelFlags(
          buySignal: Bool.random(using: &rng), buyFlag: Bool.random(using: &rng),
          trimFlag: Bool.random(using: &rng), firstDipBuyFlag: Bool.random(using: &rng))
        let status: RegimeChannelStatus = [.present, .present, .present, .stale, .missing]
          .randomElement(using: &rng)!
        return RegimeChannelInput(
          d, tf, state: stateTexts.randomElement(using: &rng)!,
          prevState: stateTexts.randomElement(using: &rng)!, flags: flags, status: status)
      }
    }
  }

  /// A random token context, intents far outside [0, 1] included.
  static func randomToken(_ rng: inout SeededLCG) -> RegimeTokenContext {
    let phases = Dictionary(
      uniqueKeysWithValues: CapLabel.allCases.filter { _ in Bool.random(using: &rng) }.map {
        (
          $0,
          BucketPhase(
            score: .random(in: 0...1, using: &rng), slope: .random(in: -3...3, using: &rng),
            confidence: .random(in: 0...1, using: &rng))
        )
      })
    return RegimeTokenContext(
      executionTimeframe: execTexts.randomElement(using: &rng)!,
      bucket: RegimeBucket.allCases.randomElement(using: &rng)!,
      capLabel: CapLabel.allCases.randomElement(using: &rng)!,
      intents: IntentMetrics(
        hiBuy: .random(in: -2...2, using: &rng), medBuy: .random(in: -2...2, using: &rng),
        profit: .random(in: -2...2, using: &rng), sell: .random(in: -2...2, using: &rng),
        mock: .random(in: -2...2, using: &rng)),
      bucketPhases: Bool.random(using: &rng) ? BucketPhaseContext(phases: phases) : nil)
  }

  static func evaluate(_ channels: [RegimeChannelInput], _ token: RegimeTokenContext) throws
    -> RegimeAEResult
  {
    try RegimeAECalculator.evaluate(channels: channels, token: token, formula: .v1)
  }

  @Test func leversStayInRange() throws {
    var rng = SeededLCG(state: 20_261_202)
    for _ in 0..<2000 {
      let r = try Self.evaluate(Self.randomChannels(&rng), Self.randomToken(&rng))
      for x in [r.aValue, r.eValue, r.aPre, r.ePre] { #expect(x >= 0 && x <= 1) }
      #expect(r.positionSizeFrac >= 0.10 && r.positionSizeFrac <= 0.60)
      #expect(r.bucket.multiplier >= 0.7 && r.bucket.multiplier <= 1.3)
      #expect(abs(r.intent.dA) <= 0.4 && abs(r.intent.dE) <= 0.4)
      #expect(r.channels.count == 15)
    }
  }

  @Test func resultIgnoresInputOrder() throws {
    var rng = SeededLCG(state: 7)
    for _ in 0..<500 {
      let channels = Self.randomChannels(&rng)
      let token = Self.randomToken(&rng)
      let r = try Self.evaluate(channels, token)
      #expect(try Self.evaluate(channels.shuffled(using: &rng), token) == r)
      #expect(try Self.evaluate(channels.reversed(), token) == r)
    }
  }

  /// S4, stale and missing channels change nothing but the breakdown's status.
  @Test func inertChannelsContributeNothing() throws {
    var rng = SeededLCG(state: 99)
    for _ in 0..<500 {
      let token = Self.randomToken(&rng)
      let present = Self.randomChannels(&rng).filter { $0.status == .present }
      for i in present.indices {
        var inert = present
        inert[i].status = [.stale, .missing].randomElement(using: &rng)!
        var s4 = present
        s4[i].state = "S4"
        var dropped = present
        dropped.remove(at: i)
        let withoutI = try Self.evaluate(dropped, token)
        let inertResult = try Self.evaluate(inert, token)
        #expect(inertResult.aSum == withoutI.aSum && inertResult.eSum == withoutI.eSum)
        #expect(inertResult.aValue == withoutI.aValue && inertResult.eValue == withoutI.eValue)
        let s4Result = try Self.evaluate(s4, token)
        #expect(s4Result.aSum == withoutI.aSum && s4Result.eSum == withoutI.eSum)
      }
    }
  }

  /// §4.5: an uptrend on a dominance driver lowers A and raises E.
  @Test(arguments: [RegimeDriver.btcd, .usdtd], RegimeTimeframe.allCases)
  func invertedDriverUptrend(driver: RegimeDriver, timeframe: RegimeTimeframe) throws {
    for channel in [
      RegimeChannelInput(driver, timeframe, .s1),
      RegimeChannelInput(driver, timeframe, .s1, flags: RegimeChannelFlags(buySignal: true)),
      RegimeChannelInput(driver, timeframe, .s3),
    ] {
      let r = try AE.run([channel], exec: "15m")
      #expect(r.aValue < 0.5 && r.eValue > 0.5)
      let bullish = try AE.run([RegimeChannelInput(.btc, timeframe, .s3)], exec: "15m")
      #expect(bullish.aValue > 0.5 && bullish.eValue < 0.5)
    }
    let broke = try AE.run([RegimeChannelInput(.usdtd, .oneDay, .s0, prev: .s3)], exec: "1d")
    #expect(broke.aValue > 0.5 && broke.eValue < 0.5)
  }

  /// D-12: a bootstrapped S3 → S0 gives the S3→S0 pulse; a stale one gives nothing.
  @Test func bootstrappedS3ToS0Pulse() throws {
    let c = RegimeChannelInput(.btc, .oneDay, .s0, prev: .s3, bootstrapped: true)
    let d = AE.delta(c)
    #expect(AE.near(d.dA, -0.80) && AE.near(d.dE, 0.80) && d.transition)
    let r = try AE.run([c], exec: "1d")
    #expect(AE.near(r.aValue, 0.5 - 0.8 * 0.4) && r.channels[0].bootstrapped)
    var stale = c
    stale.status = .stale
    let s = try AE.run([stale], exec: "1d")
    #expect(s.aValue == 0.5 && s.channels[0].delta == .zero && s.staleChannels == ["BTC/1d"])
  }

  @Test func staleRule() {
    let drivers = RegimeConstants.v1.drivers
    let close: Int64 = 1_700_000_000_000
    let limit = close + 2 * 3_600_000 + 300_000
    #expect(
      !RegimeChannelStaleness.isStale(
        barCloseMs: close, evaluatedAtMs: limit - 1, timeframe: .oneHour, drivers: drivers))
    #expect(
      RegimeChannelStaleness.isStale(
        barCloseMs: close, evaluatedAtMs: limit, timeframe: .oneHour, drivers: drivers))
  }

  @Test func onlyTheTokensBucketDriverIsRead() throws {
    let nano = RegimeChannelInput(.nano, .oneHour, .s3)
    let r = try AE.run([nano, RegimeChannelInput(.big, .oneHour, .s1)], bucket: .big)
    #expect(AE.near(r.aValue, 0.5 + 0.25 * 3 * 0.22))
    let unknown = try AE.run([nano], bucket: .unknown)
    #expect(unknown.aValue == 0.5 && unknown.channels.count == 15)
    #expect(!unknown.missingChannels.contains { $0.hasPrefix("nano") })
  }

  @Test func duplicateChannelsAreRefused() {
    let c = RegimeChannelInput(.btc, .oneDay, .s3)
    #expect(throws: RegimeAEError.duplicateChannel(c.key)) { try AE.run([c, c]) }
  }

  @Test func modesAndBuckets() {
    let t = RegimeConstants.v1.aeModes
    #expect(AEMode(0.35, thresholds: t) == .low && AEMode(0.4, thresholds: t) == .med)
    #expect(AEMode(0.72, thresholds: t) == .high && AEMode(0.7, thresholds: t) == .high)
    #expect(
      AEMode(0.6999999999999999, thresholds: t) == .med && AEMode(nil, thresholds: t) == .unknown)
    let b = RegimeConstants.v1.regimeBuckets
    #expect(RegimeBucket(marketCapUsd: 5e6, bounds: b) == .nano)
    #expect(RegimeBucket(marketCapUsd: 10e6, bounds: b) == .small)
    #expect(RegimeBucket(marketCapUsd: 60e6, bounds: b) == .mid)
    #expect(RegimeBucket(marketCapUsd: 200e6, bounds: b) == .big)
    #expect(RegimeBucket(marketCapUsd: nil, bounds: b) == .unknown)
    #expect(RegimeBucket(marketCapUsd: -1, bounds: b) == .unknown)
    let l = RegimeConstants.v1.capLabels
    #expect(CapLabel(marketCapUsd: 60e6, bounds: l) == .big)
    #expect(CapLabel(marketCapUsd: 99_999, bounds: l) == .nano)
    #expect(CapLabel(marketCapUsd: 1e9, bounds: l) == .xl)
  }

  @Test func resultJSONUsesTheSpecKeys() throws {
    let r = try AE.run([RegimeChannelInput(.btc, .oneDay, .s3, status: .stale)])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(r), as: UTF8.self)
    for key in [
      "\"A_value\"", "\"E_value\"", "\"position_size_frac\"", "\"A_mode\"", "\"E_mode\"",
      "\"stale_channels\":[\"BTC\\/1d\"]", "\"a_pre\"", "\"bucket_multiplier\"", "\"a_term\"",
    ] {
      #expect(json.contains(key), "\(key)")
    }
    #expect(try JSONDecoder().decode(RegimeAEResult.self, from: Data(json.utf8)) == r)
  }
}
