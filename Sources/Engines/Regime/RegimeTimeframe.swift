/// A regime timeframe (horizon) of a driver channel (regime-ae.md §1.2), in
/// the §4.4 inner-loop order: 1d (macro), 1h (meso), 1m (micro).
public enum RegimeTimeframe: String, Codable, Sendable, CaseIterable, Comparable {
  /// 1 day, the macro horizon.
  case oneDay = "1d"
  /// 1 hour, the meso horizon.
  case oneHour = "1h"
  /// 1 minute, the micro horizon.
  case oneMinute = "1m"

  /// Position in the §4.4 inner-loop order.
  public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// Orders timeframes as §4.4 sums them (1d, 1h, 1m).
  public static func < (a: Self, b: Self) -> Bool { a.order < b.order }

  /// The horizon name (EVENTS §10 `Horizon`).
  public var horizon: String {
    switch self {
    case .oneDay: "macro"
    case .oneHour: "meso"
    case .oneMinute: "micro"
    }
  }

  /// Length of one period, ms.
  public var lengthMs: Int64 {
    switch self {
    case .oneDay: 86_400_000
    case .oneHour: 3_600_000
    case .oneMinute: 60_000
    }
  }

  /// This timeframe's value of a per-horizon constant.
  public func value<V>(of perHorizon: RegimeConstants.PerHorizon<V>) -> V {
    switch self {
    case .oneDay: perHorizon.macro
    case .oneHour: perHorizon.meso
    case .oneMinute: perHorizon.micro
    }
  }
}
