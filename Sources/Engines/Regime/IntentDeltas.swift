/// The intent deltas of regime-ae.md §5.1: raw and capped at ±cap,
/// independently for A and E ([D07]).
public struct IntentDeltas: Codable, Sendable, Equatable {
  /// The metrics they come from.
  public var metrics: IntentMetrics
  /// dA_int before the cap.
  public var rawA: Double
  /// dE_int before the cap.
  public var rawE: Double
  /// dA_int after the cap.
  public var dA: Double
  /// dE_int after the cap.
  public var dE: Double

  /// §5.1, each sum evaluated left to right (hi_buy, med_buy, profit, sell,
  /// mock) with the formula set's signed coefficients, then capped.
  public init(_ m: IntentMetrics, constants c: RegimeConstants.Intents) {
    metrics = m
    rawA = Self.combine(m, c.a)
    rawE = Self.combine(m, c.e)
    dA = clampAE(rawA, -c.cap, c.cap)
    dE = clampAE(rawE, -c.cap, c.cap)
  }

  /// `w.hiBuy·hi + w.medBuy·med + w.profit·profit + w.sell·sell + w.mock·mock`, left to right.
  private static func combine(_ m: IntentMetrics, _ w: RegimeConstants.IntentWeights) -> Double {
    var s = w.hiBuy * m.hiBuy
    s += w.medBuy * m.medBuy
    s += w.profit * m.profit
    s += w.sell * m.sell
    s += w.mock * m.mock
    return s
  }

  /// JSON keys of EVENTS §8.3 (`d_a`, `d_e`).
  enum CodingKeys: String, CodingKey {
    case metrics
    case rawA = "raw_d_a"
    case rawE = "raw_d_e"
    case dA = "d_a"
    case dE = "d_e"
  }
}

/// `max(lo, min(hi, x))` (regime-ae.md §0.3).
func clampAE(_ x: Double, _ lo: Double, _ hi: Double) -> Double { max(lo, min(hi, x)) }
