import Engines
import Foundation
import Testing

/// Whole-file runs on real BTC history: spec §9.8 under `v1-ref` (the
/// reference engine's own states and transitions, exactly), D-14's smoke
/// figures under `v1`, and D-15's bootstrap of the daily file.
@Suite(.serialized) struct SmokeRunTests {
  static let hour: Int64 = 3_600_000
  static let day: Int64 = 86_400_000

  /// `v1-ref` with S/R refreshed every bar, as §9.8 ran it (D-14).
  static let referenceEveryBar = try! FormulaSetFile.parse(
    #"{"name": "test-v1-ref-sr-every-bar", "base": "v1-ref", "sr": {"refreshPolicy": "everyBar"}}"#,
    source: "test")

  static let referenceRun = SeriesRun(
    RealBars.hourly, formula: referenceEveryBar, barMilliseconds: hour)
  static let canonicalRun = SeriesRun(
    RealBars.hourly, formula: try! .builtIn("v1"), barMilliseconds: hour)

  @Test func referenceStatesAndTransitionsAreSection98s() {
    let r = Self.referenceRun
    #expect(r.outputs.count == 19_779)
    #expect(r.outputs.first?.barIndex == 332 && r.outputs.first?.state == .s0)
    #expect(r.bars(in: .s3) == 10_506)
    #expect(r.bars(in: .s0) == 5_127)
    #expect(r.bars(in: .s1) == 2_432)
    #expect(r.bars(in: .s2) == 1_714)
    #expect(r.bars(in: .s4) == 0)
    #expect(r.transitions(.s0, .s1) == 59)
    #expect(r.transitions(.s1, .s0) == 40)
    #expect(r.transitions(.s1, .s2) == 117)
    #expect(r.transitions(.s2, .s1) == 98)
    #expect(r.transitions(.s2, .s3) == 19)
    #expect(r.transitions(.s3, .s0) == 19)
    #expect(r.transitions(.s2, .s0) == 0)
  }

  @Test func referenceFlagCountsAreD14s() {
    let r = Self.referenceRun
    #expect(r.count(\.trimFlag) == 2_131)
    #expect(r.count(\.trimFlag, in: .s3) == 1_815)
    #expect(r.count(\.trimFlag, in: .s2) == 316)
    #expect(r.count(\.emergencyExit) == 1_900)
    #expect(r.count(\.emergencyExit, in: .s3) == 1_860)
    #expect(r.count(\.buySignal) == 196)
    #expect(r.count(\.buyFlag) == 108)
    #expect(r.count(\.buyFlag, in: .s2) == 49)
    #expect(r.count(\.buyFlag, in: .s3) == 59)
    #expect(r.count(\.reclaimedEma333) == 104)
    #expect(r.count(\.exitPosition) == 59)
    #expect(r.count(\.firstDipBuyFlag) == 10)
    let edx = r.edxRange
    #expect(matchesPrinted(edx.lowerBound, 0.219, decimals: 3), "EDX min \(edx.lowerBound)")
    #expect(matchesPrinted(edx.upperBound, 0.641, decimals: 3), "EDX max \(edx.upperBound)")
  }

  @Test func canonicalFiguresAreD14s() {
    let r = Self.canonicalRun
    #expect(r.bars(in: .s0) == 5_106)
    #expect(r.bars(in: .s1) == 2_428)
    #expect(r.bars(in: .s2) == 1_695)
    #expect(r.bars(in: .s3) == 10_550)
    #expect(r.transitions(.s0, .s1) == 59)
    #expect(r.transitions(.s1, .s0) == 41)
    #expect(r.transitions(.s1, .s2) == 115)
    #expect(r.transitions(.s2, .s1) == 97)
    #expect(r.transitions(.s2, .s3) == 18)
    #expect(r.transitions(.s3, .s0) == 18)
    #expect(r.count(\.trimFlag) == 2_131)
    #expect(r.count(\.trimFlag, in: .s2) == 313)
    #expect(r.count(\.trimFlag, in: .s3) == 1_818)
    #expect(r.count(\.emergencyExit) == 1_930)
    #expect(r.count(\.buySignal) == 197)
    #expect(r.count(\.buyFlag) == 104)
    #expect(r.count(\.buyFlag, in: .s2) == 46)
    #expect(r.count(\.buyFlag, in: .s3) == 58)
    #expect(r.count(\.reclaimedEma333) == 108)
    #expect(r.count(\.exitPosition) == 59)
    #expect(r.count(\.firstDipBuyFlag) == 9)
    let edx = r.edxRange
    #expect(matchesPrinted(edx.lowerBound, 0.219, decimals: 3), "EDX min \(edx.lowerBound)")
    #expect(matchesPrinted(edx.upperBound, 0.641, decimals: 3), "EDX max \(edx.upperBound)")
  }

  static func openTime(_ iso: String) -> Int64 {
    let f = ISO8601DateFormatter()
    return Int64(f.date(from: iso)!.timeIntervalSince1970 * 1000)
  }

  /// D-15: S4 → S3 on the bar opening 2015-12-12, S3 for 1,076 bars to S3 → S0 on 2018-11-22.
  @Test func dailyBootstrapsIntoS3UnderV1() throws {
    let r = SeriesRun(RealBars.daily, formula: try .builtIn("v1"), barMilliseconds: Self.day)
    let entry = try #require(r.outputs.first { $0.state == .s3 })
    #expect(entry.prevState == .s4 && entry.bootstrapped)
    #expect(entry.diagnostics.bootstrap == .s3FromS4)
    #expect(RealBars.daily[entry.barIndex].openTime == Self.openTime("2015-12-12T00:00:00Z"))
    #expect(entry.closeTime == Self.openTime("2015-12-13T00:00:00Z"))
    #expect(r.outputs.first?.barIndex == 332)
    let exit = try #require(
      r.outputs.first { $0.transition == UptrendTransition(from: .s3, to: .s0) })
    #expect(RealBars.daily[exit.barIndex].openTime == Self.openTime("2018-11-22T00:00:00Z"))
    #expect(
      r.outputs.filter { $0.barIndex >= entry.barIndex && $0.barIndex < exit.barIndex }.allSatisfy {
        $0.state == .s3 && $0.bootstrapped
      })
    #expect(exit.barIndex - entry.barIndex == 1_076)
  }

  /// `v1-ref` keeps the daily file in S4 until 2018-11-22 (§9.8).
  @Test func dailySitsInS4UnderV1Ref() throws {
    let r = SeriesRun(RealBars.daily, formula: try .builtIn("v1-ref"), barMilliseconds: Self.day)
    let leave = try #require(r.outputs.first { $0.state != .s4 })
    #expect(leave.state == .s0 && leave.diagnostics.bootstrap == .s0FromS4)
    #expect(RealBars.daily[leave.barIndex].openTime == Self.openTime("2018-11-22T00:00:00Z"))
  }
}
