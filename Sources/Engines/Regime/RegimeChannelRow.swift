/// One of the 15 rows of a token's A/E breakdown (regime-ae.md §2.8, EVENTS
/// §8.3 `channels`), in accumulation order: what the channel said, its
/// delta, its weights and its terms of A_sum and E_sum.
public struct RegimeChannelRow: Codable, Sendable, Equatable {
  /// Driver class of the row.
  public var driverClass: RegimeDriverClass
  /// The driver read; nil for the bucket rows of a token with no bucket.
  public var driver: RegimeDriver?
  /// Regime timeframe.
  public var timeframe: RegimeTimeframe
  /// Present, stale or missing; only present rows contribute.
  public var status: RegimeChannelStatus
  /// The snapshot's state string, if any.
  public var state: String?
  /// The snapshot's previous state, if any.
  public var prevState: String?
  /// The snapshot's flags (all false without a snapshot).
  public var flags: RegimeChannelFlags
  /// Bootstrapped S3 episode (audit only, D-8).
  public var bootstrapped: Bool
  /// The channel delta (zero unless present).
  public var delta: ChannelDelta
  /// w_drv of the class.
  public var driverWeight: Double
  /// w_tf of the timeframe.
  public var timeframeWeight: Double
  /// m(execTF, tf).
  public var execMultiplier: Double
  /// w_eff = w_tf × m, computed at run time (D-13).
  public var effectiveWeight: Double
  /// w_drv × w_eff, the row's "product" (diagnostic; the terms use the §4.4 grouping).
  public var weight: Double
  /// (ΔA × w_drv) × w_eff, added to A_sum.
  public var aTerm: Double
  /// (ΔE × w_drv) × w_eff, added to E_sum.
  public var eTerm: Double

  /// Whether the row contributed (EVENTS `present`).
  public var present: Bool { status == .present }

  /// JSON keys of EVENTS §8.3.
  enum CodingKeys: String, CodingKey {
    case driver, timeframe, status, state, flags, bootstrapped, delta, weight
    case driverClass = "driver_class"
    case prevState = "prev_state"
    case driverWeight = "driver_weight"
    case timeframeWeight = "timeframe_weight"
    case execMultiplier = "exec_multiplier"
    case effectiveWeight = "effective_weight"
    case aTerm = "a_term"
    case eTerm = "e_term"
  }
}

extension RegimeChannelRow {
  /// The token's 15 rows in §4.4 order: driver classes BTC, ALT, bucket,
  /// BTC.d, USDT.d, each on 1d, 1h, 1m; channels of other drivers are not read.
  static func rows(
    snapshot: [RegimeChannelKey: RegimeChannelInput], bucket: RegimeBucket,
    execMultipliers: RegimeConstants.PerHorizon<Double>, constants c: RegimeConstants
  ) -> [RegimeChannelRow] {
    RegimeDriverClass.allCases.flatMap { cls in
      RegimeTimeframe.allCases.map { tf in
        let driver = cls.driver(bucket: bucket)
        let input = driver.flatMap { snapshot[RegimeChannelKey(driver: $0, timeframe: tf)] }
        return RegimeChannelRow(
          driverClass: cls, driver: driver, timeframe: tf, input: input,
          execMultiplier: tf.value(of: execMultipliers), constants: c)
      }
    }
  }

  /// One row: the channel's delta if present, its weights computed at run
  /// time (w_eff = w_tf × m, D-13), its terms `(Δ × w_drv) × w_eff` (§4.4).
  init(
    driverClass: RegimeDriverClass, driver: RegimeDriver?, timeframe: RegimeTimeframe,
    input: RegimeChannelInput?, execMultiplier: Double, constants c: RegimeConstants
  ) {
    self.driverClass = driverClass
    self.driver = driver
    self.timeframe = timeframe
    status = input?.status ?? .missing
    state = input?.state
    prevState = input?.prevState
    flags = input?.flags ?? .none
    bootstrapped = input?.bootstrapped ?? false
    delta = status == .present ? input.map { ChannelDelta.of($0, constants: c) } ?? .zero : .zero
    driverWeight = driverClass.weight(in: c.driverWeights)
    timeframeWeight = timeframe.value(of: c.timeframeWeights)
    self.execMultiplier = execMultiplier
    effectiveWeight = timeframeWeight * execMultiplier
    weight = driverWeight * effectiveWeight
    aTerm = status == .present ? (delta.dA * driverWeight) * effectiveWeight : 0
    eTerm = status == .present ? (delta.dE * driverWeight) * effectiveWeight : 0
  }
}
