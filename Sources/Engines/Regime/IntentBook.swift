import Foundation

/// The intent signals and curator weights seen so far, by token (EVENTS
/// §8.1 `IntentSignal`, `CuratorWeightSet`), and the intent metrics they
/// give at an instant (regime-ae.md §5.2): recency-weighted tag hits per
/// class, in log order.
public struct IntentBook: Sendable, Equatable, Codable {
  /// One recorded signal.
  public struct Record: Sendable, Equatable, Codable {
    /// Creation time, ms UTC (the event time).
    public var time: Int64
    /// The curator who posted it.
    public var curator: String
    /// Tags as posted.
    public var tags: [String]
    /// Offset of the `IntentSignal` event.
    public var offset: UInt64

    /// A record from its fields.
    public init(time: Int64, curator: String, tags: [String], offset: UInt64) {
      self.time = time
      self.curator = curator
      self.tags = tags
      self.offset = offset
    }
  }

  /// A curator's weight and the offset of its `CuratorWeightSet`.
  public struct Weight: Sendable, Equatable, Codable {
    /// The weight.
    public var value: Double
    /// Offset of the event.
    public var offset: UInt64
  }

  /// Signals by token id, in log order.
  public private(set) var records: [String: [Record]] = [:]
  /// Latest weight by curator id.
  public private(set) var weights: [String: Weight] = [:]

  /// An empty book.
  public init() {}

  /// Records a token's signal.
  public mutating func add(token: String, _ r: Record) { records[token, default: []].append(r) }

  /// Records a curator's weight from now on.
  public mutating func setWeight(curator: String, _ value: Double, offset: UInt64) {
    weights[curator] = Weight(value: value, offset: offset)
  }

  /// The five metrics of `token` at `now` and the offsets of the signals and
  /// weights that entered them, ascending (§5.2).
  public func metrics(token: String, at now: Int64, constants c: RegimeConstants.Intents)
    -> (metrics: IntentMetrics, causes: [UInt64])
  {
    var hits = [Int](repeating: 0, count: 5)
    var sums = [Double](repeating: 0, count: 5)
    var causes: Set<UInt64> = []
    for r in records[token] ?? [] where r.time <= now {
      let hoursAgo = max(0, Double(now - r.time) / 3_600_000)
      let recency = pow(2, -hoursAgo / c.halfLifeHours)
      guard recency >= c.minRecencyWeight else { continue }
      let classes = r.tags.compactMap(Self.intentClass)
      guard !classes.isEmpty else { continue }
      let w = weights[r.curator]
      let weight = (w?.value ?? c.defaultCuratorWeight) * recency
      for k in classes {
        hits[k] += 1
        sums[k] += weight
      }
      causes.insert(r.offset)
      if let w { causes.insert(w.offset) }
    }
    let m = (0..<5).map { Self.metric(n: hits[$0], w: sums[$0], divisor: c.scaleDivisor) }
    return (
      IntentMetrics(hiBuy: m[0], medBuy: m[1], profit: m[2], sell: m[3], mock: m[4]),
      causes.sorted()
    )
  }

  /// The class index of a tag (0 hi_buy, 1 med_buy, 2 profit, 3 sell,
  /// 4 mock), first matching rule wins, matched lower-cased; nil if none.
  static func intentClass(_ tag: String) -> Int? {
    let t = tag.lowercased()
    if t.contains("buy") && t.contains("high") { return 0 }
    if t.contains("buy") && t.contains("med") { return 1 }
    if t.contains("profit") { return 2 }
    if t.contains("sell") && t.contains("signal") { return 3 }
    if t.contains("mock") || t.contains("laugh") || t.contains("joke") { return 4 }
    return nil
  }

  /// `n > 0 and W > 0 ? min(1, (W / n) × (1 + ln n) / divisor) : 0`.
  static func metric(n: Int, w: Double, divisor: Double) -> Double {
    guard n > 0, w > 0 else { return 0 }
    return min(1, (w / Double(n)) * (1 + log(Double(n))) / divisor)
  }
}
