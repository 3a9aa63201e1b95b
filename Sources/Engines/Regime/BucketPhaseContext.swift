/// The bucket-phase snapshot a tick's multipliers read (regime-ae.md §2.4,
/// §6.1): the latest meso row per cap label, and the rank derived from it.
public struct BucketPhaseContext: Codable, Sendable, Equatable {
  /// The latest meso phase row of each label that has one.
  public var phases: [CapLabel: BucketPhase]

  /// A context from its rows.
  public init(phases: [CapLabel: BucketPhase]) { self.phases = phases }

  /// Labels with a row by score descending, ties by label ascending ([D25],
  /// D-12); independent of the dictionary's order.
  public var rank: [CapLabel] {
    phases.sorted { l, r in
      l.value.score != r.value.score ? l.value.score > r.value.score : l.key < r.key
    }.map(\.key)
  }

  /// 1-based rank of a label, nil if it has no row.
  public func rank(of label: CapLabel) -> Int? {
    rank.firstIndex(of: label).map { $0 + 1 }
  }
}
