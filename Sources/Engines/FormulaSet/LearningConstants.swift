/// The outcome-first learning system's constants (learning.md §5, §7–§13,
/// Appendix A), as settled by DECISIONS D-2, D-3, D-16 and D-17. Part of the
/// formula set (D-6).
///
/// Held elsewhere, once: A_mode / E_mode thresholds (`RegimeConstants.aeModes`,
/// D-1); the PM cap buckets of §4.2 (`RegimeConstants.capLabels`); trade R/R
/// clamp, outcome, hold and counterfactual classes of §2.3.3, which the PM
/// computes (`PortfolioConstants.outcomes`); the DM timeframe splits of §5.5
/// (`PortfolioConstants.allocation`, D-16); the engine defaults TS 0.60,
/// DX 0.60, halo 1.0, dx_atr_mult 6.0 of §9.3 (`PortfolioConstants.gateTuning`
/// bases, TS and DX divided by its `thresholdScale`); the blend weight of §10
/// (`PortfolioConstants.strengthOverrides`, D-16).
public struct LearningConstants: Codable, Sendable, Equatable {
  /// An ordered bucket ladder: value v gets `labels[i]` for the first i with
  /// v < `upperBounds[i]`, else the last label (lower bound inclusive, upper
  /// exclusive). `labels.count == upperBounds.count + 1`.
  public struct Ladder: Codable, Sendable, Equatable {
    /// Exclusive upper bounds, ascending.
    public var upperBounds: [Double]
    /// Labels, one more than the bounds.
    public var labels: [String]
  }

  /// A periodic job on event time: boundaries at `offsetMs + j × periodMs`
  /// after 00:00 UTC of each day (§13, D-17).
  public struct Schedule: Codable, Sendable, Equatable {
    /// Period, ms.
    public var periodMs: Int
    /// Offset of the first boundary after 00:00 UTC, ms.
    public var offsetMs: Int
  }

  /// Path 1, the coefficient updater (timeframe-weight EWMA) (§5.2, §5.3, §5.5).
  public struct Coefficients: Codable, Sendable, Equatable {
    /// `TAU_SHORT`: 14 days.
    public var tauShortDays: Double
    /// `TAU_LONG`: 90 days.
    public var tauLongDays: Double
    /// Clamp of a timeframe weight `rr_short / global rr_short`: [0.5, 2.0]
    /// (`WEIGHT_MIN`, `WEIGHT_MAX`).
    public var weightClamp: RegimeConstants.Interval
    /// `IMPORTANCE_BLEED_ALPHA`: 0.2, declared by the reference and unused (§5.2).
    public var importanceBleedAlpha: Double
    /// Value of a missing `rr_short` / `rr_long` in an existing row, the EWMA
    /// prior: 1.0 (§5.3, ⟨D20⟩).
    public var priorRR: Double
    /// Timeframe of a close event without one: `1h` (§5.3; also the scope default, §4.2).
    public var defaultTimeframe: String
  }

  /// Token-dimension vocabularies of the mined scope (§4.2).
  public struct ScopeBuckets: Codable, Sendable, Equatable {
    /// `mcap_bucket`, USD market cap (set only when > 0).
    public var mcap: Ladder
    /// `vol_bucket`, 24 h USD volume (set only when > 0).
    public var volume: Ladder
    /// `age_bucket`, token age in days.
    public var ageDays: Ladder
    /// `mcap_vol_ratio_bucket`, mcap ÷ volume (volume 0 → last label, ⟨D41⟩).
    public var mcapVolumeRatio: Ladder
  }

