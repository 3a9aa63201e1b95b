import ArgumentParser
import EventLog
import Foundation

/// `ledgerd debug-append`: appends deterministic synthetic candle batches and
/// prints each acknowledged range, for crash tests (SIGKILL at random moments)
/// and quick experiments. Hidden from the command list.
struct DebugAppendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "debug-append",
    abstract: "Append synthetic candle batches, printing 'ack FIRST END' once each is durable.",
    discussion: """
      The candle at offset o has open = high = low = close = (o mod 100000) + 1 and volume o, \
      on stream crash/1m at event time (o + 1) minutes, so a checker can recompute every event.
      """,
    shouldDisplay: false
  )

  @OptionGroup var location: LogDirectoryOption
  @Option(help: "Batches to append.") var batches = 1000
  @Option(help: "Events per batch.") var batchSize = 100
  @Option(help: "Durability: fsync, group:MS or none.") var durability = "fsync"
  @Option(help: "Segment size in bytes.") var segmentBytes: Int64 = 64 << 20

  /// The candle a checker expects at `offset`.
  static func event(at offset: UInt64) -> Event {
    let price = Double(offset % 100_000) + 1
    let p = CandlePayload(
      open: price, high: price, low: price, close: price, volume: Double(offset))
    return Event(
      eventTime: Int64(offset + 1) * 60_000, type: .candle, stream: "crash/1m", payload: p.encoded()
    )
  }

  func run() throws {
    var options = LogOptions()
    options.segmentMaxBytes = segmentBytes
    switch durability {
    case "fsync": options.durability = .fsyncEachBatch
    case "none": options.durability = .none
    case let s where s.hasPrefix("group:"):
      guard let ms = Int(s.dropFirst(6)) else { throw ValidationError("bad durability \(s)") }
      options.durability = .groupCommit(milliseconds: ms)
    default: throw ValidationError("durability must be fsync, group:MS or none")
    }
    let writer: LogWriter
    do {
      writer = try LogWriter(directory: location.log, options: options)
    } catch {
      throw CLIError(error.description)
    }
    if !writer.recovery.isClean {
      FileHandle.standardError.write(Data("recovery: \(writer.recovery)\n".utf8))
    }
    for _ in 0..<batches {
      let start = writer.endOffset
      let events = (0..<UInt64(batchSize)).map { Self.event(at: start + $0) }
      let r = try writer.append(events)
      FileHandle.standardOutput.write(Data("ack \(r.lowerBound) \(r.upperBound)\n".utf8))
    }
    try writer.close()
  }
}
