/// A decided swing of step 2: the bar, its close and which pattern it met.
/// Fixed once the `patternHalfWidth` closes after it exist, since it depends
/// only on its own 5-bar neighbourhood.
struct SRSwing: Codable, Sendable, Equatable {
  /// Bar index and close.
  var bar: SRIndexedClose
  /// A swing high.
  var isHigh: Bool
  /// A swing low.
  var isLow: Bool
}
