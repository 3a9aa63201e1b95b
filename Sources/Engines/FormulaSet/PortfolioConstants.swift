/// The paper Portfolio Manager's constants (portfolio-manager.md §3 "All
/// constants of the reference, as defaults of `PMConfig`", §7, §8, §11, §17;
/// regime-ae.md §8.2, §9 and Appendix A for the same PM rules), as settled by
/// DECISIONS D-13 and D-16. Part of the formula set (D-6).
///
/// A/E modes are `RegimeConstants.aeModes` (D-1); the blended strength size
/// multiplier is clamped to `LearningConstants.materializer.sizeMultiplier`
/// (D-16); the Uptrend Engine's own gate constants (TS 0.60, DX 0.60, EDX
/// suppression, price-position boost) belong to the TA/Uptrend constants.
public struct PortfolioConstants: Codable, Sendable, Equatable {
  /// A size tier triple, picked by a score s (A for buys, E for trims):
  /// `high` if s ≥ `tierThresholds.highFrom`, `mid` if s ≥ `midFrom`, else `low`.
  public struct Tier: Codable, Sendable, Equatable {
    /// Size when the score is high.
    public var high: Double
    /// Size when the score is mid.
    public var mid: Double
    /// Size when the score is low.
    public var low: Double
  }

  /// One step of a ratio table: applies when ratio ≥ `atLeast`.
  public struct RatioStep: Codable, Sendable, Equatable {
    /// Inclusive lower bound of the ratio.
    public var atLeast: Double
    /// Multiplier for that step.
    public var multiplier: Double
  }

  /// A step function of a ratio: the first step (in list order) whose bound
  /// the ratio reaches, else `otherwise`.
  public struct RatioTable: Codable, Sendable, Equatable {
    /// Steps, highest bound first.
    public var steps: [RatioStep]
    /// Multiplier below every step.
    public var otherwise: Double
  }

  /// Allocation of a token across timeframe positions (§3, §5.2).
  public struct Allocation: Codable, Sendable, Equatable {
    /// Default `allocation_pct` of the wallet the DM grants a token: 15.0 % (§3).
    public var defaultAllocationPct: Double
    /// Split of 15m / 1h / 4h, summing to 1: 0.20 / 0.40 / 0.40 (§3, §5.2;
    /// chosen over learning.md §5.5's 0.25 / 0.50 / 0.25 + 1m 0.10, D-16:
    /// splits normalise over 15m/1h/4h and sum to 1).
    public var timeframeSplits: TimeframeSplits
    /// Bars on a timeframe before its position is tradable (`watchlist`): 333 (§3, §5.1).
    public var minBarsToTrade: Int
  }

  /// Base allocation split per position timeframe (§3).
  public struct TimeframeSplits: Codable, Sendable, Equatable {
    /// 15m: 0.20.
    public var fifteenMinutes: Double
    /// 1h: 0.40.
    public var oneHour: Double
    /// 4h: 0.40.
    public var fourHours: Double
  }

  /// Thresholds of the tier function (§0, §3, regime-ae §8.2); they keep
  /// 0.7 / 0.3 (D-13), unlike the A/E modes (D-1).
  public struct TierThresholds: Codable, Sendable, Equatable {
    /// Lower bound (inclusive) of the high tier: 0.7.
    public var highFrom: Double
    /// Lower bound (inclusive) of the mid tier: 0.3.
    public var midFrom: Double
  }

  /// Buy size tiers by A (§3, §7.2, §7.3).
  public struct BuyTiers: Codable, Sendable, Equatable {
    /// S1 entry/add, fraction of `usd_alloc_remaining`: 0.90 / 0.60 / 0.30.
    public var s1Entry: Tier
    /// S2 dip when flat, fraction of remaining × entry multiplier: 0.25 / 0.15 / 0.05.
    public var s2FlatEntry: Tier
    /// S2 dip from the trim pool, fraction of the pool basis: 0.60 / 0.30 / 0.10.
    public var s2PoolDip: Tier
    /// S3 DX buy, fraction of the pool basis per buy: 0.20 / 0.10 / 0.0333.
    public var s3Dx: Tier
    /// Rebuy after an emergency exit once EMA333 is reclaimed, fraction of the
    /// exit value: 0.60 / 0.30 / 0.10.
    public var reclaimRebuy: Tier
    /// Most DX buys per trim pool: 3 (§3, §7.2 P6, §7.6).
    public var maxDxBuysPerPool: Int
    /// Entry multiplier by profit ratio extracted / allocated: ≥ 1.0 → 0.3;
    /// ≥ 0.0 → 1.0; else 1.5 (unreachable, §15 D25) (§3, §7.1).
    public var entryMultiplier: RatioTable
  }

