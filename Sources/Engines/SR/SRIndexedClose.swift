/// A close with its absolute bar index (0 = the first close ever fed), so
/// window state can tell when the value slides out of the window.
struct SRIndexedClose: Codable, Sendable, Equatable {
  /// Absolute index of the bar.
  var index: Int
  /// Its close.
  var close: Double
}
