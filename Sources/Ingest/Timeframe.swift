/// A bar duration supported by the ledger.
///
/// The raw value is the conventional short name (`"1h"`), which is also what the
/// command line accepts for `--timeframe`.
public enum Timeframe: String, CaseIterable, Sendable {
  /// One-minute bars (60,000 ms).
  case oneMinute = "1m"
  /// Five-minute bars (300,000 ms).
  case fiveMinutes = "5m"
  /// Fifteen-minute bars (900,000 ms).
  case fifteenMinutes = "15m"
  /// One-hour bars (3,600,000 ms).
  case oneHour = "1h"
  /// Four-hour bars (14,400,000 ms).
  case fourHours = "4h"
  /// One-day bars (86,400,000 ms), aligned to 00:00 UTC.
  case oneDay = "1d"

  /// The duration of one bar in milliseconds.
  public var milliseconds: Int64 {
    switch self {
    case .oneMinute: 60_000
    case .fiveMinutes: 300_000
    case .fifteenMinutes: 900_000
    case .oneHour: 3_600_000
    case .fourHours: 14_400_000
    case .oneDay: 86_400_000
    }
  }

  /// The timeframe whose bars last exactly `milliseconds`, or `nil` when that
  /// duration is not a supported timeframe.
  public init?(milliseconds: Int64) {
    guard let match = Timeframe.allCases.first(where: { $0.milliseconds == milliseconds }) else {
      return nil
    }
    self = match
  }

  /// The supported timeframes as a human-readable list: `1m, 5m, 15m, 1h, 4h, 1d`.
  static let supportedList = allCases.map(\.rawValue).joined(separator: ", ")
}