  /// Trim sizing and gating (§3, §7.2 P3, §7.4).
  public struct Trims: Codable, Sendable, Equatable {
    /// Base fraction of the held quantity by E: 0.60 / 0.30 / 0.15.
    public var tiers: Tier
    /// Trim multiplier by extraction ratio: ≥ 3.0 → 0.1; ≥ 1.0 → 0.3;
    /// ≥ 0.5 → 1.0; else 1.5 (§3, §7.1).
    public var multiplier: RatioTable
    /// Largest trim fraction (`PM_MAX_TRIM_FRAC`): 0.9.
    public var maxFraction: Double
    /// Cooldown, bars: a trim needs `k − lastTrim.barIndex − 1 ≥ 3` (§7.4, §15 D21).
    public var cooldownBars: Int
    /// An S/R level is new when it differs by more than this fraction of the
    /// price: 0.01 (§3, §7.2 P3).
    public var newLevelFraction: Double
  }

  /// One tunable gate control: base when unset, clamp of `base + delta` (§7.7).
  public struct Control: Codable, Sendable, Equatable {
    /// Default value of the control.
    public var base: Double
    /// Lower clamp.
    public var lower: Double
    /// Upper clamp; nil = no upper bound.
    public var upper: Double?
  }

  /// Gate re-evaluation with tuning overrides (§3, §7.7; regime-ae §9.3; D-16).
  public struct GateTuning: Codable, Sendable, Equatable {
    /// `ts_min`, 0–100 TS scale: base 60, clamp [10, 300].
    public var tsMin: Control
    /// S1 `halo_mult` (× ATR around EMA60): base 1.0, clamp [0.5, 5.0].
    public var haloMult: Control
    /// `dx_min`, 0–100 DX scale: base 60, clamp [10, 300].
    public var dxMin: Control
    /// DX ladder `dx_atr_mult` (next arm = fill − mult × ATR): base 6.0, ≥ 0.5,
    /// no upper bound (§15 D16, regime-ae [D30]); also the ladder step of §3.
    public var dxAtrMult: Control
    /// `slope_min`: base 0.1, clamp [0, 1] (parsed, no effect).
    public var slopeMin: Control
    /// Learning's `ts_threshold` / `dx_threshold` deltas (0–1 scale) are
    /// multiplied by this to give ts_min / dx_min deltas: 100 (§7.7, D-16).
    public var thresholdScale: Double
    /// Tuning key of the S1 gate: `pm.uptrend.S1.entry` (§7.7, D-16).
    public var s1GateKey: String
    /// Tuning key of the S3 gate: `pm.uptrend.S3.buy_flag` (D-16; replaces
    /// §7.7's `uptrend.S3.dx` for the gate).
    public var s3GateKey: String
    /// Tuning key of the DX ladder: `pm.uptrend.S3.dx` (D-16).
    public var dxLadderKey: String
  }

  /// Strength-override blend (§7.8; regime-ae §9.2; D-16's one blend rule:
  /// w = confidence × (perKey·k + 1)^exponent).
  public struct StrengthOverrides: Codable, Sendable, Equatable {
    /// Specificity per scope-subset key: 1.5 (`1.5·k + 1`).
    public var specificityPerKey: Double
    /// Specificity exponent: 1.5.
    public var specificityExponent: Double
    /// Confidence of a row without one: 0.5 (D-16; regime-ae [D29]).
    public var defaultConfidence: Double
    /// Clamp of the blended dirA* and dirE*: [−0.5, 0.5].
    public var directionClamp: RegimeConstants.Interval
    /// Clamp of the diagnostic A′ = A + dirA*: [0.1, 0.9] (regime-ae §9.2).
    public var aClamp: RegimeConstants.Interval
    /// Clamp of the diagnostic E′ = E + dirE*: [0.1, 0.9] (regime-ae §9.2).
    public var eClamp: RegimeConstants.Interval
    /// Clamp of the diagnostic size′ = size × (1 + dirA*): [0.1, 1.0] (regime-ae §9.2).
    public var sizeClamp: RegimeConstants.Interval
  }

