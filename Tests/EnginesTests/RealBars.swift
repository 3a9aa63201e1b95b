import Engines
import Foundation
import Ingest

/// The bundled exchange files as engine bars, loaded once per test process.
enum RealBars {
  static let dataDirectory: String = {
    var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Tests/EnginesTests/RealBars.swift
    return components.joined(separator: "/") + "/data"
  }()

  /// Bars of a single-series file, oldest first.
  static func load(_ name: String, symbol: String? = nil) throws -> [Bar] {
    let file = try CandleCSVParser.parse(fileAt: dataDirectory + "/" + name, timeframe: nil)
    let series = file.series.first { symbol == nil || $0.symbol == symbol }!
    return series.bars.map {
      Bar(
        openTime: $0.openTime, open: $0.open, high: $0.high, low: $0.low, close: $0.close,
        volume: $0.volume, quoteVolume: $0.quoteVolume)
    }
  }

  /// Coinbase BTC/USD hourly, 20,111 bars.
  static let hourly: [Bar] = try! load("coinbase_btcusd_1h.csv")
  /// Coinbase BTC/USD daily, 1,770 bars.
  static let daily: [Bar] = try! load("coinbase_btcusd_1d.csv")
}

/// `|a − b| ≤ tolerance · max(|a|, |b|)`, or both exactly equal.
func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
  a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
}

/// Equal to the digits printed: `|a − b| ≤ half a unit of the last printed decimal`.
func matchesPrinted(_ value: Double, _ printed: Double, decimals: Int) -> Bool {
  abs(value - printed) <= 0.5 * pow(10, Double(-decimals)) + 1e-15
}