  /// Lesson builder (§7.1–§7.5; D-2).
  public struct LessonBuilder: Codable, Sendable, Equatable {
    /// `N_MIN_SLICE`: a group or slice qualifies with ≥ 33 distinct trades
    /// (D-16: n = 33 qualifies).
    public var minSliceTrades: Int
    /// `MAX_EVENTS_MINED`: the window is the newest 5000 rows (⟨D23⟩).
    public var maxEventsMined: Int
    /// `VAR_PRIOR` in `reliability = 1 / (1 + variance + VAR_PRIOR / max(1, n))`: 0.25.
    public var variancePrior: Double
    /// `PRUNE_FULL_COVERAGE`: skip a child whose slice equals its parent's: on
    /// (compat off, ⟨D24⟩; D-16: compares a child's count with its parent's).
    public var pruneFullCoverage: Bool
    /// `MAX_SUBSET_DIMS`: at most 10 dimensions per subset; nil = unlimited
    /// (compat, ⟨D24⟩).
    public var maxSubsetDims: Int?
    /// `support_score = 1 − e^(−n / 50)`: scale 50.
    public var supportScale: Double
    /// `ev_score = σ(delta_rr / 0.5)`: scale 0.5.
    public var evScoreScale: Double
    /// `magnitude_score = σ(avg_rr / 1.0)`: scale 1.0.
    public var magnitudeScale: Double
    /// `time_score`, the reference placeholder: 1.0.
    public var timeScore: Double
    /// `edge_raw = avg_rr − 1.0` (D-2, seed-literal): the base 1.0.
    public var edgeRawBaseRR: Double
  }

  /// Decay fit of a slice's R/R over time (§7.5 `fitDecay`, `halfLife`, `ols`).
  public struct Decay: Codable, Sendable, Equatable {
    /// Fewer points than this give no fit: 5.
    public var minPoints: Int
    /// Points with |rr| ≤ this are dropped before the log fit: 1e-9.
    public var zeroTolerance: Double
    /// A log slope ≥ −this gives no half-life: 1e-6.
    public var logSlopeTolerance: Double
    /// Clamp of the half-life, hours: [1, 8760].
    public var halfLifeClampHours: RegimeConstants.Interval
    /// Half-lives below this scale the multiplier `0.5 + 0.5·min(1, hl/168)`: 168 h.
    public var stableHalfLifeHours: Double
    /// Base and half-life weight of that multiplier: 0.5.
    public var shortHalfLifeMultiplierBase: Double
    /// |linear slope| above this (R/R per hour) is `decaying` / `improving`: 0.001.
    public var linearSlopeThreshold: Double
    /// Scale of |slope| in the slope multiplier `1 ± min(|b|·100, 0.5)`: 100.
    public var slopeMultiplierScale: Double
    /// Cap of that term: 0.5, so the multiplier stays in [0.5, 1.5].
    public var slopeMultiplierCap: Double
    /// OLS returns 0 when |denominator| < this: 1e-9.
    public var olsDegenerateDenominator: Double
  }

  /// Meta-factors and the regime-adaptive `edge_score` (§7.6, ⟨D18⟩; informational).
  public struct MetaFactors: Codable, Sendable, Equatable {
    /// Recurrence EWMA of `edge_composite` (D-16) across builder runs: τ = 30 days.
    public var recurrenceTauDays: Double
    /// `m_fc = (0.5 + 0.5·φ) · (0.5 + 0.5·tanh(k / 3))`: support scale 3.
    public var fieldCoherenceSupportScale: Double
    /// Weight of each factor when no regime weights match: 1.0 (§7.6, §8.4).
    public var defaultWeight: Double
  }

  /// Which driver the regime signature reads (§8.2, ⟨D17⟩, an open question).
  public enum SignatureDriver: String, Codable, Sendable, Equatable {
    /// `macro=<btc_macro>|meso=<btc_meso>`: v1 (the spec's choice).
    case btc
    /// The token's bucket driver, the alternative ⟨D17⟩ names.
    case bucket
  }

  /// Regime weight learner (§8.1, §8.2).
  public struct RegimeWeights: Codable, Sendable, Equatable {
    /// `N_MIN_REGIME`: groups with fewer trades are skipped: 10.
    public var minGroupTrades: Int
    /// Fewer non-null (factor, target) pairs give weight 1.0: 5.
    public var minPairs: Int
    /// Weight = clamp(offset + Pearson r, clamp): offset 0.5.
    public var weightOffset: Double
    /// Clamp of the weight: [0.3, 1.7].
    public var weightClamp: RegimeConstants.Interval
    /// `confidence = min(1, n_samples / 50)`: scale 50.
    public var confidenceScale: Double
    /// Signature driver: `btc` in v1.
    public var signatureDriver: SignatureDriver
  }