  /// Exposure skew, a concentration damper (§7.8; regime-ae §9.2). Optional (§17).
  public struct ExposureSkew: Codable, Sendable, Equatable {
    /// Whether the skew applies: off in v1 (§7.8 "optional, default off").
    public var enabled: Bool
    /// `skew = clamp(offset − conc_norm, range)`: offset 1.33.
    public var offset: Double
    /// Clamp of the skew: [0.33, 1.33].
    public var range: RegimeConstants.Interval
    /// Mask weight `(|mask| / weightedDimensions)^maskWeightExponent`: exponent 0.5.
    public var maskWeightExponent: Double
    /// Number of weighted scope dimensions: 33.
    public var weightedDimensions: Double
    /// Weight of scope exposure in `conc`: 1.0.
    public var scopeWeight: Double
    /// Weight of pattern exposure in `conc`: 0.5.
    public var patternWeight: Double
    /// Scope masks: [mcap_bucket], [mcap_bucket, timeframe], [mcap_bucket, timeframe, chain].
    public var masks: [[String]]
  }

  /// Trade R/R and outcome classes (§3, §11; learning.md §2.3.3).
  public struct Outcomes: Codable, Sendable, Equatable {
    /// rr is clamped to [−rrBound, rrBound]; a zero-drawdown win gets +rrBound: 33 (§15 D7).
    public var rrBound: Double
    /// `big_win` if rr > 2.0.
    public var bigWinAbove: Double
    /// `big_loss` if rr < −1.0.
    public var bigLossBelow: Double
    /// `small_win` if rr > 0.5.
    public var smallWinAbove: Double
    /// `small_loss` if rr < 0; else `breakeven`.
    public var smallLossBelow: Double
    /// Hold class `short` below 7 days.
    public var shortHoldBelowDays: Double
    /// Hold class `medium` up to and including 30 days; else `long`.
    public var mediumHoldUpToDays: Double
    /// Counterfactual bucket `small` from missed R 0.5 (below, or null: `none`).
    public var counterfactualSmallFrom: Double
    /// Counterfactual bucket `medium` from 1.0.
    public var counterfactualMediumFrom: Double
    /// Counterfactual bucket `large` from 2.0.
    public var counterfactualLargeFrom: Double
  }

  /// Where a paper fill is priced (§8).
  public enum FillPrice: String, Codable, Sendable, Equatable {
    /// At the close of the decision bar (the PM's rule, v1).
    case barClose
    /// At the next bar's open (optional, not the reference).
    case nextOpen
  }

  /// Paper fill model (§3, §8).
  public struct Fills: Codable, Sendable, Equatable {
    /// Fill price: `barClose` in v1.
    public var price: FillPrice
    /// Slippage, basis points: 0.
    public var slippageBps: Double
    /// Fee, basis points: 0.
    public var feeBps: Double
    /// A buy whose notional is ≤ this is dropped: 0 USD.
    public var minNotionalUsd: Double
    /// Closing with more than this quantity left logs a warning: 0.01 tokens (§3, §11).
    public var dustQuantity: Double
  }

  /// Optional refinements of §17 that are switches; all off in v1.
  public struct Refinements: Codable, Sendable, Equatable {
    /// Per-buy-fill R/R `rr_i` (§11): off.
    public var perActionRR: Bool
    /// Shadow / near-miss tracking side records (§15 D18): off.
    public var shadowTracking: Bool
    /// NAV instead of free cash as the allocation base (§15 D22): off.
    public var navAllocationBase: Bool
  }

  /// Allocation (§3, §5.2).
  public var allocation: Allocation
  /// Tier function thresholds (§0, D-13).
  public var tierThresholds: TierThresholds
  /// Buy sizing (§3, §7.2, §7.3).
  public var buys: BuyTiers
  /// Trim sizing (§3, §7.4).
  public var trims: Trims
  /// Fraction of the quantity an exit sells: 1.0 (§3; emergency exits too).
  public var exitFraction: Double
  /// Gate tuning (§7.7, D-16).
  public var gateTuning: GateTuning
  /// Strength overrides (§7.8, D-16).
  public var strengthOverrides: StrengthOverrides
  /// Exposure skew (§7.8), off.
  public var exposureSkew: ExposureSkew
  /// R/R, outcome, hold and counterfactual classes (§3, §11).
  public var outcomes: Outcomes
  /// Paper fills (§8).
  public var fills: Fills
  /// Optional refinements (§17), off.
  public var refinements: Refinements
}

