import Engines
import Foundation
import Ingest

/// The engines benchmark's series: the real hourly BTC file (20,111 bars)
/// repeated end to end, each copy's prices (and quote volume) rescaled so its
/// first open equals the previous copy's last close and its times shifted by
/// the file's span, so the series is one continuous hourly history. Base
/// volumes are kept as they are.
struct EngineBars {
  /// The bars, oldest first.
  let bars: [Bar]
  /// Bars in the source file.
  let fileBars: Int
  /// Copies of the file (the last one possibly partial).
  let copies: Int
  /// Bar length, ms.
  let barMilliseconds: Int64
  /// Highs, lows and closes as columns (the lean TA reads these, as TA-Lib does).
  let high: [Double]
  let low: [Double]
  let close: [Double]

  /// The first `count` bars of the repeated file.
  static func load(dataDirectory: String, count: Int) throws -> EngineBars {
    let file = try CandleCSVParser.parse(fileAt: dataDirectory + "/coinbase_btcusd_1h.csv")
    guard let series = file.series.first, let first = series.bars.first,
      let last = series.bars.last
    else { throw BenchError("no series in the hourly file") }
    let source = series.bars
    let ms = series.timeframe.milliseconds
    let span = last.openTime - first.openTime + ms
    let growth = last.close / first.open
    var bars: [Bar] = []
    bars.reserveCapacity(count)
    var scale = 1.0
    var copies = 0
    while bars.count < count {
      let shift = Int64(copies) * span
      for b in source.prefix(count - bars.count) {
        bars.append(
          Bar(
            openTime: b.openTime + shift, open: b.open * scale, high: b.high * scale,
            low: b.low * scale, close: b.close * scale, volume: b.volume,
            quoteVolume: b.quoteVolume.map { $0 * scale }))
      }
      scale *= growth
      copies += 1
    }
    return EngineBars(
      bars: bars, fileBars: source.count, copies: copies, barMilliseconds: ms,
      high: bars.map(\.high), low: bars.map(\.low), close: bars.map(\.close))
  }

  /// Writes the bars for `scripts/bench-talib.py`: a little-endian Int64 bar
  /// count, then five float64 columns of that many values each: open, high,
  /// low, close and the USD volume TA reads.
  func write(to path: String) throws {
    var data = Data()
    data.reserveCapacity(8 + bars.count * 5 * 8)
    withUnsafeBytes(of: Int64(bars.count).littleEndian) { data.append(contentsOf: $0) }
    for column in [bars.map(\.open), high, low, close, bars.map(\.usdVolume)] {
      column.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    guard FileManager.default.createFile(atPath: path, contents: data) else {
      throw BenchError("cannot write \(path)")
    }
  }
}
