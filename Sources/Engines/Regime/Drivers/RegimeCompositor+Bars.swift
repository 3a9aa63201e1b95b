/// The bars a finalised period yields (regime-ae.md §3.2–§3.5, D-12, D-18).
extension RegimeCompositor {
  /// The bucket drivers in bar order.
  static let bucketDrivers: [RegimeDriver] = [.nano, .small, .mid, .big]

  /// BTC, ALT and the bucket composites of one candle period.
  mutating func candleBars(_ p: RegimePendingPeriod) -> [RegimeDriverBar] {
    var byStream: [String: CompositeComponent] = [:]
    for c in p.inputs { byStream[c.stream] = c }
    let tf = p.key.timeframe
    var out: [RegimeDriverBar] = []
    if let btc = pick("BTC", tf, byStream) {
      var bar = btc.bar
      bar.quoteVolume = nil  // the event carries volume only; TA must see what a replay sees
      out.append(
        RegimeDriverBar(
          driver: .btc, timeframe: tf, bar: bar, source: .exchange, contributors: [btc.stream],
          causes: [btc.offset]))
    }
    let d = constants.drivers
    let alt = d.altComponents.compactMap { pick($0, tf, byStream) }
    if !alt.isEmpty, alt.count >= d.altMinComponents {
      out.append(composite(.alt, tf, alt, start: p.key.periodStart, members: nil, extra: []))
    }
    for bucket in Self.bucketDrivers {
      if let bar = bucketBar(bucket, tf, byStream, start: p.key.periodStart) { out.append(bar) }
    }
    return out
  }

  /// A period's bar of `symbol`: from the first stream of the source
  /// preference list that has one (D-18).
  func pick(_ symbol: String, _ tf: RegimeTimeframe, _ byStream: [String: CompositeComponent])
    -> CompositeComponent?
  {
    for pattern in constants.drivers.sourcePreference {
      let stream = pattern.replacingOccurrences(of: "SYM", with: symbol) + "/" + tf.rawValue
      if let c = byStream[stream] { return c }
    }
    return nil
  }

  /// A bucket composite over the top members (by cap) that have a candle in
  /// the period; causes add each contributor's latest cap (EVENTS §8.3).
  mutating func bucketBar(
    _ driver: RegimeDriver, _ tf: RegimeTimeframe, _ byStream: [String: CompositeComponent],
    start: Int64
  ) -> RegimeDriverBar? {
    let d = constants.drivers
    let bucket = RegimeBucket(rawValue: driver.rawValue) ?? .unknown
    let members = caps.members(of: bucket, bounds: constants.regimeBuckets)
    var parts: [CompositeComponent] = []
    var capOffsets: [UInt64] = []
    for m in members.prefix(d.bucketMaxTokens) {
      guard let c = byStream["token/\(m.token)/\(tf.rawValue)"] else { continue }
      parts.append(c)
      capOffsets.append(m.entry.offset)
    }
    guard !parts.isEmpty, parts.count >= d.bucketMinComponents else { return nil }
    return composite(driver, tf, parts, start: start, members: members.count, extra: capOffsets)
  }

  /// One composite bar, advancing the driver's index.
  mutating func composite(
    _ driver: RegimeDriver, _ tf: RegimeTimeframe, _ parts: [CompositeComponent], start: Int64,
    members: Int?, extra: [UInt64]
  ) -> RegimeDriverBar {
    let stream = RegimeDriverBar.stream(driver, tf)
    var index = indices[stream] ?? CompositeIndex()
    let d = constants.drivers
    let (bar, broken) = index.next(parts, openTime: start, method: d.composite, base: d.indexBase)
    indices[stream] = index
    return RegimeDriverBar(
      driver: driver, timeframe: tf, bar: bar, source: .composite, componentCount: parts.count,
      memberCount: members, contributors: parts.map(\.stream), chainBroken: broken,
      causes: parts.map(\.offset) + extra)
  }

  /// Dominance 1m bars from samples, or 1h / 1d roll-ups from 1m bars: per
  /// driver (BTC.d, USDT.d), open first, high max, low min, close last,
  /// volume summed, in input order (§3.5).
  func foldedBars(_ p: RegimePendingPeriod, source: RegimeBarSource) -> [RegimeDriverBar] {
    [RegimeDriver.btcd, .usdtd].compactMap { driver in
      let inputs = p.inputs.filter { $0.id == driver.rawValue }
      guard let first = inputs.first else { return nil }
      var bar = first.bar
      bar.openTime = p.key.periodStart
      for x in inputs.dropFirst() {
        bar.high = max(bar.high, x.bar.high)
        bar.low = min(bar.low, x.bar.low)
        bar.close = x.bar.close
        bar.volume += x.bar.volume
      }
      return RegimeDriverBar(
        driver: driver, timeframe: p.key.timeframe, bar: bar, source: source,
        contributors: [
          source == .rollup ? RegimeDriverBar.stream(driver, .oneMinute) : "dominance"
        ],
        causes: inputs.map(\.offset))
    }
  }
}
