import Foundation
import Testing

@testable import Engines

@Suite("S/R refresh cadence (SR-04)")
struct SRRefreshScheduleTests {
  static let minute: Int64 = 60_000
  static let hour: Int64 = 3_600_000
  /// 2019-10-17T00:00Z.
  static let day: Int64 = 1_571_270_400_000

  /// Close times (minutes after `day`) of the bars that refresh among `closes`.
  func refreshing(_ closes: [Int64], timeframe: Int64, policy: SRConstants.RefreshPolicy = .hourly)
    -> [Int64]
  {
    var k = SRConstants.v1
    k.refreshPolicy = policy
    var schedule = SRRefreshSchedule(constants: k)
    return closes.filter {
      schedule.shouldRefresh(closeTime: Self.day + $0 * Self.minute, timeframeMs: timeframe)
    }
  }

  @Test("1m: the bar closing at HH:05, once per hour")
  func oneMinute() {
    let closes = Array(Int64(1)...Int64(180))
    #expect(refreshing(closes, timeframe: Self.minute) == [5, 65, 125])
  }

  @Test("15m: the bar closing at HH:15")
  func fifteenMinutes() {
    let closes = stride(from: Int64(15), through: 180, by: 15).map { $0 }
    #expect(refreshing(closes, timeframe: 15 * Self.minute) == [15, 75, 135])
  }

  @Test("1h and 1d: every bar")
  func hourAndDay() {
    let hours = (1...5).map { Int64($0) * 60 }
    #expect(refreshing(hours, timeframe: Self.hour) == hours)
    let days = (1...3).map { Int64($0) * 1440 }
    #expect(refreshing(days, timeframe: 24 * Self.hour) == days)
  }

  @Test("A gap over minute 05 refreshes on the next bar of that hour; a skipped hour none")
  func gaps() {
    // Hour 0: bars close at :03, :04, :09, :10 → :09. Hour 1: only :01, :02 → none.
    // Hour 2: :04, :05, :06 → :05.
    let closes: [Int64] = [3, 4, 9, 10, 61, 62, 124, 125, 126]
    #expect(refreshing(closes, timeframe: Self.minute) == [9, 125])
  }

  @Test("everyBar always, injected never")
  func otherPolicies() {
    let closes = Array(Int64(1)...Int64(70))
    #expect(refreshing(closes, timeframe: Self.minute, policy: .everyBar) == closes)
    #expect(refreshing(closes, timeframe: Self.hour, policy: .injected).isEmpty)
  }

  @Test("The schedule's state round-trips through JSON mid-hour")
  func snapshot() throws {
    var schedule = SRRefreshSchedule(constants: .v1)
    let first = schedule.shouldRefresh(
      closeTime: Self.day + 5 * Self.minute, timeframeMs: Self.minute)
    #expect(first)
    var restored = try JSONDecoder().decode(
      SRRefreshSchedule.self, from: JSONEncoder().encode(schedule))
    #expect(restored == schedule)
    let sameHour = restored.shouldRefresh(
      closeTime: Self.day + 6 * Self.minute, timeframeMs: Self.minute)
    let nextHour = restored.shouldRefresh(
      closeTime: Self.day + 65 * Self.minute, timeframeMs: Self.minute)
    #expect(!sameHour && nextHour)
  }

  @Test("Close times before 1970 use the floored hour")
  func negativeTimes() {
    var schedule = SRRefreshSchedule(constants: .v1)
    // −55 min = 23:05 of 1969-12-31; −50 min is the same hour.
    let a = schedule.shouldRefresh(closeTime: -55 * Self.minute, timeframeMs: Self.minute)
    let b = schedule.shouldRefresh(closeTime: -50 * Self.minute, timeframeMs: Self.minute)
    #expect(a && !b)
  }
}
