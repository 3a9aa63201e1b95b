/// Step 4's first-centre clustering over swing closes that are already
/// sorted ascending, with reusable buffers. Same arithmetic and order as
/// `SRProvider.topClusters`; it only skips a prefix of centres that can
/// never match again (see `cluster(_:constants:)`).
///
/// Scratch only: it carries no state between refreshes, so it encodes as an
/// empty object, decodes empty and every two values compare equal.
struct SRClusterScratch: Codable, Sendable, Equatable {
  /// Cluster centres, in creation order.
  private var centres: [Double] = []
  /// Members of each centre.
  private var counts: [Int] = []

  /// Empty buffers.
  init() {}

  /// Empty buffers: nothing is persisted.
  init(from decoder: any Decoder) throws { self.init() }

  /// Persists nothing (an empty JSON object).
  func encode(to encoder: any Encoder) throws {
    _ = encoder.container(keyedBy: NoKeys.self)
  }

  /// Scratch never distinguishes two states.
  static func == (lhs: SRClusterScratch, rhs: SRClusterScratch) -> Bool { true }

  /// No coding keys: the encoded form is `{}`.
  private enum NoKeys: CodingKey {}

  /// The ranked, first `topClusters` clusters of `sorted` (ascending).
  mutating func topClusters(ofSorted sorted: [Double], constants k: SRConstants) -> [SRLevel] {
    cluster(sorted, constants: k)
    var levels = [SRLevel]()
    levels.reserveCapacity(centres.count)
    for j in centres.indices {
      levels.append(SRLevel(price: centres[j], strength: Double(counts[j]), kind: .cluster))
    }
    return Array(SRProvider.ranked(levels).prefix(k.topClusters))
  }

  /// Fills `centres`/`counts`: each close joins the first centre within the
  /// tolerance, else opens a new one. A centre below the current close that
  /// rejects it rejects every later (larger or equal) close too — rounding
  /// is monotone and a rejecting centre never moves — so a rejected prefix
  /// of centres is skipped for good: `firstIndex` finds the same centre.
  private mutating func cluster(_ sorted: [Double], constants k: SRConstants) {
    centres.removeAll(keepingCapacity: true)
    counts.removeAll(keepingCapacity: true)
    var firstLive = 0
    for p in sorted {
      var j = firstLive
      while j < centres.count, !(abs(p - centres[j]) / centres[j] <= k.clusterTolerance) {
        if j == firstLive && p > centres[j] && centres[j] > 0 { firstLive += 1 }
        j += 1
      }
      if j < centres.count {
        centres[j] = (centres[j] * Double(counts[j]) + p) / Double(counts[j] + 1)
        counts[j] += 1
      } else {
        centres.append(p)
        counts.append(1)
      }
    }
  }
}