  /// Strength-override materializer (§9.2; D-2, D-3, D-16).
  public struct Materializer: Codable, Sendable, Equatable {
    /// `EDGE_SIGNIFICANCE_THRESHOLD` on |`edge_composite`| (D-2): 0.05.
    public var edgeSignificanceThreshold: Double
    /// `[SIZE_MULT_MIN, SIZE_MULT_MAX]` of `size_multiplier = clamp(1 +
    /// edge_composite, …)`: [0.3, 3.0]; also the PM's clamp of the blended
    /// multiplier (D-16).
    public var sizeMultiplier: RegimeConstants.Interval
    /// `MIN_SAMPLES`: 33.
    public var minSamples: Int
    /// `MIN_DECAY_HALFLIFE_HOURS`: a known half-life below 24 h produces no
    /// override; unknown passes (D-3; learning.md said 0).
    public var minDecayHalfLifeHours: Double
  }

  /// Tuning overrides (§9.3) and the tuning miner (§11).
  public struct Tuning: Codable, Sendable, Equatable {
    /// Whether the tuning miner runs (at each of its ticks, §11, §13): on.
    public var minerEnabled: Bool
    /// Miner support: ≥ 33 rows per slice and per pattern group (§11 `N_MIN`).
    public var minerMinRows: Int
    /// Miner look-back on event time: 90 days (§11 `LOOKBACK_DAYS`).
    public var minerLookbackDays: Double
    /// Decimals the miner rounds its rates (and ladder pressure) to: 3 (§11).
    public var rateDecimals: Int
    /// `ETA` of `m_thr = exp(−ETA × pressure)`, `m_halo = exp(+ETA × pressure)`: 0.005.
    public var eta: Double
    /// Clamp of m_thr and m_halo: [0.5, 2.0].
    public var multiplierClamp: RegimeConstants.Interval
    /// A lever with |m − 1| below this is dropped: 0.01.
    public var driftNoiseFloor: Double
    /// `ETA_DX_LADDER` of `m = exp(ETA × ladder_pressure × scale)`: 0.02.
    public var dxLadderEta: Double
    /// The `× 10` of that exponent.
    public var dxLadderPressureScale: Double
    /// Clamp of the ladder m: [0.7, 1.5].
    public var dxLadderClamp: RegimeConstants.Interval
    /// A ladder m with |m − 1| below this is skipped: 0.02.
    public var dxLadderNoiseFloor: Double
    /// A ladder lesson needs `n_success` ≥ 10 (materializer).
    public var dxLadderMinSuccesses: Int
    /// A ladder lesson needs |ladder_pressure| ≥ 0.05.
    public var dxLadderPressureFloor: Double
    /// Ladder override `confidence = min(1, n_success / 100)`: scale 100.
    public var dxLadderConfidenceScale: Double
  }

  /// Batch jobs on event time (§13, D-17; seed cadence ⟨D2⟩).
  public struct Schedules: Codable, Sendable, Equatable {
    /// Lesson builder (pm): every 6 h at 00:08, 06:08, 12:08, 18:08.
    public var lessonBuilder: Schedule
    /// Tuning miner: every 6 h at 00:09, 06:09, 12:09, 18:09.
    public var tuningMiner: Schedule
    /// Override materializer: every 2 h at HH:10 for even HH.
    public var overrideMaterializer: Schedule
    /// Regime weight learner: daily at 01:00.
    public var regimeWeightLearner: Schedule
  }

  /// Sampling parameters and enablement of one LLM level (§12.1).
  public struct LLMLevel: Codable, Sendable, Equatable {
    /// Level number, 1…5.
    public var level: Int
    /// Whether the level runs: L1 and L2 on, L3–L5 off.
    public var enabled: Bool
    /// Sampling temperature.
    public var temperature: Double
    /// Response token limit.
    public var maxTokens: Int
  }

