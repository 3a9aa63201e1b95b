/// A composite driver's level across periods (D-12). Under
/// `chainLinkedIndex`: I_P = I_{P−1} × mean_c(close_c,P / close_c,P−1) over
/// the components present in P and in the last emitted bar, base `indexBase`
/// at the first bar, so joins and departures move the level by nothing.
/// Under `rawMean`: the seed's raw price mean (regime-ae.md §3.3, T26).
public struct CompositeIndex: Sendable, Equatable, Codable {
  /// The last emitted close (nil before the first bar).
  public private(set) var level: Double?
  /// Each component's close in the last emitted bar, by component id.
  public private(set) var previousCloses: [String: Double] = [:]

  /// An index with no bar yet.
  public init() {}

  /// The composite bar of one period (open time `openTime`) from its
  /// components in summation order (at least one), and whether the chain broke.
  public mutating func next(
    _ components: [CompositeComponent], openTime: Int64,
    method: RegimeConstants.CompositeMethod, base: Double
  ) -> (bar: Bar, chainBroken: Bool) {
    switch method {
    case .rawMean:
      return (Self.rawMean(components, openTime: openTime), false)
    case .chainLinkedIndex:
      return chainLinked(components, openTime: openTime, base: base)
    }
  }

  /// §3.3 / §3.4.2: means of open, high, low, close in component order;
  /// volume Σ volume.
  static func rawMean(_ components: [CompositeComponent], openTime: Int64) -> Bar {
    let k = Double(components.count)
    var bar = Bar(openTime: openTime, open: 0, high: 0, low: 0, close: 0, volume: 0)
    for c in components {
      bar.open += c.bar.open
      bar.high += c.bar.high
      bar.low += c.bar.low
      bar.close += c.bar.close
      bar.volume += c.bar.volume
    }
    bar.open /= k
    bar.high /= k
    bar.low /= k
    bar.close /= k
    return bar
  }

  /// D-12's index. Without a previous bar, or with no component in common
  /// with it (`chainBroken`), the level is the base or carried over and the
  /// bar's open, high and low are placed against the period's own closes.
  private mutating func chainLinked(
    _ components: [CompositeComponent], openTime: Int64, base: Double
  ) -> (bar: Bar, chainBroken: Bool) {
    let common = components.filter { previousCloses[$0.id] != nil }
    let start = level ?? base
    let broken = level != nil && common.isEmpty
    var bar: Bar
    if common.isEmpty {
      bar = Self.relative(components, level: start, openTime: openTime) { $0.bar.close }
      bar.close = start
    } else {
      let prev = previousCloses
      bar = Self.relative(common, level: start, openTime: openTime) { prev[$0.id]! }
    }
    bar.volume = components.reduce(0) { $0 + $1.bar.usdVolume }
    level = bar.close
    previousCloses = Dictionary(uniqueKeysWithValues: components.map { ($0.id, $0.bar.close) })
    return (bar, broken)
  }

  /// `level × mean_c(x_c / reference_c)` for open, high, low and close, each
  /// mean summed in component order.
  private static func relative(
    _ components: [CompositeComponent], level: Double, openTime: Int64,
    reference: (CompositeComponent) -> Double
  ) -> Bar {
    var o = 0.0
    var h = 0.0
    var l = 0.0
    var c = 0.0
    for x in components {
      let r = reference(x)
      o += x.bar.open / r
      h += x.bar.high / r
      l += x.bar.low / r
      c += x.bar.close / r
    }
    let k = Double(components.count)
    return Bar(
      openTime: openTime, open: level * (o / k), high: level * (h / k), low: level * (l / k),
      close: level * (c / k))
  }
}
