import Foundation
import Testing

@testable import Engines

@Suite struct FormulaConstants {
  /// Encodes with sorted keys, decodes, and returns the decoded value and the JSON.
  private func roundTrip<T: Codable>(_ value: T) throws -> (T, String) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(value)
    return (try JSONDecoder().decode(T.self, from: data), String(decoding: data, as: UTF8.self))
  }

  @Test("Regime constants survive a JSON round trip")
  func regimeRoundTrip() throws {
    let (decoded, json) = try roundTrip(RegimeConstants.v1)
    #expect(decoded == RegimeConstants.v1)
    #expect(json.contains(#""driverWeights":{"alt":1.5,"btc":1,"btcd":-1,"bucket":3,"usdtd":-3}"#))
  }

  @Test("Portfolio constants survive a JSON round trip")
  func portfolioRoundTrip() throws {
    let (decoded, json) = try roundTrip(PortfolioConstants.v1)
    #expect(decoded == PortfolioConstants.v1)
    #expect(json.contains(#""price":"barClose""#))
  }

  @Test("Learning constants survive a JSON round trip")
  func learningRoundTrip() throws {
    let (decoded, _) = try roundTrip(LearningConstants.v1)
    #expect(decoded == LearningConstants.v1)
  }

  @Test("A bucket-multiplier object takes defaults for missing keys; {} gives m = 1.0 (D-12)")
  func bucketMultiplierDefaults() throws {
    let empty = try JSONDecoder().decode(
      RegimeConstants.BucketMultiplier.self, from: Data("{}".utf8))
    #expect(empty == .missingKeyDefaults)
    #expect(empty.rankAdjustments.isEmpty && empty.slopeWeight == 0 && empty.minConfidence == 0)
    let partial = try JSONDecoder().decode(
      RegimeConstants.BucketMultiplier.self, from: Data(#"{"slopeWeight":0.4}"#.utf8))
    #expect(
      partial.slopeWeight == 0.4 && partial.minMultiplier == 0.7 && partial.maxMultiplier == 1.3)
  }

  @Test("Regime values match regime-ae.md and DECISIONS")
  func regimeValues() {
    let r = RegimeConstants.v1
    #expect(r.driverWeights.btc == 1.0)
    #expect(r.driverWeights.alt == 1.5)
    #expect(r.driverWeights.bucket == 3.0)
    #expect(r.driverWeights.btcd == -1.0)
    #expect(r.driverWeights.usdtd == -3.0)
    #expect(r.timeframeWeights.macro == 0.50 && r.timeframeWeights.meso == 0.40)
    #expect(r.timeframeWeights.micro == 0.10)
    #expect(r.execMultipliers.oneDay.meso == 0.18 && r.execMultipliers.fallbackRow == .oneHour)
    #expect(r.stateDeltas.s0 == .init(a: -0.30, e: 0.30))
    #expect(r.transitionDeltas.fromS3 == .init(a: -0.50, e: 0.50))
    #expect(r.flagDeltas.s3Trim == .init(a: -0.25, e: 0.30))
    #expect(r.intents.cap == 0.4)
    #expect(r.intents.e.mock == 0.50)
    // D-1: low < 0.4 ≤ med < 0.7 ≤ high.
    #expect(r.aeModes.medFrom == 0.4 && r.aeModes.highFrom == 0.7)
    // D-4: nano < $10M ≤ small < $50M ≤ mid < $200M ≤ big.
    #expect(r.regimeBuckets.smallFrom == 10_000_000)
    #expect(r.regimeBuckets.midFrom == 50_000_000)
    #expect(r.regimeBuckets.bigFrom == 200_000_000)
    // D-12, D-18.
    #expect(r.drivers.composite == .chainLinkedIndex)
    #expect(
      r.drivers.altComponents == ["SOL", "ETH", "BNB", "HYPE"] && r.drivers.altMinComponents == 3)
    #expect(r.drivers.minHistoryBars == .init(macro: 30, meso: 72, micro: 333))
    #expect(
      r.drivers.sourcePreference
        == ["SYM@hyperliquid", "SYM@binance", "SYM@coinbase", "SYM@bitstamp", "SYM"])
    #expect(r.bucketMultiplier.rankAdjustments == [0.12, 0.06, 0.02, -0.02, -0.06, -0.12])
    #expect(r.referenceParity == false)
  }

  @Test("Portfolio values match portfolio-manager.md and DECISIONS")
  func portfolioValues() {
    let p = PortfolioConstants.v1
    // Size tiers keep 0.7 / 0.3 (D-13).
    #expect(p.tierThresholds.highFrom == 0.7 && p.tierThresholds.midFrom == 0.3)
    #expect(p.buys.s1Entry == .init(high: 0.90, mid: 0.60, low: 0.30))
    #expect(p.buys.s3Dx.low == 0.0333 && p.buys.maxDxBuysPerPool == 3)
    #expect(p.trims.tiers == .init(high: 0.60, mid: 0.30, low: 0.15) && p.trims.maxFraction == 0.9)
    #expect(p.trims.multiplier.steps.map(\.atLeast) == [3.0, 1.0, 0.5])
    #expect(p.gateTuning.dxAtrMult == .init(base: 6.0, lower: 0.5, upper: nil))
    #expect(p.gateTuning.s3GateKey == "pm.uptrend.S3.buy_flag")
    #expect(p.allocation.timeframeSplits.oneHour == 0.40 && p.allocation.minBarsToTrade == 333)
    #expect(p.outcomes.rrBound == 33)
    #expect(p.exposureSkew.enabled == false)
    #expect(p.fills.price == .barClose && p.fills.slippageBps == 0 && p.fills.feeBps == 0)
    #expect(
      p.refinements == .init(perActionRR: false, shadowTracking: false, navAllocationBase: false))
  }

  @Test("Learning values match learning.md and DECISIONS")
  func learningValues() {
    let l = LearningConstants.v1
    #expect(l.lessonBuilder.minSliceTrades == 33 && l.materializer.minSamples == 33)
    // D-3: 24 h half-life floor (learning.md said 0).
    #expect(l.materializer.minDecayHalfLifeHours == 24)
    #expect(l.materializer.sizeMultiplier == .init(lower: 0.3, upper: 3.0))
    #expect(l.materializer.edgeSignificanceThreshold == 0.05)
    #expect(l.decay.halfLifeClampHours == .init(lower: 1, upper: 8760))
    #expect(l.coefficients.weightClamp == .init(lower: 0.5, upper: 2.0))
    // D-17 / §13: lesson builder 00:08 every 6 h, materializer even HH:10, regime weights 01:00.
    #expect(l.schedules.lessonBuilder == .init(periodMs: 21_600_000, offsetMs: 480_000))
    #expect(l.schedules.overrideMaterializer == .init(periodMs: 7_200_000, offsetMs: 600_000))
    #expect(l.schedules.regimeWeightLearner == .init(periodMs: 86_400_000, offsetMs: 3_600_000))
    #expect(l.scopeBuckets.mcap.labels.count == l.scopeBuckets.mcap.upperBounds.count + 1)
    #expect(l.scopeBuckets.volume.labels.count == l.scopeBuckets.volume.upperBounds.count + 1)
    #expect(l.scopeBuckets.ageDays.labels.count == l.scopeBuckets.ageDays.upperBounds.count + 1)
    #expect(
      l.scopeBuckets.mcapVolumeRatio.labels.count == l.scopeBuckets.mcapVolumeRatio.upperBounds
        .count + 1)
    #expect(l.llm.levels.map(\.enabled) == [true, true, false, false, false])
    #expect(l.scopeEntryContextWins == false && l.referenceCompat == false)
  }

  @Test("Learning's 0–1 engine defaults are the PM's bases over the threshold scale (§9.3, D-16)")
  func tuningScale() {
    let g = PortfolioConstants.v1.gateTuning
    #expect(g.tsMin.base / g.thresholdScale == 0.60)
    #expect(g.dxMin.base / g.thresholdScale == 0.60)
  }
}