  /// Path 3, the LLM research layer (§12). Replays use recorded responses;
  /// these decide whether and with what a call is made.
  public struct LLM: Codable, Sendable, Equatable {
    /// Levels 1…5: 0.4/1600 on, 0.4/900 on, 0.5/2000 off, 0.5/2000 off, 0.6/2000 off.
    public var levels: [LLMLevel]
    /// Order the levels run in within one close: L1, L2, L5, L3, L4.
    public var executionOrder: [Int]
    /// Default model: `anthropic/claude-3.5-sonnet`.
    public var model: String
    /// Prompt template version: `v2.0`.
    public var templateVersion: String
    /// L1: braids and lessons updated within this many days: 30.
    public var l1WindowDays: Double
    /// L1: lessons read for braids: 100.
    public var l1BraidCandidates: Int
    /// L1: at most 30 braids (one per pattern key).
    public var l1MaxBraids: Int
    /// L1: at most 20 lessons.
    public var l1MaxLessons: Int
    /// L3: lessons read: 300.
    public var l3LessonsRead: Int
    /// L3: needs at least 10 patterns.
    public var l3MinPatterns: Int
    /// L3: families sent: 12.
    public var l3Families: Int
    /// L3: patterns per family sent: 3.
    public var l3PatternsPerFamily: Int
    /// L3: dimensions per pattern sent (first in sorted order): 4.
    public var l3Dims: Int
    /// L4: lessons read for family ids: 500.
    public var l4LessonsRead: Int
    /// L4: families (ascending): 8.
    public var l4Families: Int
    /// L4: lessons read per family: 50.
    public var l4LessonsPerFamily: Int
    /// L4: a family needs at least 5 lessons.
    public var l4MinLessons: Int
    /// L4: lessons sent per family: 12.
    public var l4LessonsSent: Int
    /// L5: lessons read: 200.
    public var l5LessonsRead: Int
    /// L5: needs at least 5 patterns.
    public var l5MinPatterns: Int
    /// L5: lessons kept: 50.
    public var l5LessonsKept: Int
    /// L5: patterns sent: 25.
    public var l5PatternsSent: Int
    /// L5: lessons sent: 15.
    public var l5LessonsSent: Int
  }

  /// Coefficient updater (§5).
  public var coefficients: Coefficients
  /// Scope token vocabularies (§4.2).
  public var scopeBuckets: ScopeBuckets
  /// Lesson builder (§7).
  public var lessonBuilder: LessonBuilder
  /// Decay fit (§7.5).
  public var decay: Decay
  /// Meta-factors (§7.6).
  public var metaFactors: MetaFactors
  /// Regime weight learner (§8).
  public var regimeWeights: RegimeWeights
  /// Strength-override materializer (§9.2).
  public var materializer: Materializer
  /// Tuning overrides and miner (§9.3, §11).
  public var tuning: Tuning
  /// Job schedules (§13, D-17).
  public var schedules: Schedules
  /// LLM layer (§12).
  public var llm: LLM
  /// Scope merge parity option (D-16): when on, entry-context values win
  /// over the action-time A_mode, E_mode, bucket_leader, bucket_rank_position
  /// and 15 regime keys (the reference rule of §4.5). Off in v1: the
  /// action-time value wins and the entry context fills only absent keys.
  public var scopeEntryContextWins: Bool
  /// Reference-compat mode of §0.1 (§4.5's reference merge without the
  /// [SPEC] fallbacks, `pnl_usd` 0.0 ⟨D9⟩, the mcap merge ⟨D29⟩). Optional
  /// (D-5); off in v1 (D-20). `pruneFullCoverage` and `maxSubsetDims` are
  /// separate fields.
  public var referenceCompat: Bool
}

extension LearningConstants {
  private static let hourMs = 3_600_000
  private static let minuteMs = 60_000

