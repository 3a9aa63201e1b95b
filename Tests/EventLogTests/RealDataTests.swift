import Foundation
import Ingest
import Testing

@testable import EventLog

/// The codecs and the log on the bundled real exchange candles.
@Suite struct RealDataTests {
  static func events(file: String, venue: String) throws -> [Event] {
    let parsed = try CandleCSVParser.parse(fileAt: Bundled.data(file))
    return parsed.series.flatMap { s in
      s.bars.map { b in
        let p = CandlePayload(
          open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume,
          quoteVolume: b.quoteVolume,
          venue: venue)
        return Event(
          eventTime: b.closeTime(s.timeframe), type: .candle,
          stream: "\(s.symbol!)@\(venue)/\(s.timeframe.rawValue)",
          payload: p.encoded())
      }
    }
  }

  @Test func hourlyFileIsByteIdenticalThroughBothCodecs() throws {
    let events = try Self.events(file: "coinbase_btcusd_1h.csv", venue: "coinbase")
    #expect(events.count == 20_111)
    var sizes: [BatchCodec: Int] = [:]
    for codec in [CodecChoice.generic, .automatic] {
      var total = 0
      for start in stride(from: 0, to: events.count, by: 1000) {
        let chunk = Array(events[start..<min(start + 1000, events.count)])
        let b = CandleCodecTests.encode(chunk, base: UInt64(start), codec: codec)
        #expect(b.header.codec == (codec == .generic ? .generic : .candle))
        let records = try b.records()
        #expect(records.map(\.event) == chunk)
        #expect(records.map(\.offset) == Array(UInt64(start)..<UInt64(start + chunk.count)))
        total += b.header.totalLength
      }
      sizes[codec == .generic ? .generic : .candle] = total
    }
    let generic = Double(sizes[.generic]!) / Double(events.count)
    let candle = Double(sizes[.candle]!) / Double(events.count)
    print(
      "real hourly BTC, 1000-candle batches: generic \(generic) B/candle, candle codec \(candle) B/candle"
    )
    #expect(candle < generic / 2)
  }

  @Test func batchesMixingRealStreamsAreByteIdentical() throws {
    let wide = try Self.events(file: "bitstamp_btc_eth_ltc_1d.csv", venue: "bitstamp")
    let daily = try Self.events(file: "coinbase_btcusd_1d.csv", venue: "coinbase")
    // Merge into event-time order, ties by stream (D-10, D-20).
    let merged = (wide + daily).sorted { ($0.eventTime, $0.stream) < ($1.eventTime, $1.stream) }
    #expect(merged.count == 3578 + 1770)
    let dir = TempDir()
    defer { dir.cleanup() }
    let w = try LogWriter(
      directory: dir.log, options: LogWriter.testOptions(segmentMaxBytes: 16 << 10))
    for start in stride(from: 0, to: merged.count, by: 700) {
      try w.append(Array(merged[start..<min(start + 700, merged.count)]))
    }
    try w.close()
    let reader = try LogReader(directory: dir.log)
    let c = try reader.cursor()
    var streamsInBatches: Set<Int> = []
    var typed: [CandlePayload] = []
    while let b = try c.next() {
      #expect(b.header.codec == .candle)
      let candles = try #require(try b.candles())
      streamsInBatches.insert(candles.streams.count)
      typed += (0..<candles.count).map { candles.candle(at: $0) }
    }
    #expect(streamsInBatches.contains { $0 >= 3 })
    #expect(try reader.records().map(\.event) == merged)
    #expect(try typed == merged.map { try CandlePayload.decode($0.payload) })
    let stats = try LogStats.compute(directory: dir.log)
    #expect(
      stats.streams.map(\.stream) == [
        "BTC@bitstamp/1d", "BTC@coinbase/1d", "ETH@bitstamp/1d", "LTC@bitstamp/1d",
      ])
    #expect(stats.streams.map(\.events) == [1865, 1770, 788, 925])
    #expect(try LogVerifier.verify(directory: dir.log).ok)
  }
}
