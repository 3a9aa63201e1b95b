import EventLog
import Foundation

/// A fresh temporary directory, removed by `cleanup()`.
struct TempDir {
  let path: String

  init(_ label: String = "log") {
    let base = FileManager.default.temporaryDirectory.path + "/ledger-tests"
    try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    var template = Array("\(base)/\(label).XXXXXX".utf8CString)
    let p = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    path = String(cString: p!)
  }

  var log: String { path + "/log" }

  func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// Seeded generator (SplitMix64) so synthetic series are the same every run.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

enum Synthetic {
  /// `count` hourly candles of a random walk with cent prices, on `stream`.
  static func candles(
    count: Int, stream: String = "BTC@coinbase/1h",
    start: Int64 = 1_500_000_000_000 / 3_600_000 * 3_600_000,
    seed: UInt64 = 1
  ) -> [Event] {
    var rng = SeededRandom(seed: seed)
    var price = 200_000 as Int64  // cents
    return (0..<count).map { i in
      let open = price
      price = max(100, price + Int64.random(in: -3000...3000, using: &rng))
      let high = max(open, price) + Int64.random(in: 0...1500, using: &rng)
      let low = max(1, min(open, price) - Int64.random(in: 0...1500, using: &rng))
      let vol = Double(Int.random(in: 0...10_000_000, using: &rng)) / 10_000
      let c = CandlePayload(
        open: Double(open) / 100, high: Double(high) / 100, low: Double(low) / 100,
        close: Double(price) / 100,
        volume: vol, quoteVolume: (vol * Double(price) / 100 * 100).rounded() / 100)
      return Event(
        eventTime: start + Int64(i + 1) * 3_600_000, type: .candle, stream: stream,
        payload: c.encoded())
    }
  }
}

/// Paths of the data bundled with the repository.
enum Bundled {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().path
  static func data(_ name: String) -> String { root + "/data/" + name }
}

extension LogWriter {
  /// Options with a policy and small segments, for tests.
  static func testOptions(
    durability: DurabilityPolicy = .none, segmentMaxBytes: Int64 = 64 << 20,
    codec: CodecChoice = .automatic
  ) -> LogOptions {
    var o = LogOptions()
    o.durability = durability
    o.segmentMaxBytes = segmentMaxBytes
    o.codec = codec
    o.indexIntervalBytes = 1024
    return o
  }
}

/// Every file of a directory tree with its bytes, to prove an operation changed nothing.
func snapshot(_ dir: String) -> [String: Data] {
  var out: [String: Data] = [:]
  let fm = FileManager.default
  guard let e = fm.enumerator(atPath: dir) else { return out }
  while let rel = e.nextObject() as? String {
    var isDir: ObjCBool = false
    if fm.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
      out[rel] = fm.contents(atPath: dir + "/" + rel)
    }
  }
  return out
}
