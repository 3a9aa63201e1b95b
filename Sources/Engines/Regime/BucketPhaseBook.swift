/// The latest SPIRAL phase row per cap label for the horizon the bucket
/// multiplier reads (regime-ae.md §6.1, D-12: `meso`), in log order, with the
/// offsets of the `BucketPhaseObserved` events.
public struct BucketPhaseBook: Sendable, Equatable, Codable {
  /// A label's latest row.
  public struct Row: Sendable, Equatable, Codable {
    /// The phase numbers.
    public var phase: BucketPhase
    /// Offset of its event.
    public var offset: UInt64
  }

  /// The horizon kept.
  public static let horizon = "meso"
  /// Latest rows by label text (a String key keeps the cache's JSON sorted).
  public private(set) var rows: [String: Row] = [:]

  /// An empty book (no context: the multiplier is 1.0).
  public init() {}

  /// Records a row of `horizon`; rows of other horizons are not read.
  public mutating func observe(
    label: CapLabel, horizon: String, _ phase: BucketPhase, offset: UInt64
  ) {
    guard horizon == Self.horizon, label != .unknown else { return }
    rows[label.rawValue] = Row(phase: phase, offset: offset)
  }

  /// The phase context (nil without any row) and the offsets read, ascending.
  public func context() -> (context: BucketPhaseContext?, causes: [UInt64]) {
    guard !rows.isEmpty else { return (nil, []) }
    var phases: [CapLabel: BucketPhase] = [:]
    for (label, row) in rows {
      if let l = CapLabel(rawValue: label) { phases[l] = row.phase }
    }
    return (BucketPhaseContext(phases: phases), rows.values.map(\.offset).sorted())
  }
}
