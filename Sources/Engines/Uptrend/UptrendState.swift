/// The states of the Uptrend Engine V4 (engines-ta-uptrend.md §5.1, D-8):
/// S0 downtrend, S1 primer, S2 defensive, S3 full uptrend, S4 no clear order yet.
public enum UptrendState: String, Codable, Sendable, CaseIterable, Comparable {
  /// Bearish EMA order.
  case s0 = "S0"
  /// Fast band above EMA60, price above EMA60 at entry.
  case s1 = "S1"
  /// Price above EMA333 without full alignment.
  case s2 = "S2"
  /// Full bullish stack at entry; sticky until every EMA is below EMA333.
  case s3 = "S3"
  /// Warm-up holding pattern: no clear order at bootstrap (neutral for A/E).
  case s4 = "S4"

  /// Orders states by name (S0 < … < S4), for sorted reports.
  public static func < (a: UptrendState, b: UptrendState) -> Bool { a.rawValue < b.rawValue }
}

/// Why a bar moved to S0 with `exit_position` (FL-22).
public enum ExitReason: String, Codable, Sendable {
  /// S1 → S0 on the bearish order.
  case s1ToS0BearishOrder = "s1_to_s0_bearish_order"
  /// S2 → S0 on the bearish order (canonical only, D-03).
  case s2ToS0BearishOrder = "s2_to_s0_bearish_order"
  /// S3 → S0 once every EMA is below EMA333.
  case allEmasBelow333 = "all_emas_below_333"
}

/// Which gate produced a buy (OUT-01).
public enum BuyKind: String, Codable, Sendable {
  /// The S1 buy signal around EMA60.
  case s1Ema60 = "s1_ema60"
  /// The S2 retest of EMA333.
  case s2RetestEma333 = "s2_retest_ema333"
  /// The S3 discount (DX) buy.
  case s3Dx = "s3_dx"
}

/// How a series left S4 (diagnostics; EVENTS §10 `BootstrapKind`).
public enum BootstrapKind: String, Codable, Sendable {
  /// S4 → S0 on the bearish order.
  case s0FromS4 = "s0_from_s4"
  /// S4 → S3 on the bullish order (D-8, D-15).
  case s3FromS4 = "s3_from_s4"
}

/// The six EMAs of a bar the state machine reads.
public struct EmaLadder: Codable, Equatable, Sendable {
  /// EMA 20.
  public var ema20: Double
  /// EMA 30.
  public var ema30: Double
  /// EMA 60.
  public var ema60: Double
  /// EMA 144.
  public var ema144: Double
  /// EMA 250.
  public var ema250: Double
  /// EMA 333.
  public var ema333: Double

  /// A ladder from its six values.
  public init(
    ema20: Double, ema30: Double, ema60: Double, ema144: Double, ema250: Double, ema333: Double
  ) {
    self.ema20 = ema20
    self.ema30 = ema30
    self.ema60 = ema60
    self.ema144 = ema144
    self.ema250 = ema250
    self.ema333 = ema333
  }

  /// SM-10: E20 < E60, E30 < E60, E60 < E144, E144 < E250, E250 < E333.
  public var isBearishOrder: Bool {
    ema20 < ema60 && ema30 < ema60 && ema60 < ema144 && ema144 < ema250 && ema250 < ema333
  }

  /// SM-11: E20 > E60, E30 > E60, E60 > E144, E144 > E250, E250 > E333.
  public var isBullishOrder: Bool {
    ema20 > ema60 && ema30 > ema60 && ema60 > ema144 && ema144 > ema250 && ema250 > ema333
  }

  /// SM-12: the fast band (EMA20 and EMA30) above EMA60.
  public var fastBandAbove60: Bool { ema20 > ema60 && ema30 > ema60 }

  /// SM-13: every other EMA below EMA333.
  public var allBelow333: Bool {
    ema20 < ema333 && ema30 < ema333 && ema60 < ema333 && ema144 < ema333 && ema250 < ema333
  }
}
