import EventLog
import Ingest

/// The benchmark's events: the real hourly BTC candles repeated with shifted
/// times and streams until there are enough, in batches of `batchSize`.
struct BenchData {
  let batches: [[Event]]
  let realHourly: [Event]
  var eventCount: Int { batches.reduce(0) { $0 + $1.count } }

  static func load(dataDirectory: String, events target: Int, batchSize: Int, streams: Int = 10)
    throws -> BenchData
  {
    let file = try CandleCSVParser.parse(fileAt: dataDirectory + "/coinbase_btcusd_1h.csv")
    guard let series = file.series.first, let symbol = series.symbol else {
      throw BenchError("no series in the hourly file")
    }
    let tf = series.timeframe
    let bars = series.bars
    let span = bars.last!.openTime - bars.first!.openTime + tf.milliseconds
    let streamNames = (0..<streams).map { "\(symbol)\($0)@coinbase/\(tf.rawValue)" }
    let payloads = bars.map {
      CandlePayload(
        open: $0.open, high: $0.high, low: $0.low, close: $0.close, volume: $0.volume,
        quoteVolume: $0.quoteVolume,
        venue: "coinbase"
      ).encoded()
    }
    let real = zip(bars, payloads).map { bar, p in
      Event(
        eventTime: bar.closeTime(tf), type: .candle, stream: "\(symbol)@coinbase/\(tf.rawValue)",
        payload: p)
    }
    let reps = (target + bars.count - 1) / bars.count
    var batches: [[Event]] = []
    batches.reserveCapacity(reps * (bars.count / batchSize + 1))
    for k in 0..<reps {
      let stream = streamNames[k % streams]
      let shift = Int64(k / streams) * span
      var start = 0
      while start < bars.count {
        let end = min(start + batchSize, bars.count)
        batches.append(
          (start..<end).map { i in
            Event(
              eventTime: bars[i].closeTime(tf) + shift, type: .candle, stream: stream,
              payload: payloads[i])
          })
        start = end
      }
    }
    return BenchData(batches: batches, realHourly: real)
  }
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

/// A command line read flag by flag.
struct Arguments {
  private var it: IndexingIterator<[String]>

  init(_ args: [String]) { it = args.makeIterator() }

  /// The next argument.
  mutating func next() -> String? { it.next() }

  /// The value following `flag`.
  mutating func value(of flag: String) throws -> String {
    guard let v = it.next() else { throw BenchError("\(flag) needs a value") }
    return v
  }
}
