import EventLog
import Foundation

/// `lz4 -b1` (the liblz4 command-line benchmark) on the same raw bytes the
/// log compresses: the compression reference for the codecs.
enum LZ4Reference {
  /// Writes the raw records and the raw candle doubles of `events` and runs `lz4 -b1` on each.
  static func run(_ events: [Event], directory: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var records = Data()
    var doubles = Data()
    for e in events {
      records.append(contentsOf: recordBytes(e))
      let c = try CandlePayload.decode(e.payload)
      for v in [Double(e.eventTime), c.open, c.high, c.low, c.close, c.volume, c.quoteVolume ?? 0] {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { doubles.append(contentsOf: $0) }
      }
    }
    let recordsPath = directory + "/records.bin"
    let doublesPath = directory + "/candle-doubles.bin"
    try records.write(to: URL(fileURLWithPath: recordsPath))
    try doubles.write(to: URL(fileURLWithPath: doublesPath))
    return [recordsPath, doublesPath].map { path in
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      let perCandle = Table.f(Double(size) / Double(events.count), 2)
      return
        "\(URL(fileURLWithPath: path).lastPathComponent) (\(size) B, \(perCandle) B/candle raw): "
        + lz4Bench(path)
    }
  }

  /// An EVENTS.md §2 record of `e` (offset 0), as the generic codec stores it before LZ4.
  static func recordBytes(_ e: Event) -> [UInt8] {
    var out: [UInt8] = []
    func le<T: FixedWidthInteger>(_ v: T) {
      withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
    let stream = Array(e.stream.utf8)
    le(UInt32(38 + stream.count + 8 * e.causes.count + e.payload.count))
    le(UInt64(0))
    le(e.eventTime)
    le(e.type.rawValue)
    le(e.schemaVersion)
    out.append(e.isDerived ? 1 : 0)
    out.append(UInt8(stream.count))
    le(e.formula)
    le(UInt32(e.causes.count))
    le(UInt32(e.payload.count))
    out += stream
    for c in e.causes { le(c) }
    out += e.payload
    return out
  }

  static func lz4Bench(_ path: String) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["lz4", "-b1", "-i1", path]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    do { try p.run() } catch { return "lz4 not available (\(error))" }
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let lines = out.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map(String.init)
    // lz4 overdraws the file name with a spinner: keep what follows its colon.
    guard let result = lines.last(where: { $0.contains("->") }),
      let colon = result.firstIndex(of: ":")
    else { return out }
    return "lz4 -b1: " + result[result.index(after: colon)...].trimmingCharacters(in: .whitespaces)
  }
}
