/// Decides, bar by bar, whether the S/R level set is recomputed (SR-04).
/// Pure event-time state (no wall clock, DET-03), snapshot-able with the
/// series' other engine state.
public struct SRRefreshSchedule: Codable, Sendable, Equatable {
  /// Milliseconds in a minute and in an hour: units, not tunable constants.
  static let minuteMs: Int64 = 60_000
  static let hourMs: Int64 = 3_600_000

  /// The cadence in force.
  public var policy: SRConstants.RefreshPolicy
  /// Minute of the UTC hour from which an hourly refresh is due.
  public var refreshMinute: Int
  /// UTC hour number (`closeTime / 1 h`, floored) of the last refresh under
  /// `hourly` on a sub-hour timeframe; `nil` before the first.
  public private(set) var lastRefreshHour: Int64?

  /// A schedule with no refresh yet, under the constants' policy.
  public init(constants: SRConstants) {
    policy = constants.refreshPolicy
    refreshMinute = constants.refreshMinute
    lastRefreshHour = nil
  }

  /// Whether the bar closing at `closeTime` (ms UTC) on a timeframe of
  /// `timeframeMs` refreshes; records the refresh. An attempt that yields
  /// "no update" still counts as the hour's refresh.
  public mutating func shouldRefresh(closeTime: Int64, timeframeMs: Int64) -> Bool {
    switch policy {
    case .everyBar: return true
    case .injected: return false
    case .hourly:
      if timeframeMs >= Self.hourMs { return true }
      return hourlyDue(closeTime: closeTime)
    }
  }

  /// Sub-hour `hourly` rule: first bar at or after the refresh minute of an
  /// hour without a refresh yet.
  mutating func hourlyDue(closeTime: Int64) -> Bool {
    let hour = floorDivide(closeTime, Self.hourMs)
    let minute = (closeTime - hour * Self.hourMs) / Self.minuteMs
    guard minute >= Int64(refreshMinute), hour != lastRefreshHour else { return false }
    lastRefreshHour = hour
    return true
  }

  /// `⌊a / b⌋` for `b > 0` (Int64 division truncates toward zero).
  func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b < 0) ? q - 1 : q
  }
}