extension PortfolioConstants {
  private typealias I = RegimeConstants.Interval

  /// Formula set `v1` (D-20): the recommended values of portfolio-manager.md
  /// with DECISIONS applied; every optional feature off.
  public static let v1 = PortfolioConstants(
    allocation: Allocation(
      defaultAllocationPct: 15.0,
      timeframeSplits: TimeframeSplits(fifteenMinutes: 0.20, oneHour: 0.40, fourHours: 0.40),
      minBarsToTrade: 333),
    tierThresholds: TierThresholds(highFrom: 0.7, midFrom: 0.3),
    buys: BuyTiers(
      s1Entry: Tier(high: 0.90, mid: 0.60, low: 0.30),
      s2FlatEntry: Tier(high: 0.25, mid: 0.15, low: 0.05),
      s2PoolDip: Tier(high: 0.60, mid: 0.30, low: 0.10),
      s3Dx: Tier(high: 0.20, mid: 0.10, low: 0.0333),
      reclaimRebuy: Tier(high: 0.60, mid: 0.30, low: 0.10), maxDxBuysPerPool: 3,
      entryMultiplier: RatioTable(
        steps: [
          RatioStep(atLeast: 1.0, multiplier: 0.3), RatioStep(atLeast: 0.0, multiplier: 1.0),
        ],
        otherwise: 1.5)),
    trims: Trims(
      tiers: Tier(high: 0.60, mid: 0.30, low: 0.15),
      multiplier: RatioTable(
        steps: [
          RatioStep(atLeast: 3.0, multiplier: 0.1), RatioStep(atLeast: 1.0, multiplier: 0.3),
          RatioStep(atLeast: 0.5, multiplier: 1.0),
        ], otherwise: 1.5),
      maxFraction: 0.9, cooldownBars: 3, newLevelFraction: 0.01),
    exitFraction: 1.0,
    gateTuning: GateTuning(
      tsMin: Control(base: 60, lower: 10, upper: 300),
      haloMult: Control(base: 1.0, lower: 0.5, upper: 5.0),
      dxMin: Control(base: 60, lower: 10, upper: 300),
      dxAtrMult: Control(base: 6.0, lower: 0.5, upper: nil),
      slopeMin: Control(base: 0.1, lower: 0.0, upper: 1.0), thresholdScale: 100,
      s1GateKey: "pm.uptrend.S1.entry", s3GateKey: "pm.uptrend.S3.buy_flag",
      dxLadderKey: "pm.uptrend.S3.dx"),
    strengthOverrides: StrengthOverrides(
      specificityPerKey: 1.5, specificityExponent: 1.5, defaultConfidence: 0.5,
      directionClamp: I(lower: -0.5, upper: 0.5), aClamp: I(lower: 0.1, upper: 0.9),
      eClamp: I(lower: 0.1, upper: 0.9), sizeClamp: I(lower: 0.1, upper: 1.0)),
    exposureSkew: ExposureSkew(
      enabled: false, offset: 1.33, range: I(lower: 0.33, upper: 1.33), maskWeightExponent: 0.5,
      weightedDimensions: 33, scopeWeight: 1.0, patternWeight: 0.5,
      masks: [
        ["mcap_bucket"], ["mcap_bucket", "timeframe"], ["mcap_bucket", "timeframe", "chain"],
      ]),
    outcomes: Outcomes(
      rrBound: 33, bigWinAbove: 2.0, bigLossBelow: -1.0, smallWinAbove: 0.5, smallLossBelow: 0.0,
      shortHoldBelowDays: 7, mediumHoldUpToDays: 30, counterfactualSmallFrom: 0.5,
      counterfactualMediumFrom: 1.0, counterfactualLargeFrom: 2.0),
    fills: Fills(
      price: .barClose, slippageBps: 0, feeBps: 0, minNotionalUsd: 0, dustQuantity: 0.01),
    refinements: Refinements(perActionRR: false, shadowTracking: false, navAllocationBase: false))
}
