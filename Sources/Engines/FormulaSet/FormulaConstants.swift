/// Every constant and switch of the four engine specs, by engine (D-6,
/// D-20): what one formula set fixes. Engines read their constants only
/// from here.
public struct FormulaConstants: Codable, Sendable, Equatable {
  /// TA (engines-ta-uptrend.md §3).
  public var ta: TAConstants
  /// S/R provider (§4).
  public var sr: SRConstants
  /// EDX and zigzag (§7.4).
  public var edx: EDXConstants
  /// Uptrend Engine V4 (§5–§7).
  public var uptrend: UptrendConstants
  /// Regime drivers, composites and A/E (regime-ae.md).
  public var regime: RegimeConstants
  /// Paper portfolio manager (portfolio-manager.md).
  public var portfolio: PortfolioConstants
  /// Learning loop (learning.md).
  public var learning: LearningConstants

  /// The canonical constants of `v1`.
  public static let v1 = FormulaConstants(
    ta: .v1, sr: .v1, edx: .v1, uptrend: .v1, regime: .v1, portfolio: .v1, learning: .v1)

  /// `v1` with TA-03's 1000-bar window and the S0/S4 bootstrap only (D-18).
  public static let v1Reference: FormulaConstants = {
    var c = v1
    c.ta = .v1Reference
    c.uptrend = .v1Reference
    return c
  }()
}
