/// The regime system's and the A/E calculator's constants (regime-ae.md §3–§8,
/// Appendix A), as settled by DECISIONS D-1, D-4, D-12, D-13, D-18 and D-20.
/// Part of the formula set (D-6): every field is a JSON key of the formula-set
/// file; changing any value makes a new formula-set version.
///
/// Constants of the PM's runtime use of A/E (size tiers, override blend,
/// tuning clamps, exposure skew) live in `PortfolioConstants`, the learning
/// side's in `LearningConstants`; this struct holds each constant once.
public struct RegimeConstants: Codable, Sendable, Equatable {
  /// A pair of deltas (or values) for A and E.
  public struct AEPair: Codable, Sendable, Equatable {
    /// The A component.
    public var a: Double
    /// The E component.
    public var e: Double
  }

  /// A closed interval `[lower, upper]` (used for clamps across the formula set).
  public struct Interval: Codable, Sendable, Equatable {
    /// Lower bound (inclusive).
    public var lower: Double
    /// Upper bound (inclusive).
    public var upper: Double
  }

  /// One value per regime horizon: macro = 1d, meso = 1h, micro = 1m (§1.2).
  public struct PerHorizon<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The 1d (macro) value.
    public var macro: Value
    /// The 1h (meso) value.
    public var meso: Value
    /// The 1m (micro) value.
    public var micro: Value
  }

  /// State deltas (ΔA, ΔE) of §4.1; null or unknown state strings give (0, 0).
  public struct StateDeltas: Codable, Sendable, Equatable {
    /// S0, downtrend: (−0.30, +0.30).
    public var s0: AEPair
    /// S1, primer: (+0.25, −0.15).
    public var s1: AEPair
    /// S2, defensive: (+0.10, +0.05).
    public var s2: AEPair
    /// S3, confirmed uptrend: (+0.20, −0.05).
    public var s3: AEPair
    /// S4, no state yet: neutral (0, 0).
    public var s4: AEPair
  }

  /// Flag deltas keyed by (state, flag), added on top of the state delta
  /// (§4.1; "buy" = buy_signal OR buy_flag). Pairs not listed contribute nothing.
  public struct FlagDeltas: Codable, Sendable, Equatable {
    /// S1 + buy: (+0.20, −0.10).
    public var s1Buy: AEPair
    /// S2 + buy: (+0.10, −0.05) (reference row kept, [D03]).
    public var s2Buy: AEPair
    /// S2 + trim_flag: (−0.20, +0.25).
    public var s2Trim: AEPair
    /// S3 + buy: (+0.05, −0.05) (reference row kept, [D03]).
    public var s3Buy: AEPair
    /// S3 + first_dip_buy_flag: (+0.15, −0.10).
    public var s3FirstDipBuy: AEPair
    /// S3 + trim_flag: (−0.25, +0.30).
    public var s3Trim: AEPair
  }

  /// Transition pulses into S0, applied when state = S0 and prev_state is the
  /// named state (§4.1, §4.3; one engine evaluation long).
  public struct TransitionDeltas: Codable, Sendable, Equatable {
    /// S1 → S0: (−0.40, +0.40).
    public var fromS1: AEPair
    /// S2 → S0: (−0.35, +0.35).
    public var fromS2: AEPair
    /// S3 → S0: (−0.50, +0.50).
    public var fromS3: AEPair
  }

  /// Reserved rebuy deltas: declared by the reference, applied by nothing
  /// (§4.1, [D04]). Kept so that v1 is complete; no engine reads them.
  public struct ReservedRebuyDeltas: Codable, Sendable, Equatable {
    /// S2 rebuy: (+0.15, −0.10).
    public var s2: AEPair
    /// S3 rebuy: (+0.20, −0.10).
    public var s3: AEPair
  }

  /// Driver-class weights (§1.1, §4.1); the dominance drivers are inverted by
  /// their negative weight (§4.5).
  public struct DriverWeights: Codable, Sendable, Equatable {
    /// BTC: 1.0.
    public var btc: Double
    /// ALT composite: 1.5.
    public var alt: Double
    /// The token's own market-cap bucket driver (nano/small/mid/big): 3.0.
    public var bucket: Double
    /// BTC.d (BTC dominance): −1.0.
    public var btcd: Double
    /// USDT.d (USDT dominance): −3.0.
    public var usdtd: Double
  }

  /// Execution timeframes with a row in the execution-multiplier table (§1.2, §4.1).
  public enum ExecTimeframe: String, Codable, Sendable, Equatable {
    /// 1 minute.
    case oneMinute = "1m"
    /// 5 minutes.
    case fiveMinutes = "5m"
    /// 15 minutes.
    case fifteenMinutes = "15m"
    /// 1 hour.
    case oneHour = "1h"
    /// 4 hours.
    case fourHours = "4h"
    /// 1 day.
    case oneDay = "1d"
  }

  /// Execution-timeframe multipliers m(execTF, regimeTF) (§4.1). w_eff is
  /// computed at run time as `timeframeWeights[h] × row[h]` (D-13: the §4.4
  /// w_eff table is informative only).
  public struct ExecMultipliers: Codable, Sendable, Equatable {
    /// execTF 1m: 1d 0.05, 1h 0.35, 1m 0.60.
    public var oneMinute: PerHorizon<Double>
    /// execTF 5m: 1d 0.10, 1h 0.50, 1m 0.40.
    public var fiveMinutes: PerHorizon<Double>
    /// execTF 15m: 1d 0.15, 1h 0.55, 1m 0.30.
    public var fifteenMinutes: PerHorizon<Double>
    /// execTF 1h: 1d 0.30, 1h 0.55, 1m 0.15.
    public var oneHour: PerHorizon<Double>
    /// execTF 4h: 1d 0.55, 1h 0.40, 1m 0.05.
    public var fourHours: PerHorizon<Double>
    /// execTF 1d: 1d 0.80, 1h 0.18, 1m 0.02.
    public var oneDay: PerHorizon<Double>
    /// The row an execution timeframe not in the table uses: `1h` (§4.1, T2).
    public var fallbackRow: ExecTimeframe
  }

  /// Coefficients of the five intent components (§5.1), evaluated left to
  /// right in this order.
  public struct IntentWeights: Codable, Sendable, Equatable {
    /// hi_buy coefficient.
    public var hiBuy: Double
    /// med_buy coefficient.
    public var medBuy: Double
    /// profit coefficient.
    public var profit: Double
    /// sell coefficient.
    public var sell: Double
    /// mock coefficient.
    public var mock: Double
  }

  /// Intent deltas (§5.1) and the aggregation of intent records into metrics (§5.2).
  public struct Intents: Codable, Sendable, Equatable {
    /// dA_int coefficients: 0.25, 0.15, −0.15, −0.25, −0.30.
    public var a: IntentWeights
    /// dE_int coefficients: −0.10, −0.05, +0.15, +0.35, +0.50.
    public var e: IntentWeights
    /// Independent cap of dA_int and dE_int: ±0.4 (§4.1, §5.1, [D07]).
    public var cap: Double
    /// Recency half-life of an intent record, hours: 72 (§5.2, `2^(−hoursAgo/72)`).
    public var halfLifeHours: Double
    /// Records whose recency factor is below this are ignored: 0.01 (≈ 478.4 h, §5.2).
    public var minRecencyWeight: Double
    /// Curator weight when the curator is unknown: 0.5 (§5.2).
    public var defaultCuratorWeight: Double
    /// Divisor of `(W / n) × (1 + ln n) / divisor`, the per-class metric: 2.0 (§5.2).
    public var scaleDivisor: Double
  }

  /// The bucket-multiplier configuration (§2.6, §6.2, §6.3). A formula-set
  /// field, not part of `PmConfigSet` (D-12); `v1` holds the recommended
  /// config. A formula-set file that gives an object takes
  /// `missingKeyDefaults` for missing keys, so `{}` ⇒ m = 1.0 (D-12).
  public struct BucketMultiplier: Codable, Sendable, Equatable {
    /// Rank adjustments by 1-based rank: element i applies to rank i + 1;
    /// ranks beyond the list add 0. Recommended [+0.12, +0.06, +0.02, −0.02,
    /// −0.06, −0.12] (the spec's `{"1": …, "6": …}` object as a list).
    public var rankAdjustments: [Double]
    /// Weight of the bucket's standardised meso slope: 0.4 recommended.
    public var slopeWeight: Double
    /// Minimum phase confidence for the rank and slope terms to apply: 0.4 recommended.
    public var minConfidence: Double
    /// Lower clamp of the multiplier m: 0.7.
    public var minMultiplier: Double
    /// Upper clamp of the multiplier m: 1.3.
    public var maxMultiplier: Double

    /// The values a missing key takes (§6.2 "default when the key is
    /// missing"): no rank adjustments, slope weight 0, min confidence 0,
    /// clamp [0.7, 1.3].
    public static let missingKeyDefaults = BucketMultiplier(
      rankAdjustments: [], slopeWeight: 0.0, minConfidence: 0.0, minMultiplier: 0.7,
      maxMultiplier: 1.3)

    /// The JSON keys, the property names.
    enum CodingKeys: String, CodingKey {
      case rankAdjustments, slopeWeight, minConfidence, minMultiplier, maxMultiplier
    }
  }

  /// Lever arithmetic around the channel sums: baseline, clamps, E-divisor
  /// floor, continuous size line (§4.1, §4.8, §6.4, §8.1).
  public struct Levers: Codable, Sendable, Equatable {
    /// A and E before overrides start from this baseline: A_base = E_base = 0.5 (§4.1).
    public var baseline: AEPair
    /// Final clamp of A (A_pre and A): [0, 1] (§4.1, §4.8).
    public var aClamp: Interval
    /// Final clamp of E (E_pre and E): [0, 1] (§4.1, §4.8).
    public var eClamp: Interval
    /// Floor of the multiplier E is divided by: `E / max(m, 0.2)` (§6.4).
    public var eDivisorFloor: Double
    /// `position_size_frac = intercept + slope × A`: intercept 0.10 (§8.1).
    public var positionSizeIntercept: Double
    /// `position_size_frac = intercept + slope × A`: slope 0.50 (§8.1).
    public var positionSizeSlope: Double
  }

  /// A_mode / E_mode discretisation, the only one (D-1, D-13): `low` if
  /// x < medFrom, `med` if medFrom ≤ x < highFrom, `high` if x ≥ highFrom,
  /// `unknown` if absent; applied to the lever output before any override,
  /// unrounded. Shared by the PM, the learning scope and the audit views.
  /// Replaces regime-ae §8.3's 0.3, portfolio-manager §3's 0.3/0.7 and
  /// learning.md's 0.33/0.67.
  public struct ModeThresholds: Codable, Sendable, Equatable {
    /// Lower bound of `med`: 0.4 (D-1).
    public var medFrom: Double
    /// Lower bound of `high`: 0.7 (D-1).
    public var highFrom: Double
  }

  /// Regime market-cap buckets, half-open, USD (§3.4.1, D-4): nano < $10M ≤
  /// small < $50M ≤ mid < $200M ≤ big. Used for bucket-composite membership,
  /// a token's bucket driver and the scope's `mcap_bucket` (D-4, D-12).
  /// Negative caps belong to no bucket; no cap ⇒ `unknown`.
  public struct RegimeBuckets: Codable, Sendable, Equatable {
    /// Lower bound of `small`: 10,000,000.
    public var smallFrom: Double
    /// Lower bound of `mid`: 50,000,000.
    public var midFrom: Double
    /// Lower bound of `big`: 200,000,000.
    public var bigFrom: Double
  }

  /// The 6-way cap label, half-open, USD (§3.4.4; learning.md §4.2 "PM cap
  /// bucket" has the same bounds). It serves only the bucket multiplier
  /// (D-12) and the learning scope's non-mined `bucket` key; nano < $100k.
  public struct CapLabels: Codable, Sendable, Equatable {
    /// Lower bound of `micro`: 100,000.
    public var microFrom: Double
    /// Lower bound of `mid`: 5,000,000.
    public var midFrom: Double
    /// Lower bound of `big`: 50,000,000.
    public var bigFrom: Double
    /// Lower bound of `large`: 500,000,000.
    public var largeFrom: Double
    /// Lower bound of `xl`: 1,000,000,000.
    public var xlFrom: Double
    /// The cap tagger ignores tokens below this market cap: 10,000 USD (§3.4.4).
    public var taggerMinMarketCap: Double
  }

  /// How a composite (ALT, buckets) is formed from its components (D-12).
  public enum CompositeMethod: String, Codable, Sendable, Equatable {
    /// Canonical (D-12): chain-linked equal-weight index,
    /// I_P = I_{P−1} × mean_c(close_c,P / close_c,P−1), base `indexBase`.
    case chainLinkedIndex
    /// The seed's raw price mean `(SOL+ETH+BNB+HYPE)/4` (regime-ae §3.3,
    /// §3.4.2): an option, and the reference parity set's method (D-12).
    case rawMean
  }

  /// Regime driver series: composites, sources, finalisation, staleness (§3, D-12, D-18).
  public struct Drivers: Codable, Sendable, Equatable {
    /// Composite method: `chainLinkedIndex` in v1 (D-12).
    public var composite: CompositeMethod
    /// Level of a chain-linked index at its first emitted bar: 100 (D-12).
    public var indexBase: Double
    /// ALT components, in summation order: SOL, ETH, BNB, HYPE (§3.3, D-12, [D35]).
    public var altComponents: [String]
    /// Minimum ALT components present for a period to have a bar: 3 (§3.3, D-12).
    public var altMinComponents: Int
    /// Minimum bucket members with a bar for a period to have a bar: 1 (§3.4.2, [D11], D-12).
    public var bucketMinComponents: Int
    /// At most this many members per bucket composite, by market cap descending: 64 (§3.4.2).
    public var bucketMaxTokens: Int
    /// Source preference for the BTC driver and each ALT component: a period's
    /// bar comes from the first stream of this list that has it; `SYM` stands
    /// for the symbol (D-18: SYM@hyperliquid, SYM@binance, SYM@coinbase,
    /// SYM@bitstamp, SYM; replaces §3.2/§3.3's hyperliquid-then-binance).
    public var sourcePreference: [String]
    /// Bars a driver series needs before its first evaluation: 1d 30, 1h 72,
    /// 1m 333 (§3.6 `minHistoryBars`, D-12).
    public var minHistoryBars: PerHorizon<Int>
    /// Finalisation grace after a period's end, ms: 1d 5 min, 1h 5 min,
    /// 1m 2 min (§3.1); also the grace of the stale rule (D-12).
    public var finalisationGraceMs: PerHorizon<Int>
    /// A driver snapshot is stale once evaluation time ≥ its bar's close +
    /// this many timeframe lengths + grace(tf): 2 (D-12).
    public var staleAfterTimeframes: Int
    /// Reference parity only: the reference's regime TA reads the oldest
    /// 400 bars ([D21]); read only when `referenceParity` is on.
    public var referenceTAOldestBars: Int
  }

  /// Baseline, clamps, multiplier floor, size line (§4.1, §6.4, §8.1).
  public var levers: Levers
  /// State deltas (§4.1).
  public var stateDeltas: StateDeltas
  /// Flag deltas (§4.1).
  public var flagDeltas: FlagDeltas
  /// Transition deltas into S0 (§4.1).
  public var transitionDeltas: TransitionDeltas
  /// Reserved, unapplied rebuy deltas (§4.1, [D04]).
  public var reservedRebuyDeltas: ReservedRebuyDeltas
  /// Driver weights (§4.1).
  public var driverWeights: DriverWeights
  /// Timeframe weights: 1d (macro) 0.50, 1h (meso) 0.40, 1m (micro) 0.10 (§1.2, §4.1).
  public var timeframeWeights: PerHorizon<Double>
  /// Execution-timeframe multipliers (§4.1).
  public var execMultipliers: ExecMultipliers
  /// Intent deltas and aggregation (§5).
  public var intents: Intents
  /// Bucket multiplier configuration, recommended config in v1 (§6.2, D-12, [D26]).
  public var bucketMultiplier: BucketMultiplier
  /// A_mode / E_mode thresholds (D-1).
  public var aeModes: ModeThresholds
  /// Regime market-cap buckets (§3.4.1, D-4).
  public var regimeBuckets: RegimeBuckets
  /// 6-way cap labels (§3.4.4).
  public var capLabels: CapLabels
  /// Driver series constants (§3, D-12, D-18).
  public var drivers: Drivers
  /// The single reference-parity switch of §0.2 covering every item marked
  /// *(parity switch)* in §11 (D09, D10, D12–D23, D26, D27–D30, D32).
  /// Optional (D-5); off in v1 (D-12, D-20).
  public var referenceParity: Bool
}

