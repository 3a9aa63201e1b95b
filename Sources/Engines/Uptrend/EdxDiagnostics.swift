/// What EDX saw on one S3 bar (engines-ta-uptrend.md §8.1): the path taken,
/// the windows, each component per window and combined.
public struct EdxDiagnostics: Codable, Equatable, Sendable {
  /// Which path of SC-30 produced the value.
  public enum Status: String, Codable, Sendable {
    /// `T < minBars`: EDX = 0.5.
    case insufficientS3Bars
    /// `|B| < minBars`: EDX = 0.5.
    case insufficientData
    /// All four components computed.
    case computed
  }

  /// The path taken.
  public var status: Status
  /// `T = t − s3StartIndex`.
  public var barsSinceS3: Int
  /// Window lengths; `w2`, `w3` nil when shorter than the minimum.
  public var w1: Int?
  /// Second window, `⌊2T/3⌋`.
  public var w2: Int?
  /// Third window, `⌊T/3⌋`.
  public var w3: Int?
  /// Slow-field scores per window w1…w3 (nil for a missing window; empty unless computed).
  public var slow: [Double?]
  /// Structure-failure scores per window.
  public var structure: [Double?]
  /// Participation-decay scores per window.
  public var participation: [Double?]
  /// Compression scores per window.
  public var compression: [Double?]
  /// Combined (SC-36) slow field; nil unless computed.
  public var slowCombined: Double?
  /// Combined structure failure.
  public var structureCombined: Double?
  /// Combined participation decay.
  public var participationCombined: Double?
  /// Combined compression.
  public var compressionCombined: Double?

  /// Diagnostics of an insufficient path: no windows, no components.
  public static func insufficient(_ status: Status, barsSinceS3: Int) -> EdxDiagnostics {
    EdxDiagnostics(
      status: status, barsSinceS3: barsSinceS3, w1: nil, w2: nil, w3: nil, slow: [],
      structure: [], participation: [], compression: [], slowCombined: nil,
      structureCombined: nil, participationCombined: nil, compressionCombined: nil)
  }
}