  /// Formula set `v1` (D-20): the spec values of learning.md with DECISIONS
  /// applied; every parity option off.
  public static let v1 = LearningConstants(
    coefficients: Coefficients(
      tauShortDays: 14, tauLongDays: 90,
      weightClamp: RegimeConstants.Interval(lower: 0.5, upper: 2.0),
      importanceBleedAlpha: 0.2, priorRR: 1.0, defaultTimeframe: "1h"),
    scopeBuckets: ScopeBuckets(
      mcap: Ladder(
        upperBounds: [500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 50_000_000],
        labels: ["<500k", "500k-1m", "1m-2m", "2m-5m", "5m-10m", "10m-50m", "50m+"]),
      volume: Ladder(
        upperBounds: [10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000],
        labels: ["<10k", "10k-50k", "50k-100k", "100k-250k", "250k-500k", "500k-1m", "1m+"]),
      ageDays: Ladder(
        upperBounds: [1, 3, 7, 14, 30, 90],
        labels: ["<1d", "1-3d", "3-7d", "7-14d", "14-30d", "30-90d", "90d+"]),
      mcapVolumeRatio: Ladder(
        upperBounds: [0.1, 0.5, 1.0, 2.0, 5.0],
        labels: ["<0.1", "0.1-0.5", "0.5-1.0", "1.0-2.0", "2.0-5.0", "5.0+"])),
    lessonBuilder: LessonBuilder(
      minSliceTrades: 33, maxEventsMined: 5000, variancePrior: 0.25, pruneFullCoverage: true,
      maxSubsetDims: 10, supportScale: 50, evScoreScale: 0.5, magnitudeScale: 1.0, timeScore: 1.0,
      edgeRawBaseRR: 1.0),
    decay: Decay(
      minPoints: 5, zeroTolerance: 1e-9, logSlopeTolerance: 1e-6,
      halfLifeClampHours: RegimeConstants.Interval(lower: 1, upper: 8760), stableHalfLifeHours: 168,
      shortHalfLifeMultiplierBase: 0.5, linearSlopeThreshold: 0.001, slopeMultiplierScale: 100,
      slopeMultiplierCap: 0.5, olsDegenerateDenominator: 1e-9),
    metaFactors: MetaFactors(
      recurrenceTauDays: 30, fieldCoherenceSupportScale: 3, defaultWeight: 1.0),
    regimeWeights: RegimeWeights(
      minGroupTrades: 10, minPairs: 5, weightOffset: 0.5,
      weightClamp: RegimeConstants.Interval(lower: 0.3, upper: 1.7), confidenceScale: 50,
      signatureDriver: .btc),
    materializer: Materializer(
      edgeSignificanceThreshold: 0.05,
      sizeMultiplier: RegimeConstants.Interval(lower: 0.3, upper: 3.0),
      minSamples: 33, minDecayHalfLifeHours: 24),
    tuning: Tuning(
      minerEnabled: true, minerMinRows: 33, minerLookbackDays: 90, rateDecimals: 3, eta: 0.005,
      multiplierClamp: RegimeConstants.Interval(lower: 0.5, upper: 2.0), driftNoiseFloor: 0.01,
      dxLadderEta: 0.02, dxLadderPressureScale: 10,
      dxLadderClamp: RegimeConstants.Interval(lower: 0.7, upper: 1.5), dxLadderNoiseFloor: 0.02,
      dxLadderMinSuccesses: 10, dxLadderPressureFloor: 0.05, dxLadderConfidenceScale: 100),
    schedules: Schedules(
      lessonBuilder: Schedule(periodMs: 6 * hourMs, offsetMs: 8 * minuteMs),
      tuningMiner: Schedule(periodMs: 6 * hourMs, offsetMs: 9 * minuteMs),
      overrideMaterializer: Schedule(periodMs: 2 * hourMs, offsetMs: 10 * minuteMs),
      regimeWeightLearner: Schedule(periodMs: 24 * hourMs, offsetMs: hourMs)),
    llm: LLM(
      levels: [
        LLMLevel(level: 1, enabled: true, temperature: 0.4, maxTokens: 1600),
        LLMLevel(level: 2, enabled: true, temperature: 0.4, maxTokens: 900),
        LLMLevel(level: 3, enabled: false, temperature: 0.5, maxTokens: 2000),
        LLMLevel(level: 4, enabled: false, temperature: 0.5, maxTokens: 2000),
        LLMLevel(level: 5, enabled: false, temperature: 0.6, maxTokens: 2000),
      ], executionOrder: [1, 2, 5, 3, 4], model: "anthropic/claude-3.5-sonnet",
      templateVersion: "v2.0", l1WindowDays: 30, l1BraidCandidates: 100, l1MaxBraids: 30,
      l1MaxLessons: 20, l3LessonsRead: 300, l3MinPatterns: 10, l3Families: 12,
      l3PatternsPerFamily: 3, l3Dims: 4, l4LessonsRead: 500, l4Families: 8, l4LessonsPerFamily: 50,
      l4MinLessons: 5, l4LessonsSent: 12, l5LessonsRead: 200, l5MinPatterns: 5, l5LessonsKept: 50,
      l5PatternsSent: 25, l5LessonsSent: 15),
    scopeEntryContextWins: false, referenceCompat: false)
}
