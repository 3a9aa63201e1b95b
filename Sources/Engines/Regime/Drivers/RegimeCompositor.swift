/// Builds the regime driver series (regime-ae.md §3, D-12, D-18) from source
/// events in log order: BTC from the preferred venue's candle, the ALT and
/// bucket composites, and BTC.d / USDT.d from dominance readings rolled up
/// from 1m. A period is finalised once the watermark reaches its close +
/// grace; inputs for a finalised period are late, ignored and counted. Pure
/// and `Codable`, so a process run can resume it bit-identically.
public struct RegimeCompositor: Sendable, Equatable, Codable {
  /// The formula set's regime constants.
  public let constants: RegimeConstants
  /// Periods collecting inputs, in finalisation order.
  public private(set) var pending: [RegimePendingPeriod] = []
  /// Bars made but not yet handed out by `nextDue`.
  private var ready: [RegimeDriverBar] = []
  /// The highest watermark finalised up to.
  public private(set) var watermark = Int64.min
  /// Inputs that arrived after their period was finalised.
  public private(set) var lateInputs = 0
  /// Composite levels by driver stream.
  var indices: [String: CompositeIndex] = [:]
  /// The token universe: each token's latest market cap.
  public private(set) var caps = TokenCapBook()

  /// A compositor with no inputs yet.
  public init(constants: RegimeConstants) { self.constants = constants }

  /// A candle of a stream that feeds a driver: a major of BTC or an ALT
  /// component (`SYM/tf`, `SYM@venue/tf`) or a token (`token/<tid>/tf`), on
  /// 1m, 1h or 1d. Other streams are ignored.
  public mutating func candle(stream: String, bar: Bar, offset: UInt64) {
    guard let (id, tf) = feed(stream) else { return }
    add(
      CompositeComponent(id: id, stream: stream, bar: bar, offset: offset),
      key: key(bar.openTime, tf, .candles))
  }

  /// A token's market cap (EVENTS §8.1 `TokenMarketCap`): membership from
  /// the next finalised period on (D-12).
  public mutating func marketCap(token: String, capUsd: Double, offset: UInt64) {
    caps.set(token: token, capUsd: capUsd, offset: offset)
  }

  /// A dominance reading: its BTC.d and (if any, §3.5) USDT.d sample join
  /// the 1m bar of their minute.
  public mutating func dominance(_ r: DominanceSeries.Reading, offset: UInt64) {
    guard r.btcPct > 0, r.btcPct.isFinite else { return }
    let minute = DominanceSeries.floorPeriod(r.time, RegimeTimeframe.oneMinute.lengthMs)
    let key = key(minute, .oneMinute, .dominance)
    add(sample(.btcd, r.btcPct, minute, offset), key: key)
    if let u = r.usdtDominance { add(sample(.usdtd, u, minute, offset), key: key) }
  }

  /// The next bar due at `watermark` (finalising periods in key order), or
  /// nil when none is. Call `emitted` with each bar's offset before asking
  /// again: dominance roll-ups cite the 1m bars.
  public mutating func nextDue(upTo watermark: Int64) -> RegimeDriverBar? {
    self.watermark = max(self.watermark, watermark)
    while ready.isEmpty, let first = pending.first, first.key.boundary <= self.watermark {
      pending.removeFirst()
      ready = finalise(first)
    }
    return ready.isEmpty ? nil : ready.removeFirst()
  }

  /// Records where a handed-out bar was appended; a dominance 1m bar joins
  /// its 1h and 1d roll-ups.
  public mutating func emitted(_ bar: RegimeDriverBar, offset: UInt64) {
    guard bar.source == .dominance else { return }
    let input = CompositeComponent(
      id: bar.driver.rawValue, stream: bar.stream, bar: bar.bar, offset: offset)
    for tf in [RegimeTimeframe.oneHour, .oneDay] {
      let start = DominanceSeries.floorPeriod(bar.bar.openTime, tf.lengthMs)
      add(input, key: key(start, tf, .rollup), checkLate: false)
    }
  }

  /// The (component id, timeframe) of a stream that feeds a driver.
  func feed(_ stream: String) -> (String, RegimeTimeframe)? {
    let parts = stream.split(separator: "/", omittingEmptySubsequences: false)
    guard let tf = parts.last.flatMap({ RegimeTimeframe(rawValue: String($0)) }) else {
      return nil
    }
    if parts.count == 3, parts[0] == "token", !parts[1].isEmpty { return (String(parts[1]), tf) }
    guard parts.count == 2 else { return nil }
    let symbol = String(parts[0].split(separator: "@").first ?? "")
    let d = constants.drivers
    guard symbol == "BTC" || d.altComponents.contains(symbol) else { return nil }
    let prefix = String(parts[0])
    return d.sourcePreference.contains {
      $0.replacingOccurrences(of: "SYM", with: symbol) == prefix
    }
      ? (symbol, tf) : nil
  }

  private func key(_ start: Int64, _ tf: RegimeTimeframe, _ kind: RegimeDueKey.Kind)
    -> RegimeDueKey
  {
    RegimeDueKey(
      periodStart: start, timeframe: tf, kind: kind,
      graceMs: Int64(tf.value(of: constants.drivers.finalisationGraceMs)))
  }

  private func sample(_ d: RegimeDriver, _ v: Double, _ minute: Int64, _ offset: UInt64)
    -> CompositeComponent
  {
    CompositeComponent(
      id: d.rawValue, stream: "dominance",
      bar: Bar(openTime: minute, open: v, high: v, low: v, close: v), offset: offset)
  }

  /// Adds an input to its pending period (created in key order), unless the
  /// period was already finalised.
  private mutating func add(_ input: CompositeComponent, key: RegimeDueKey, checkLate: Bool = true)
  {
    if checkLate, key.boundary <= watermark {
      lateInputs += 1
      return
    }
    if let i = pending.lastIndex(where: { $0.key == key }) {
      pending[i].inputs.append(input)
      return
    }
    let at = pending.firstIndex { key < $0.key } ?? pending.count
    pending.insert(RegimePendingPeriod(key: key, inputs: [input]), at: at)
  }

  /// The bars of one finalised period, in driver order.
  private mutating func finalise(_ p: RegimePendingPeriod) -> [RegimeDriverBar] {
    switch p.key.kind {
    case .candles: return candleBars(p)
    case .dominance: return foldedBars(p, source: .dominance)
    case .rollup: return foldedBars(p, source: .rollup)
    }
  }
}
