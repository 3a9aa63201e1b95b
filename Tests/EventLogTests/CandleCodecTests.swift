import Foundation
import SwiftProtobuf
import Testing

@testable import EventLog

@Suite struct CandleCodecTests {
  static func encode(_ events: [Event], base: UInt64 = 0, codec: CodecChoice) -> LogBatch {
    let enc = BatchEncoder.encode(
      events, baseOffset: base, watermarkBefore: .min, registry: .standard, codec: codec)
    return LogBatch(
      header: enc.header, body: Array(enc.bytes[BatchHeader.size...]), segment: "test", position: 0)
  }

  @Test func handEncoderMatchesSwiftProtobuf() throws {
    var rng = SeededRandom(seed: 3)
    for i in 0..<2000 {
      var m = Ledger_V1_Candle()
      m.open = Double(Int.random(in: 1...10_000_000, using: &rng)) / 100
      m.high = i % 7 == 0 ? 0 : Double.random(in: 1...1e6, using: &rng)
      m.low = i % 11 == 0 ? -0.0 : m.open
      m.close = Double(bitPattern: rng.next())
      m.volume = i % 3 == 0 ? 0 : Double(Int.random(in: 0...1_000_000, using: &rng)) / 1e8
      if i % 2 == 0 { m.quoteVolume = Double(i) }
      if i % 5 == 0 { m.venue = i % 10 == 0 ? "coinbase" : "bitstamp" }
      let payload = CandlePayload(
        open: m.open, high: m.high, low: m.low, close: m.close, volume: m.volume,
        quoteVolume: m.hasQuoteVolume ? m.quoteVolume : nil, venue: m.hasVenue ? m.venue : nil)
      let reference = try [UInt8](m.serializedBytes() as [UInt8])
      #expect(payload.encoded() == reference)
      let decoded = try CandlePayload.decode(reference)
      #expect(decoded.encoded() == reference)
    }
  }

  @Test func bothCodecsRoundTripByteIdentically() throws {
    let events = Synthetic.candles(count: 1500)
    let generic = Self.encode(events, base: 42, codec: .generic)
    let columnar = Self.encode(events, base: 42, codec: .automatic)
    #expect(generic.header.codec == .generic)
    #expect(columnar.header.codec == .candle)
    let a = try generic.records()
    let b = try columnar.records()
    #expect(a == b)
    #expect(a.map(\.event) == events)
    #expect(a.first?.offset == 42)
    #expect(try generic.candles() == columnar.candles())
    #expect(columnar.body.count * 2 < generic.body.count)
  }

  @Test func mixedStreamsAndVenuesRoundTrip() throws {
    let btc = Synthetic.candles(count: 300, stream: "BTC@coinbase/1h", seed: 1)
    let eth = Synthetic.candles(count: 300, stream: "ETH@bitstamp/1d", seed: 2)
    var events: [Event] = []
    for i in 0..<300 {
      events.append(btc[i])
      events.append(eth[i])
      if i % 3 == 0 {
        var c = try CandlePayload.decode(eth[i].payload)
        c.venue = i % 2 == 0 ? "bitstamp" : "kraken"
        c.quoteVolume = nil
        events.append(
          Event(
            eventTime: eth[i].eventTime - 17, type: .candle, stream: "token/sol:abc/1h",
            payload: c.encoded()))
      }
    }
    let columnar = Self.encode(events, codec: .automatic)
    #expect(columnar.header.codec == .candle)
    let records = try columnar.records()
    #expect(records.map(\.event) == events)
    let typed = try #require(try columnar.candles())
    #expect(typed.streams == ["BTC@coinbase/1h", "ETH@bitstamp/1d", "token/sol:abc/1h"])
    for i in [0, 1, 2, 100, events.count - 1] {
      #expect(typed.candle(at: i) == (try CandlePayload.decode(events[i].payload)))
      #expect(typed.stream(at: i) == events[i].stream)
      #expect(typed.eventTime[i] == events[i].eventTime)
    }
  }

  @Test func valuesThatAreNotShortDecimalsStayExact() throws {
    var rng = SeededRandom(seed: 11)
    let events = (0..<500).map { i -> Event in
      let o = Double.random(in: 1...2, using: &rng)
      let c = Double.random(in: 1...2, using: &rng)
      let p = CandlePayload(
        open: o, high: max(o, c) + 0.1, low: min(o, c) - 0.1, close: c,
        volume: .leastNonzeroMagnitude * Double(i),
        quoteVolume: i % 2 == 0 ? 1e300 : 0.1 + 0.2)
      return Event(
        eventTime: Int64(i) * 60_000, type: .candle, stream: "X/1m", payload: p.encoded())
    }
    let b = Self.encode(events, codec: .automatic)
    #expect(b.header.codec == .candle)
    #expect(try b.records().map(\.event) == events)
  }

  @Test func nonCandleBatchesUseTheGenericCodec() throws {
    var events = Synthetic.candles(count: 10)
    events[3].causes = []
    events[4].schemaVersion = 1
    var other = events[5]
    other.type = EventType(rawValue: 999)
    events[5] = other
    let b = Self.encode(events, codec: .automatic)
    #expect(b.header.codec == .generic)
    #expect(try b.records().map(\.event) == events)
    #expect(try b.candles() == nil)
  }

  @Test func corruptBlocksAreReportedNotCrashed() throws {
    let events = Synthetic.candles(count: 200)
    let b = Self.encode(events, codec: .automatic)
    var raw: [UInt8] = []
    try b.decompress(into: &raw)
    var rng = SeededRandom(seed: 5)
    for _ in 0..<300 {
      var damaged = raw
      let cut = Int.random(in: 0..<damaged.count, using: &rng)
      if Bool.random(using: &rng) {
        damaged.removeLast(damaged.count - cut)
      } else {
        damaged[cut] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
      }
      _ = damaged.withUnsafeBytes {
        CandleColumnarCodec.decode($0, baseOffset: 0, count: 200, minTime: b.header.minTime)
      }
    }
  }
}
