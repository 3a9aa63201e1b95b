import ArgumentParser
import EventLog
import Replayer

/// `ledgerd stats`: what a log holds and what it costs on disk.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract:
      "Events per type and stream, bytes on disk, bytes per event, compression ratio and segments of a log."
  )

  @OptionGroup var location: LogDirectoryOption
  @Flag(help: "Print the statistics as one JSON document.") var json = false

  func run() throws {
    let s: LogStats
    do {
      s = try LogStats.compute(directory: location.log)
    } catch {
      throw CLIError(error.description)
    }
    let uptrend: UptrendCounts
    do {
      uptrend = try UptrendCounts.compute(directory: location.log)
    } catch {
      throw CLIError("\(error)")
    }
    if json {
      try JSONOutput.print(StatsJSON(stats: s, uptrend: uptrend.streams))
      return
    }
    print("log \(location.log)")
    print("  segments     \(s.segments) (\(s.sealedSegments) sealed)")
    print(
      "  events       \(s.events) in \(s.batches) batches, offsets \(s.firstOffset)..<\(s.nextOffset)"
    )
    if let lo = s.minEventTime, let hi = s.maxEventTime {
      print("  event time   \(EventJSON.isoTime(lo)) … \(EventJSON.isoTime(hi))")
    }
    if let w = s.watermark { print("  watermark    \(EventJSON.isoTime(w))") }
    print(
      "  on disk      \(s.bytesOnDisk) bytes (segments \(s.segmentBytes), indexes \(s.indexBytes))")
    print(
      "  per event    \(fmt(s.bytesPerEvent)) bytes; records \(s.recordBytes) bytes uncompressed, ratio \(fmt(s.compressionRatio))×"
    )
    print("by codec")
    for c in s.codecs {
      print(
        "  \(pad(c.codec, 10)) \(pad(String(c.events), 10)) events  \(pad(String(c.batches), 7)) batches  \(fmt(c.bytesPerEvent)) B/event"
      )
    }
    print("by type")
    for t in s.types { print("  \(pad(t.name, 24)) \(t.events)") }
    print("by stream")
    for st in s.streams { print("  \(pad(st.stream, 24)) \(st.events)") }
    printUptrend(uptrend)
  }

  private func printUptrend(_ u: UptrendCounts) {
    guard !u.streams.isEmpty else { return }
    print("uptrend states and transitions")
    for st in u.streams {
      let states = st.states.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
      print("  \(pad(st.stream, 24)) bars: \(states)")
      if !st.transitions.isEmpty {
        let t = st.transitions.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
        print("  \(pad("", 24)) transitions: \(t)")
      }
    }
  }

  private func fmt(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    return String(r)
  }

  private func pad(_ s: String, _ n: Int) -> String {
    s + String(repeating: " ", count: max(1, n - s.count))
  }
}

/// `stats --json`: the log statistics with the uptrend counts beside them.
struct StatsJSON: Encodable {
  let stats: LogStats
  let uptrend: [UptrendCounts.Stream]

  private enum Keys: String, CodingKey { case uptrend }

  func encode(to encoder: any Encoder) throws {
    try stats.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(uptrend, forKey: .uptrend)
  }
}
