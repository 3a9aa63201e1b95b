/// The streaming volume z-score of D-14: the last `winsorWindow` log volumes
/// in an ordered multiset, each new value clamped alone to the multiset's
/// 2 %/98 % order statistics before it feeds the EWMA; values once fed are
/// never re-clamped.
public struct StreamingVolumeZ: Sendable, Equatable, Codable {
  private let constants: TAConstants
  private var sorted = SortedWindow()
  private var arrival: [Double] = []
  private var arrivalHead = 0
  private var ewma: VolumeEWMA?
  private var fed: RingBuffer

  /// An empty window under `constants`.
  public init(constants: TAConstants) {
    self.constants = constants
    fed = RingBuffer(capacity: constants.zClusterWindow)
  }

  /// Folds in one bar's (USD) volume and returns its z-score.
  public mutating func update(_ volume: Double) -> Double {
    let u = TAPrimitives.logVolume(volume)
    insert(u)
    var clamped = u
    let m = sorted.count
    if m >= constants.winsorMinCount {
      let lo = sorted[max(0, Int(constants.winsorLow * Double(m)) - 1)]
      let hi = sorted[min(m - 1, Int(constants.winsorHigh * Double(m)))]
      clamped = min(max(u, lo), hi)
    }
    if ewma == nil {
      ewma = VolumeEWMA(first: clamped, span: constants.volumeEwmaSpan)
    } else {
      ewma!.add(clamped)
    }
    fed.append(clamped)
    return z(clamped)
  }

  /// The published cluster test over the last fed values with the final mean and deviation.
  public func cluster() -> Bool {
    guard let e = ewma else { return false }
    let sd = max(e.variance, constants.varianceFloor).squareRoot()
    var hits = 0
    var positive = 0.0
    for u in fed.last(fed.count) {
      let value = min(max((u - e.mean) / sd, constants.zMin), constants.zMax)
      if value >= constants.zClusterThreshold { hits += 1 }
      positive += max(0, value)
    }
    return hits >= constants.zClusterCount || positive >= constants.zClusterSum
  }

  private func z(_ u: Double) -> Double {
    guard let e = ewma else { return 0 }
    let sd = max(e.variance, constants.varianceFloor).squareRoot()
    return min(max((u - e.mean) / sd, constants.zMin), constants.zMax)
  }

  /// Inserts `u`, evicting the value that arrived `winsorWindow` bars ago.
  private mutating func insert(_ u: Double) {
    if arrival.count < constants.winsorWindow {
      arrival.append(u)
    } else {
      sorted.remove(arrival[arrivalHead])
      arrival[arrivalHead] = u
      arrivalHead = (arrivalHead + 1) % constants.winsorWindow
    }
    sorted.insert(u)
  }
}

/// A multiset of doubles kept in ascending order, with binary-search
/// insertion and removal and O(1) order statistics.
struct SortedWindow: Sendable, Equatable, Codable {
  private(set) var values: [Double] = []

  var count: Int { values.count }
  subscript(rank: Int) -> Double { values[rank] }

  /// The first position whose value is not below `x`.
  private func lowerBound(_ x: Double) -> Int {
    var lo = 0
    var hi = values.count
    while lo < hi {
      let mid = (lo + hi) >> 1
      if values[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  mutating func insert(_ x: Double) { values.insert(x, at: lowerBound(x)) }

  mutating func remove(_ x: Double) {
    let i = lowerBound(x)
    precondition(i < values.count && values[i] == x, "removing a value the window does not hold")
    values.remove(at: i)
  }
}
