/// The 6-way cap label (regime-ae.md §3.4.4, EVENTS §10 `CapLabel`). It
/// serves only the bucket multiplier (§6) and the learning scope (D-12);
/// the bucket *driver* comes from `RegimeBucket`.
public enum CapLabel: String, Codable, Sendable, CaseIterable, Comparable {
  /// No known market cap.
  case unknown
  /// [0, 100k).
  case nano
  /// [100k, 5M).
  case micro
  /// [5M, 50M).
  case mid
  /// [50M, 500M).
  case big
  /// [500M, 1B).
  case large
  /// [1B, ∞).
  case xl

  /// Orders labels by their text, the rank tie-break of §6.1 ([D25]).
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

  /// The label of a market cap under the formula set's half-open bounds;
  /// nil or negative caps are `unknown`.
  public init(marketCapUsd cap: Double?, bounds: RegimeConstants.CapLabels) {
    guard let cap, cap >= 0 else {
      self = .unknown
      return
    }
    let steps: [(Double, CapLabel)] = [
      (bounds.xlFrom, .xl), (bounds.largeFrom, .large), (bounds.bigFrom, .big),
      (bounds.midFrom, .mid), (bounds.microFrom, .micro),
    ]
    self = steps.first { cap >= $0.0 }?.1 ?? .nano
  }
}
