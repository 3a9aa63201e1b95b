/// The engine's record of one evaluated bar (§8.1 `UptrendBarOutput`,
/// EVENTS §8.2 `UptrendState`). Identity (stream, timeframe) and the formula
/// stamp live in the event envelope, not here.
public struct UptrendBarOutput: Codable, Equatable, Sendable {
  /// Index of the bar over the series' valid bars.
  public var barIndex: Int
  /// Close time of the bar, ms UTC (the event time, EVENTS §4.1).
  public var closeTime: Int64
  /// State after this bar.
  public var state: UptrendState
  /// State of the previous evaluated bar; nil on the bootstrap bar.
  public var prevState: UptrendState?
  /// True through an S3 episode not entered by S2 → S3 (D-8, D-15), and on
  /// the S3 → S0 bar that ends one.
  public var bootstrapped: Bool
  /// Close of the bar.
  public var price: Double
  /// The six EMAs.
  public var ema: EmaLadder
  /// ATR of the bar.
  public var atr: Double
  /// Signals.
  public var flags: UptrendFlags
  /// The gate behind `buySignal` or `buyFlag`.
  public var buyKind: BuyKind?
  /// Why the bar exited to S0.
  public var exitReason: ExitReason?
  /// Scores, present per §6.8.
  public var scores: UptrendScores
  /// Bar index where the current S3 episode started.
  public var s3StartBarIndex: Int?
  /// Close time of that bar.
  public var s3StartTime: Int64?
  /// Bars since the S3 start (bar-index difference, D-14).
  public var barsSinceS3: Int?
  /// Audit details.
  public var diagnostics: UptrendDiagnostics

  /// A transition happened on this bar (and is reported by `UptrendStateChanged`).
  public var transition: UptrendTransition? {
    guard let from = prevState, from != state else { return nil }
    return UptrendTransition(from: from, to: state)
  }
}

/// A state change (OUT-10, OUT-11).
public struct UptrendTransition: Codable, Equatable, Sendable {
  /// State before.
  public var from: UptrendState
  /// State after.
  public var to: UptrendState

  /// A transition between two states.
  public init(from: UptrendState, to: UptrendState) {
    self.from = from
    self.to = to
  }

  /// To S0 from S1, S2 or S3 (S4 → S0 is not).
  public var isEmergencyExit: Bool { to == .s0 && [.s1, .s2, .s3].contains(from) }
}

/// What the engine remembers between bars (§5.3), snapshot-able (DET-12).
public struct UptrendMemory: Codable, Equatable, Sendable {
  /// State emitted on the previous evaluated bar; nil before bootstrap.
  public var state: UptrendState?
  /// `emergency_exit` of the previous evaluated bar.
  public var lastEmergencyExit = false
  /// Bar index of the S3 start.
  public var s3StartIndex: Int?
  /// Close time of the S3 start bar.
  public var s3StartTime: Int64?
  /// A first-dip buy already fired in this S3 episode.
  public var firstDipTaken = false
  /// The current S3 episode was not entered by S2 → S3 (D-8).
  public var bootstrapped = false
  /// Audit copy of the S1 buy check on the S1 → S0 / S1 → S2 bar (kept, not emitted, D-15).
  public var lastS1BuyCheck: GateCheck?
  /// Audit copy of the last S2 retest check.
  public var lastS2RetestCheck: GateCheck?
  /// The bars of the current S3 episode, its first bar first (§2.5: EDX reads them).
  public var s3Bars: [Bar] = []
  /// EDX carried through the current S3 episode (nil outside one and on its
  /// first bars); a cache of what `s3Bars` determine, snapshotted with them.
  public var edx: EDXIncremental?

  /// Empty memory (before bootstrap).
  public init() {}
}
