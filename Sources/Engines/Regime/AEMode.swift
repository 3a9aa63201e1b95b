/// The A_mode / E_mode discretisation, the only one (D-1, D-13, EVENTS §10
/// `AeMode`): `low` < medFrom ≤ `med` < highFrom ≤ `high`, comparing the
/// unrounded lever output; `unknown` if absent.
public enum AEMode: String, Codable, Sendable, CaseIterable {
  /// No value.
  case unknown
  /// x < 0.4 in v1.
  case low
  /// 0.4 ≤ x < 0.7 in v1.
  case med
  /// x ≥ 0.7 in v1.
  case high

  /// The mode of a value under the formula set's thresholds.
  public init(_ value: Double?, thresholds t: RegimeConstants.ModeThresholds) {
    guard let value else {
      self = .unknown
      return
    }
    self = value >= t.highFrom ? .high : value >= t.medFrom ? .med : .low
  }
}
