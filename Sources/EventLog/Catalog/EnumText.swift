import SwiftProtobuf

/// The text table of one catalog enum (D-9): the form `cat`, the
/// `--type`/`--stream` filters, JSON ingest and projections use, both
/// directions. `UNSPECIFIED` has no text: it is never written.
public struct EnumTextTable<Value: SwiftProtobuf.Enum>: Sendable {
  /// The enum's name in EVENTS §10 (`RecordKind`).
  public let name: String
  /// Every written value with its text, in value order.
  public let entries: [(value: Value, text: String)]

  /// A table of `entries`.
  public init(name: String, _ entries: [(value: Value, text: String)]) {
    self.name = name
    self.entries = entries
  }

  /// The text of `value`; nil for `UNSPECIFIED` and values this build does not know.
  public func text(_ value: Value) -> String? {
    entries.first { $0.value == value }?.text
  }

  /// The value written as `text` (exact, case-sensitive); nil when none is.
  public func value(_ text: String) -> Value? {
    entries.first { $0.text.utf8.elementsEqual(text.utf8) }?.value
  }

  /// Every text in value order.
  public var texts: [String] { entries.map(\.text) }

  /// The texts joined for an error message: `a, b, c`.
  public var list: String { texts.joined(separator: ", ") }
}

/// A catalog enum with a D-9 text table.
public protocol TextEnum: SwiftProtobuf.Enum {
  /// The enum's text table.
  static var textTable: EnumTextTable<Self> { get }
}

extension TextEnum {
  /// The text form of the value; nil for `UNSPECIFIED` or an unknown value.
  public var text: String? { Self.textTable.text(self) }

  /// The value written as `text`, if any.
  public init?(text: String) {
    guard let v = Self.textTable.value(text) else { return nil }
    self = v
  }
}

extension Ledger_V1_RecordKind: TextEnum {
  /// `social_lowcap`, `signal`, `trading_plan`, `intelligence` (EVENTS §8.1).
  public static let textTable = EnumTextTable<Ledger_V1_RecordKind>(
    name: "RecordKind",
    [
      (.socialLowcap, "social_lowcap"), (.signal, "signal"), (.tradingPlan, "trading_plan"),
      (.intelligence, "intelligence"),
    ])
}

extension Ledger_V1_SrKind: TextEnum {
  /// `cluster`, `ath`, `atl`, `fib_retracement`, `fib_extension` (EVENTS §10).
  public static let textTable = EnumTextTable<Ledger_V1_SrKind>(
    name: "SrKind",
    [
      (.cluster, "cluster"), (.ath, "ath"), (.atl, "atl"), (.fibRetracement, "fib_retracement"),
      (.fibExtension, "fib_extension"),
    ])
}

extension Ledger_V1_Timeframe: TextEnum {
  /// `1m`, `5m`, `15m`, `1h`, `4h`, `1d` (EVENTS §4.1, §10).
  public static let textTable = EnumTextTable<Ledger_V1_Timeframe>(
    name: "Timeframe",
    [
      (.timeframe1M, "1m"), (.timeframe5M, "5m"), (.timeframe15M, "15m"), (.timeframe1H, "1h"),
      (.timeframe4H, "4h"), (.timeframe1D, "1d"),
    ])
}

extension Ledger_V1_TrendState: TextEnum {
  /// `S0` … `S4` (EVENTS §10).
  public static let textTable = EnumTextTable<Ledger_V1_TrendState>(
    name: "TrendState", [(.s0, "S0"), (.s1, "S1"), (.s2, "S2"), (.s3, "S3"), (.s4, "S4")])
}

extension Ledger_V1_ExitReason: TextEnum {
  /// `s1_to_s0_bearish_order`, `s2_to_s0_bearish_order`, `all_emas_below_333`,
  /// `state_transition_to_s0` (EVENTS §10).
  public static let textTable = EnumTextTable<Ledger_V1_ExitReason>(
    name: "ExitReason",
    [
      (.s1ToS0BearishOrder, "s1_to_s0_bearish_order"),
      (.s2ToS0BearishOrder, "s2_to_s0_bearish_order"), (.allEmasBelow333, "all_emas_below_333"),
      (.stateTransitionToS0, "state_transition_to_s0"),
    ])
}

extension Ledger_V1_BuyKind: TextEnum {
  /// `s1_ema60`, `s2_retest_ema333`, `s3_dx` (EVENTS §10).
  public static let textTable = EnumTextTable<Ledger_V1_BuyKind>(
    name: "BuyKind",
    [(.s1Ema60, "s1_ema60"), (.s2RetestEma333, "s2_retest_ema333"), (.s3Dx, "s3_dx")])
}

extension Ledger_V1_BootstrapKind: TextEnum {
  /// `s0_from_s4`, `s3_from_s4` (EVENTS §10, D-15).
  public static let textTable = EnumTextTable<Ledger_V1_BootstrapKind>(
    name: "BootstrapKind", [(.s0FromS4, "s0_from_s4"), (.s3FromS4, "s3_from_s4")])
}

extension Ledger_V1_EdxStatus: TextEnum {
  /// `insufficient_s3_bars`, `insufficient_data`, `computed` (engines-ta-uptrend.md §8.1).
  public static let textTable = EnumTextTable<Ledger_V1_EdxStatus>(
    name: "EdxStatus",
    [
      (.insufficientS3Bars, "insufficient_s3_bars"), (.insufficientData, "insufficient_data"),
      (.computed, "computed"),
    ])
}

extension Ledger_V1_FirstDipReason: TextEnum {
  /// `already_taken`, `emergency_exit_below_333`, `invalid_emas`, `invalid_atr`
  /// (engines-ta-uptrend.md §8.1).
  public static let textTable = EnumTextTable<Ledger_V1_FirstDipReason>(
    name: "FirstDipReason",
    [
      (.alreadyTaken, "already_taken"), (.emergencyExitBelow333, "emergency_exit_below_333"),
      (.invalidEmas, "invalid_emas"), (.invalidAtr, "invalid_atr"),
    ])
}
