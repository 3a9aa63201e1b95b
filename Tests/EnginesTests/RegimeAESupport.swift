import Engines

/// Shorthands for the regime A/E tests.
enum AE {
  /// Runs the calculator with `v1` unless constants are given.
  static func run(
    _ channels: [RegimeChannelInput], exec: String = "1h", bucket: RegimeBucket = .nano,
    label: CapLabel = .unknown, intents: IntentMetrics = .none,
    phases: BucketPhaseContext? = nil, constants: RegimeConstants = .v1
  ) throws -> RegimeAEResult {
    let token = RegimeTokenContext(
      executionTimeframe: exec, bucket: bucket, capLabel: label, intents: intents,
      bucketPhases: phases)
    return try RegimeAECalculator.evaluate(
      channels: channels, token: token, constants: constants,
      tiers: PortfolioConstants.v1.tierThresholds)
  }

  /// The §4.2 delta of one channel under `v1`.
  static func delta(_ channel: RegimeChannelInput) -> ChannelDelta {
    ChannelDelta.of(channel, constants: .v1)
  }

  /// The multiplier of `label` under `v1`'s config unless one is given.
  static func multiplier(
    _ label: CapLabel, _ phases: [CapLabel: BucketPhase],
    config: RegimeConstants.BucketMultiplier = RegimeConstants.v1.bucketMultiplier
  ) -> Double {
    BucketMultiplierResult(
      label: label, context: BucketPhaseContext(phases: phases), config: config
    ).multiplier
  }

  /// A phase snapshot in which `label` has rank `rank` (1-based) among six
  /// labels, with the given slope and confidence.
  static func phases(
    label: CapLabel, rank: Int, slope: Double = 0, confidence: Double = 0.7
  ) -> [CapLabel: BucketPhase] {
    let others = CapLabel.allCases.filter { $0 != .unknown && $0 != label }
    var rows: [CapLabel: BucketPhase] = [:]
    var score = 1.0
    for position in 1...6 {
      let l = position == rank ? label : others[position < rank ? position - 1 : position - 2]
      rows[l] =
        l == label
        ? BucketPhase(score: score, slope: slope, confidence: confidence)
        : BucketPhase(score: score, slope: 0, confidence: 0.9)
      score -= 0.1
    }
    return rows
  }

  /// Within the 1e-9 tolerance of printed decimals (regime-ae §0.3).
  static func near(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-9 }
}