extension RegimeConstants.BucketMultiplier {
  /// Decodes a configuration object; each missing key takes its
  /// `missingKeyDefaults` value (D-12, §6.2).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = Self.missingKeyDefaults
    rankAdjustments =
      try c.decodeIfPresent([Double].self, forKey: .rankAdjustments) ?? d.rankAdjustments
    slopeWeight = try c.decodeIfPresent(Double.self, forKey: .slopeWeight) ?? d.slopeWeight
    minConfidence = try c.decodeIfPresent(Double.self, forKey: .minConfidence) ?? d.minConfidence
    minMultiplier = try c.decodeIfPresent(Double.self, forKey: .minMultiplier) ?? d.minMultiplier
    maxMultiplier = try c.decodeIfPresent(Double.self, forKey: .maxMultiplier) ?? d.maxMultiplier
  }
}

extension RegimeConstants {
  private typealias D = AEPair
  private typealias H = PerHorizon<Double>

  /// Formula set `v1` (D-20): the normative values of regime-ae.md with
  /// DECISIONS applied; every parity option off.
  public static let v1 = RegimeConstants(
    levers: Levers(
      baseline: D(a: 0.5, e: 0.5), aClamp: Interval(lower: 0.0, upper: 1.0),
      eClamp: Interval(lower: 0.0, upper: 1.0), eDivisorFloor: 0.2, positionSizeIntercept: 0.10,
      positionSizeSlope: 0.50),
    stateDeltas: StateDeltas(
      s0: D(a: -0.30, e: 0.30), s1: D(a: 0.25, e: -0.15), s2: D(a: 0.10, e: 0.05),
      s3: D(a: 0.20, e: -0.05), s4: D(a: 0.0, e: 0.0)),
    flagDeltas: FlagDeltas(
      s1Buy: D(a: 0.20, e: -0.10), s2Buy: D(a: 0.10, e: -0.05), s2Trim: D(a: -0.20, e: 0.25),
      s3Buy: D(a: 0.05, e: -0.05), s3FirstDipBuy: D(a: 0.15, e: -0.10),
      s3Trim: D(a: -0.25, e: 0.30)),
    transitionDeltas: TransitionDeltas(
      fromS1: D(a: -0.40, e: 0.40), fromS2: D(a: -0.35, e: 0.35), fromS3: D(a: -0.50, e: 0.50)),
    reservedRebuyDeltas: ReservedRebuyDeltas(s2: D(a: 0.15, e: -0.10), s3: D(a: 0.20, e: -0.10)),
    driverWeights: DriverWeights(btc: 1.0, alt: 1.5, bucket: 3.0, btcd: -1.0, usdtd: -3.0),
    timeframeWeights: H(macro: 0.50, meso: 0.40, micro: 0.10),
    execMultipliers: ExecMultipliers(
      oneMinute: H(macro: 0.05, meso: 0.35, micro: 0.60),
      fiveMinutes: H(macro: 0.10, meso: 0.50, micro: 0.40),
      fifteenMinutes: H(macro: 0.15, meso: 0.55, micro: 0.30),
      oneHour: H(macro: 0.30, meso: 0.55, micro: 0.15),
      fourHours: H(macro: 0.55, meso: 0.40, micro: 0.05),
      oneDay: H(macro: 0.80, meso: 0.18, micro: 0.02), fallbackRow: .oneHour),
    intents: Intents(
      a: IntentWeights(hiBuy: 0.25, medBuy: 0.15, profit: -0.15, sell: -0.25, mock: -0.30),
      e: IntentWeights(hiBuy: -0.10, medBuy: -0.05, profit: 0.15, sell: 0.35, mock: 0.50),
      cap: 0.4, halfLifeHours: 72, minRecencyWeight: 0.01, defaultCuratorWeight: 0.5,
      scaleDivisor: 2.0),
    bucketMultiplier: BucketMultiplier(
      rankAdjustments: [0.12, 0.06, 0.02, -0.02, -0.06, -0.12], slopeWeight: 0.4,
      minConfidence: 0.4, minMultiplier: 0.7, maxMultiplier: 1.3),
    aeModes: ModeThresholds(medFrom: 0.4, highFrom: 0.7),
    regimeBuckets: RegimeBuckets(smallFrom: 10_000_000, midFrom: 50_000_000, bigFrom: 200_000_000),
    capLabels: CapLabels(
      microFrom: 100_000, midFrom: 5_000_000, bigFrom: 50_000_000, largeFrom: 500_000_000,
      xlFrom: 1_000_000_000, taggerMinMarketCap: 10_000),
    drivers: Drivers(
      composite: .chainLinkedIndex, indexBase: 100, altComponents: ["SOL", "ETH", "BNB", "HYPE"],
      altMinComponents: 3, bucketMinComponents: 1, bucketMaxTokens: 64,
      sourcePreference: ["SYM@hyperliquid", "SYM@binance", "SYM@coinbase", "SYM@bitstamp", "SYM"],
      minHistoryBars: PerHorizon(macro: 30, meso: 72, micro: 333),
      finalisationGraceMs: PerHorizon(macro: 300_000, meso: 300_000, micro: 120_000),
      staleAfterTimeframes: 2, referenceTAOldestBars: 400),
    referenceParity: false)
}
