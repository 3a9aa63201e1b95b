import Engines
import Ingest

/// Where the bundled real data files live: `<package root>/data/`.
enum TestData {
  static let directory: String = {
    var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Tests/EnginesTests/TestSupport.swift
    return components.joined(separator: "/") + "/data"
  }()

  /// The bars of the file's first series, oldest first, as engine bars.
  static func bars(_ name: String) throws -> [Bar] {
    let file = try CandleCSVParser.parse(fileAt: directory + "/" + name, timeframe: nil)
    return (file.series.first?.bars ?? []).map {
      Bar(
        openTime: $0.openTime, open: $0.open, high: $0.high, low: $0.low, close: $0.close,
        volume: $0.volume, quoteVolume: $0.quoteVolume)
    }
  }
}

/// A seeded 64-bit LCG (Knuth's MMIX constants) so random walks are
/// reproducible; `Double.random(in:using:)` reads its high bits.
struct SeededLCG: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state
  }
}
